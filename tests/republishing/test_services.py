"""The desk's fetching, reading and storing against a real local HTTP server, in-process
(the worker's end-to-end run is in test_admin_worker_e2e.py)."""

from datetime import UTC, datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.utils import translation

from articles.models import Article
from articles.rendering import render_markdown
from republishing import fetching, services
from republishing.models import FeedCheck, FeedEntry, ImportRequest, Status
from tests.factories import make_article, make_source

from .site import ARTICLE_PATH

pytestmark = pytest.mark.django_db


def run(url, source, category, user):
    request = ImportRequest.objects.create(
        url=url, source=source, category=category, requested_by=user
    )
    return services.import_run(request=request)


def test_the_dev_like_page_becomes_a_draft_with_its_attribution(site, dev_source, software, editor):
    request = run(site + ARTICLE_PATH, dev_source, software, editor)
    assert request.status == Status.DONE, request.problem
    article = Article.objects.get()
    assert request.article == article
    assert article.status == Article.Status.DRAFT
    assert (article.source, article.category, article.original_language) == (
        dev_source, software, "en",
    )  # fmt: skip
    assert article.original_url == site + ARTICLE_PATH
    assert article.originally_published_at.isoformat() == "2026-03-14T09:30:00+00:00"
    assert article.title_en == "Docker images and containers, explained"
    assert article.standfirst_en == "What an image is, what a container is, and how they relate."
    assert [a.name for a in article.authors.all()] == ["Ayşe Demir"]
    assert (article.lead_image_width, article.lead_image_height) == (1200, 630)
    assert article.lead_image_credit == "DEV Community"
    assert article.lead_image_alt == ""  # for the editor to write: it describes the image
    body = article.body_en
    assert "```dockerfile\nFROM python:3.13-slim\nWORKDIR /app" in body
    assert "```python\nimport docker" in body
    assert "| Thing | Mutable? | Lives in |" in body and "| Image | No | Registry |" in body
    assert "## Building an image" in body and "### Commands you will use" in body
    assert "[the build docs](https://docs.docker.com/build/)" in body
    assert "- `docker build` makes an image" in body and "1. Build" in body
    # the page's chrome stays behind
    assert "Top posts" not in body and "Log in" not in body and "Menu" not in body
    html = render_markdown(body)
    assert '<div class="codehilite"><pre><span></span><code><span class="k">FROM</span>' in html
    assert "<table>" in html and "<th>Mutable?</th>" in html
    history = LogEntry.objects.get(object_id=str(article.pk))
    assert history.change_message.startswith(f"Imported from {site}{ARTICLE_PATH} on ")
    assert history.user == editor


def test_a_source_without_a_language_takes_the_page_s(site, software, editor):
    source = make_source(name="Dergi", language="")
    request = run(site + "/tr/go-eszamanlilik", source, software, editor)
    assert request.status == Status.DONE, request.problem
    article = request.article
    assert article.original_language == "tr"
    assert (article.title_tr, article.title_en or "") == ("Go ile eşzamanlılık", "")
    assert "```go\nch := make(chan int)\ngo func() { ch <- 42 }()" in article.body_tr
    assert article.originally_published_at == datetime(2026, 3, 15, 7, 0, tzinfo=UTC)
    assert article.lead_image.name == ""


def test_a_redirect_is_followed_and_the_final_address_kept(site, dev_source, software, editor):
    request = run(site + "/old-address", dev_source, software, editor)
    assert request.status == Status.DONE, request.problem
    assert request.article.original_url == site + ARTICLE_PATH


def test_the_same_address_is_never_imported_twice(site, dev_source, software, editor):
    first = make_article(source=dev_source, original_url=site + ARTICLE_PATH)
    with pytest.raises(services.AlreadyImported) as caught:
        services.import_request_submit(
            url=site + ARTICLE_PATH + "#comments", source=dev_source, category=software,
            user=editor,
        )  # fmt: skip
    assert caught.value.article == first
    # and a redirect to it is caught in the worker
    request = run(site + "/old-address", dev_source, software, editor)
    assert (request.status, request.problem_code, request.article) == (
        Status.FAILED, "duplicate", first,
    )  # fmt: skip
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("path", "code", "words"),
    [
        ("/hostile", "hostile", "hostile markup (handler, link, script)"),
        ("/empty", "no_article", "No article text could be found"),
        ("/paper.pdf", "content_type", "returned “application/pdf”, not a web page"),
        ("/loop", "redirects", "redirects too many times"),
        ("/to-file", "scheme", "Only http and https"),
        ("/huge", "too_large", "too large to import (more than 1.0\xa0MB)"),
        ("/slow", "timeout", "did not answer in time (limit: 1 seconds)"),
        ("/missing", "status", "HTTP status 500"),
    ],
)
def test_each_bad_page_is_refused_with_its_message_and_nothing_stored(
    site, dev_source, software, editor, settings, path, code, words
):
    settings.BROADSHEET_REPUBLISHING_MAX_BYTES = 1024 * 1024
    settings.BROADSHEET_REPUBLISHING_TIMEOUT = 1
    request = run(site + path, dev_source, software, editor)
    assert (request.status, request.problem_code) == (Status.FAILED, code), request.problem
    assert words in request.problem
    assert not Article.objects.exists()
    assert not LogEntry.objects.exists()
    with translation.override("tr"):
        assert request.problem != problem_in_english(request)


