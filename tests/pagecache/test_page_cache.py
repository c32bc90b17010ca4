import re
from datetime import timedelta

import pytest
import time_machine
from django.http import HttpResponse
from django.template import engines
from django.test import Client, RequestFactory
from django.utils import timezone
from django.utils.http import http_date

from articles.models import Article, SummaryState
from articles.summaries.services import summary_record_edit
from pagecache import holes
from pagecache.decorators import cache_page_for_readers
from pagecache.middleware import PageCacheMiddleware
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db


def test_anonymous_pages_are_served_from_the_cache_until_content_changes(client):
    article = make_article(title_en="First headline")
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    article.title_en = "Corrected headline"
    article.save()
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert "Corrected headline" in response.content.decode()


def test_each_language_is_cached_separately(client):
    make_article(title_en="Docker images", title_tr="Docker imajları")
    client.get("/en/")
    turkish = client.get("/tr/")
    assert turkish["X-Page-Cache"] == "miss"
    assert "Docker imajları" in turkish.content.decode()


PER_READER = [
    r'nonce="[^"]+"',
    r'name="csrfmiddlewaretoken" value="[^"]+"',
    r'name="token" value="[^"]+"',
    r"\d+ \+ \d+ = \?",
]


def without_nonces(html: str) -> str:
    """The page minus what must differ per reader: nonces, tokens, the question."""
    for pattern in PER_READER:
        html = re.sub(pattern, "", html)
    return html


def test_cached_article_page_is_identical_to_a_fresh_one(client):
    article = make_article()
    fresh = client.get(article.get_absolute_url("en"))
    cached = client.get(article.get_absolute_url("en"))
    assert cached["X-Page-Cache"] == "hit"
    # The CSP nonce differs per response; everything else is the same page.
    assert without_nonces(cached.content.decode()) == without_nonces(fresh.content.decode())


def test_staff_always_get_a_fresh_page(admin_client):
    make_article()
    admin_client.get("/en/")
    assert "X-Page-Cache" not in admin_client.get("/en/")


def test_a_scheduled_article_appears_when_its_time_comes_despite_the_cache(client):
    now = timezone.now()
    make_article(title_en="Already out")
    make_article(title_en="Embargoed story", published_at=now + timedelta(minutes=10))
    assert "Embargoed story" not in client.get("/en/").content.decode()
    with time_machine.travel(now + timedelta(minutes=11)):
        assert "Embargoed story" in client.get("/en/").content.decode()


def test_fresh_holes_are_rendered_anew_on_every_hit(client, settings, monkeypatch):
    # Registered for this test only: a hole filled for everyone makes every later page
    # be read uncompressed from its text.
    monkeypatch.setattr(holes, "_fillers", dict(holes._fillers))
    monkeypatch.setattr(holes, "_everyones", set(holes._everyones))
    calls = []

    @holes.register_fresh("test-hole")
    def fill(request, arg):
        calls.append(arg)
        return f"<b>fresh {arg} {len(calls)}</b>"

    template = engines["django"].from_string('{% load pagecache %}<p>{% fresh "test-hole" 7 %}</p>')
    view = PageCacheMiddleware(
        cache_page_for_readers(lambda request: HttpResponse(template.render(request=request)))
    )
    first = view(RequestFactory().get("/en/hole/"))
    assert first.content == b"<p><b>fresh 7 1</b></p>"
    second = view(RequestFactory().get("/en/hole/"))
    third = view(RequestFactory().get("/en/hole/"))
    assert second.content == b"<p><b>fresh 7 2</b></p>"
    assert third.content == b"<p><b>fresh 7 3</b></p>"


def test_article_pages_answer_conditional_requests(client):
    article = make_article()
    url = article.get_absolute_url("en")
    first = client.get(url)
    assert first.status_code == 200
    last_modified = first["Last-Modified"]
    assert client.get(url, headers={"if-modified-since": last_modified}).status_code == 304
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        article.body_en = "Updated."
        article.save()
        assert client.get(url, headers={"if-modified-since": last_modified}).status_code == 200


def test_feed_answers_conditional_requests(client):
    make_article()
    first = client.get("/en/feed/")
    since = first["Last-Modified"]
    assert client.get("/en/feed/", headers={"if-modified-since": since}).status_code == 304
    old = http_date((timezone.now() - timedelta(days=30)).timestamp())
    assert client.get("/en/feed/", headers={"if-modified-since": old}).status_code == 200


