"""The desk's smaller parts: the address form, the command, DNS pinning, query counts."""

import io
import socket
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from republishing import fetching
from republishing.models import FeedCheck, ImportRequest, Status
from tests.factories import make_article, make_source

from .site import ARTICLE_PATH

pytestmark = pytest.mark.django_db

ADD = reverse("admin:republishing_importrequest_add")
IMPORTS = reverse("admin:republishing_importrequest_changelist")


def test_the_form_refuses_an_address_it_may_not_fetch(client, editor, dev_source, software):
    client.force_login(editor)
    for address, words in (
        ("ftp://dev.to/a", "Only http and https addresses can be fetched"),
        ("javascript:alert(1)", "Enter a valid URL."),
    ):
        page = client.post(ADD, {"url": address, "source": dev_source.pk, "category": software.pk})
        assert page.status_code == 200, address
        assert words in page.text, address
    assert not ImportRequest.objects.exists()


def test_check_feeds_queues_a_check_per_feed(dev_source):
    dev_source.feed_url = "https://dev.to/feed/ayse"
    dev_source.save()
    make_source(name="No feed")
    out = io.StringIO()
    call_command("check_feeds", "--dry-run", stdout=out)
    assert "Would check DEV Community: https://dev.to/feed/ayse" in out.getvalue()
    assert not FeedCheck.objects.exists()
    call_command("check_feeds", stdout=io.StringIO())
    assert list(FeedCheck.objects.values_list("source__name", "status")) == [
        ("DEV Community", Status.QUEUED)
    ]
    with pytest.raises(CommandError, match="No feed"):
        call_command("check_feeds", "No feed", stdout=io.StringIO())


def test_the_connection_goes_to_the_address_that_was_checked(site, monkeypatch, settings):
    """A host whose second DNS answer is private (DNS rebinding) is asked once per hop:
    the request is sent to the IP that passed the check, with the host name as Host."""
    port = int(site.rsplit(":", 1)[1])
    answers = iter(["127.0.0.1", "10.0.0.1", "10.0.0.1"])
    real = socket.getaddrinfo

    def rebinding(host, *args, **kwargs):
        if host == "rebind.example":
            ip = next(answers)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    fetched = fetching.fetch(
        f"http://rebind.example:{port}{ARTICLE_PATH}", accept=fetching.HTML_TYPES
    )
    assert b"Docker images and containers" in fetched.content
    assert next(answers) == "10.0.0.1"  # the one answer used; the next two were never asked
    settings.BROADSHEET_REPUBLISHING_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(fetching.FetchError) as caught:
        fetching.fetch(f"http://rebind.example:{port}/", accept=fetching.HTML_TYPES)
    assert (caught.value.code, caught.value.detail) == ("private", "rebind.example → 10.0.0.1")


def test_the_imports_list_costs_the_same_queries_for_many_rows(
    client, editor, dev_source, software
):
    client.force_login(editor)

    def add(count):
        for n in range(count):
            article = make_article(source=dev_source, original_url=f"https://dev.to/a/{n}-{count}")
            ImportRequest.objects.create(
                url=article.original_url, source=dev_source, category=software,
                requested_by=editor, status=Status.DONE, article=article,
            )  # fmt: skip

    add(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(IMPORTS).status_code == 200
    add(8)
    with CaptureQueriesContext(connection) as many:
        page = client.get(IMPORTS)
    assert page.text.count("Done") >= 10
    assert len(many) == len(few)


def test_readers_see_the_original_date_and_the_canonical_link(client, dev_source):
    """Once an editor publishes a republished article, its page credits the source with
    the original date, in both languages, and names the original as canonical."""
    article = make_article(
        source=dev_source,
        original_url="https://dev.to/ayse/docker-images-and-containers-1abc",
        originally_published_at=datetime(2026, 3, 14, 9, 30, tzinfo=UTC),
    )
    english = client.get(article.get_absolute_url("en")).text
    assert (
        'Originally published by <a href="https://dev.to/ayse/docker-images-and-containers-1abc"'
        ' rel="noopener">DEV Community</a> on 14 March 2026'
    ) in english
    assert (
        '<link rel="canonical" href="https://dev.to/ayse/docker-images-and-containers-1abc">'
        in english
    )
    turkish = client.get(article.get_absolute_url("tr")).text
    assert "İlk olarak 14 Mart 2026 tarihinde <a" in turkish
    assert "DEV Community</a> tarafından yayımlandı" in turkish