def problem_in_english(request):
    with translation.override("en"):
        return request.problem


def test_private_addresses_are_refused_unless_allowed(site, dev_source, software, editor, settings):
    settings.BROADSHEET_REPUBLISHING_ALLOW_PRIVATE_ADDRESSES = False
    request = run(site + ARTICLE_PATH, dev_source, software, editor)
    assert (request.status, request.problem_code) == (Status.FAILED, "private")
    assert "private or local network (localhost → " in request.problem
    for address in ("http://localhost/", "http://[::1]/", "http://169.254.169.254/latest/",
                    "http://10.0.0.1/", "http://[::ffff:127.0.0.1]/"):  # fmt: skip
        with pytest.raises(fetching.FetchError) as caught:
            fetching.fetch(address, accept=fetching.HTML_TYPES)
        assert caught.value.code == "private", address
    assert not Article.objects.exists()


def test_a_redirect_to_a_private_address_is_refused(httpserver, settings):
    """Each hop is checked: a public first hop cannot lead inside (simulated by allowing
    nothing but checking the redirect target alone)."""
    settings.BROADSHEET_REPUBLISHING_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(fetching.FetchError) as caught:
        fetching.fetch("http://127.0.0.1:9/", accept=fetching.HTML_TYPES)
    assert caught.value.code == "private"


def test_the_rss_check_lists_only_entries_not_imported(site, dev_source, software, editor):
    dev_source.feed_url = site + "/feed/ayse"
    dev_source.save()
    done = make_article(source=dev_source, original_url=site + "/ayse/git-worktrees-3ghi")
    check = services.feed_check_run(check=FeedCheck.objects.create(source=dev_source))
    assert (check.status, check.new_entries) == (Status.DONE, 2), check.problem
    new = FeedEntry.objects.not_imported()
    assert sorted(e.title for e in new) == [
        "Docker images and containers, explained", "Kubernetes for the impatient",
    ]  # fmt: skip
    assert FeedEntry.objects.get(article=done).url.endswith("git-worktrees-3ghi")
    # importing one takes it off the list; checking again finds nothing new
    entry = new.get(title__startswith="Docker")
    request = ImportRequest.objects.create(
        url=entry.url, source=dev_source, category=software, requested_by=editor,
        feed_entry=entry,
    )  # fmt: skip
    services.import_run(request=request)
    assert [e.title for e in FeedEntry.objects.not_imported()] == ["Kubernetes for the impatient"]
    again = services.feed_check_run(check=FeedCheck.objects.create(source=dev_source))
    assert again.new_entries == 0


def test_the_atom_check_reads_entries_and_dates(site, software):
    source = make_source(name="Dergi", feed_url=site + "/atom.xml", language="tr")
    check = services.feed_check_run(check=FeedCheck.objects.create(source=source))
    assert (check.status, check.new_entries) == (Status.DONE, 2), check.problem
    entry = FeedEntry.objects.get(title="Go ile eşzamanlılık")
    assert entry.published_at.isoformat() == "2026-03-15T10:00:00+00:00"


@pytest.mark.parametrize(
    ("path", "code"),
    [("/broken-feed", "not_a_feed"), ("/feed-is-html", "feed_content_type"),
     ("/loop", "redirects")],
)  # fmt: skip
def test_a_bad_feed_is_refused_with_its_message(site, path, code):
    source = make_source(name="Broken", feed_url=site + path)
    check = services.feed_check_run(check=FeedCheck.objects.create(source=source))
    assert (check.status, check.problem_code) == (Status.FAILED, code)
    assert check.problem
    assert not FeedEntry.objects.exists()