def test_drafts_never_leak_through_the_cache(client):
    article = make_article(title_en="Pulled story")
    client.get("/en/")
    article.status = Article.Status.DRAFT
    article.save()
    assert "Pulled story" not in client.get("/en/").content.decode()
    assert client.get(article.get_absolute_url("en")).status_code == 404


def form_values(html: str) -> dict[str, str]:
    return dict(re.findall(r'name="(csrfmiddlewaretoken|token)" value="([^"]+)"', html))


def start_url(article, language="en") -> str:
    return f"/{language}/comments/{article.public_id}/start/"


def test_the_cached_article_page_is_byte_identical_for_two_anonymous_readers(client):
    """One copy for every anonymous reader: no CSRF token, question or start time in it;
    each reader gets their own when they start a comment."""
    article = make_article()
    url = article.get_absolute_url("en")
    first = Client().get(url)
    second, third = Client().get(url), Client().get(url)
    assert first["X-Page-Cache"] == "miss"
    assert [second["X-Page-Cache"], third["X-Page-Cache"]] == ["hit", "hit"]
    assert first.content == second.content == third.content
    assert b'id="comment-form-fields"' in second.content
    assert form_values(second.content.decode()) == {}
    assert "private" not in second.get("Cache-Control", "")
    assert not second.cookies
    assert "<!--fresh" not in second.content.decode()
    starts = [Client().get(start_url(article)) for _ in range(3)]
    assert len({s.json()["token"] for s in starts}) == 3
    for start in starts:
        assert "no-store" in start["Cache-Control"] or "no-cache" in start["Cache-Control"]
        assert settings_csrf_cookie() in start.cookies


def settings_csrf_cookie() -> str:
    from django.conf import settings

    return settings.CSRF_COOKIE_NAME


def test_a_comment_sent_from_a_cached_page_is_accepted(client, settings):
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0
    article = make_article()
    url = article.get_absolute_url("en")
    client.get(url)
    page = client.get(url)
    assert page["X-Page-Cache"] == "hit"
    html = page.content.decode()
    start = client.get(start_url(article)).json()
    a, b = map(int, re.search(r"(\d+) \+ (\d+) = \?", start["question"]).groups())
    form = re.search(r'<form[^>]*id="comment-form-fields"[^>]*>', html).group(0)
    assert f'data-start="{start_url(article)}"' in form
    action = re.search(r'action="([^"]+)"', form).group(1).split("#")[0]
    response = client.post(
        action,
        {
            "csrfmiddlewaretoken": start["csrf"],
            "token": start["token"],
            "name": "Ayşe",
            "email": "",
            "text": "Cached pages still take comments.",
            "answer": str(a + b),
            "homepage": "",
        },
    )
    assert response.status_code == 302
    assert article.comments.filter(text="Cached pages still take comments.").exists()


def test_the_csrf_token_fetched_on_starting_works_and_is_checked(settings):
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0
    article = make_article()
    url = article.get_absolute_url("en")
    Client().get(url)
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(url)
    assert page["X-Page-Cache"] == "hit"
    start = reader.get(start_url(article))
    assert settings.CSRF_COOKIE_NAME in start.cookies
    values = start.json()
    a, b = map(int, re.search(r"(\d+) \+ (\d+) = \?", values["question"]).groups())
    action = f"/en/comments/{article.public_id}/"
    data = {"token": values["token"], "name": "Ayşe", "text": "Sent with CSRF checks on."}
    data |= {"email": "", "homepage": "", "answer": str(a + b)}
    # Without the CSRF token: refused, nothing stored.
    assert reader.post(action, data).status_code == 403
    assert not article.comments.exists()
    response = reader.post(action, {**data, "csrfmiddlewaretoken": values["csrf"]})
    assert response.status_code == 302
    assert article.comments.filter(text="Sent with CSRF checks on.").exists()


def test_a_hit_is_answered_before_the_database_and_keeps_every_header(
    client, django_assert_num_queries
):
    article = make_article()
    url = article.get_absolute_url("en")
    miss = client.get(url)
    with django_assert_num_queries(0):
        hit = client.get(url)
    assert hit["X-Page-Cache"] == "hit"
    for header in ("Content-Type", "Content-Language", "X-Frame-Options", "Last-Modified"):
        assert hit[header] == miss[header]
    assert "Cookie" in hit["Vary"]
    assert hit["X-Content-Type-Options"] == "nosniff"
    # A cached page is the same for everyone: its policy names no nonce.
    assert "nonce-" not in hit["Content-Security-Policy"]
    assert hit["Content-Security-Policy"].startswith("default-src 'self'")
    assert int(hit["Content-Length"]) == len(hit.content)


def test_a_hit_sends_the_policy_in_force(client, settings):
    """A hit's policy is built once, not per hit: a changed setting still reaches it."""
    url = make_article().get_absolute_url("en")
    client.get(url)
    assert client.get(url)["Content-Security-Policy"].startswith("default-src 'self'")
    settings.SECURE_CSP = {**settings.SECURE_CSP, "default-src": ["'none'"]}
    hit = client.get(url)
    assert hit["X-Page-Cache"] == "hit"
    assert hit["Content-Security-Policy"].startswith("default-src 'none'")


@pytest.mark.parametrize("cookie", ["short", "!" * 32, "x" * 64, "é" * 32])
def test_a_broken_csrf_cookie_is_replaced_when_the_reader_starts(settings, cookie):
    article = make_article()
    url = article.get_absolute_url("en")
    Client().get(url)
    reader = Client()
    reader.cookies[settings.CSRF_COOKIE_NAME] = cookie
    page = reader.get(url)
    assert page.status_code == 200
    assert page["X-Page-Cache"] == "hit"
    # The token comes when the reader starts a comment: a new, well-formed cookie.
    start = reader.get(f"/en/comments/{article.public_id}/start/")
    fresh = start.cookies[settings.CSRF_COOKIE_NAME].value
    assert fresh != cookie
    assert re.fullmatch(r"[A-Za-z0-9]{32}", fresh)


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"


def test_editing_an_article_renews_its_page_and_the_lists(client):
    """Other article pages too: their "More in" and "Related" lists show other articles."""
    edited, other = make_article(title_en="Before the edit"), make_article()
    edited.category = other.category
    edited.save()
    edited_url, other_url = edited.get_absolute_url("en"), other.get_absolute_url("en")
    category_url = other.category.get_absolute_url("en")
    warm(client, edited_url, other_url, "/en/", "/en/feed/", category_url)
    edited.title_en = "After the edit"
    edited.save()
    for url in (edited_url, other_url, "/en/", "/en/feed/", category_url):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
    assert "After the edit" in client.get(edited_url).content.decode()
    assert "After the edit" in client.get("/en/").content.decode()
    assert "After the edit" in client.get(other_url).content.decode()  # More in …


def test_a_comment_renews_its_page_and_the_lists_but_no_other_article_page(client):
    """Cards show comment counts, so the lists change; other article pages show no
    counts (their reading-on lists name articles only) and stay cached, as does the feed."""
    commented, other = make_article(), make_article()
    commented.category = other.category
    commented.save()
    urls = [commented.get_absolute_url("en"), other.get_absolute_url("en")]
    category_url = other.category.get_absolute_url("en")
    warm(client, *urls, "/en/", "/en/feed/", category_url)
    make_comment(article=commented)
    for url in (urls[0], "/en/", category_url):
        assert client.get(url)["X-Page-Cache"] == "miss", url
    for url in (urls[1], "/en/feed/"):
        assert client.get(url)["X-Page-Cache"] == "hit", url


def test_a_summary_renews_its_article_page_and_the_lists(client):
    """The feed describes articles by their summaries, so the lists are renewed too."""
    article, other = make_article(), make_article()
    url = article.get_absolute_url("en")
    warm(client, url, other.get_absolute_url("en"), "/en/feed/")
    SummaryState.objects.create(article=article, language="en")
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get("/en/feed/")["X-Page-Cache"] == "miss"


def test_a_new_summary_moves_the_feeds_last_modified(client):
    """Django dates a feed by its newest item; a summary written later must move it."""
    article = make_article()
    summary_record_edit(article=article, language="en", text="Older summary.")
    old = client.get("/en/feed/")["Last-Modified"]
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        summary_record_edit(article=article, language="en", text="A newer summary.")
        response = client.get("/en/feed/", headers={"if-modified-since": old})
    assert response.status_code == 200
    assert "A newer summary." in response.content.decode()


def test_renaming_a_category_renews_every_page(client):
    article = make_article()
    url = article.get_absolute_url("en")
    warm(client, url, "/en/")
    category = article.category
    category.name_en = "Renamed section"
    category.save()
    for page in (url, "/en/"):
        response = client.get(page)
        assert response["X-Page-Cache"] == "miss"
        assert "Renamed section" in response.content.decode()
