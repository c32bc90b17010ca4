"""End to end in the admin with a real ``db_worker`` process fetching from a real local
HTTP server: an editor imports by address, checks a source's feed and imports entries."""

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article
from republishing.models import FeedCheck, FeedEntry, ImportRequest, Status
from tests.factories import make_article
from tests.workers import copy_back, database_url_for_worker, run_batch_worker

from .site import ARTICLE_PATH

IMPORTS = reverse("admin:republishing_importrequest_changelist")
ADD = reverse("admin:republishing_importrequest_add")
ENTRIES = reverse("admin:republishing_feedentry_changelist")
SOURCES = reverse("admin:articles_source_changelist")


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def csrf_token(page) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def messages_of(page) -> str:
    return " ".join(str(m) for m in page.context["messages"])


def work(tmp_path) -> None:
    from django.conf import settings

    url = database_url_for_worker(tmp_path)
    run_batch_worker(url, DJANGO_MEDIA_ROOT=str(settings.MEDIA_ROOT))
    copy_back(url)


@pytest.mark.django_db(transaction=True)
def test_an_editor_imports_an_address_and_the_worker_makes_the_draft(
    tmp_path, site, dev_source, software, editor
):
    admin = csrf_client(editor)
    form = admin.get(ADD)
    assert form.status_code == 200
    address = site + ARTICLE_PATH
    response = admin.post(ADD, {
        "csrfmiddlewaretoken": csrf_token(form), "url": address,
        "source": dev_source.pk, "category": software.pk,
    }, follow=True)  # fmt: skip
    assert response.redirect_chain[-1][0] == IMPORTS
    assert f"The import of {address} is queued" in messages_of(response)
    assert "Queued" in response.text
    assert not Article.objects.exists()

    work(tmp_path)
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT and article.original_url == address
    listing = admin.get(IMPORTS)
    change = reverse("admin:articles_article_change", args=[article.pk])
    assert "Done" in listing.text and f'href="{change}"' in listing.text
    history = admin.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert f"Imported from {address} on" in unescape(history.text)

    # the same address again: taken to the existing article, nothing queued
    form = admin.get(ADD)
    again = admin.post(ADD, {
        "csrfmiddlewaretoken": csrf_token(form), "url": address,
        "source": dev_source.pk, "category": software.pk,
    }, follow=True)  # fmt: skip
    assert again.redirect_chain[-1][0] == change
    assert "This address was imported already" in messages_of(again)
    assert ImportRequest.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_refused_page_is_listed_with_its_message_in_turkish(
    tmp_path, site, dev_source, software, editor
):
    admin = csrf_client(editor)
    form = admin.get(ADD)
    admin.post(ADD, {
        "csrfmiddlewaretoken": csrf_token(form), "url": site + "/hostile",
        "source": dev_source.pk, "category": software.pk,
    })  # fmt: skip
    work(tmp_path)
    assert ImportRequest.objects.get().status == Status.FAILED
    assert not Article.objects.exists()
    turkish = admin.get("/tr" + IMPORTS.removeprefix("/en"))
    assert "Yazının metninde zararlı işaretleme var (handler, link, script)" in unescape(
        turkish.text
    )
    assert "Başarısız" in turkish.text


@pytest.mark.django_db(transaction=True)
def test_check_for_new_articles_then_import_selected(tmp_path, site, dev_source, software, editor):
    dev_source.feed_url = site + "/feed/ayse"
    dev_source.save()
    make_article(source=dev_source, original_url=site + "/ayse/git-worktrees-3ghi")
    admin = csrf_client(editor)
    listing = admin.get(SOURCES)
    assert "Check for new articles" in listing.text
    response = admin.post(SOURCES, {
        "csrfmiddlewaretoken": csrf_token(listing), "action": "check_for_new_articles",
        "_selected_action": [dev_source.pk],
    }, follow=True)  # fmt: skip
    assert "Checking 1 feed in the background" in messages_of(response)
    work(tmp_path)
    assert FeedCheck.objects.get().new_entries == 2

    entries = admin.get(ENTRIES)
    assert "Kubernetes for the impatient" in entries.text
    assert "Docker images and containers, explained" in entries.text
    assert "Git worktrees" not in entries.text  # imported before: not listed as new
    docker = FeedEntry.objects.get(title__startswith="Docker")
    response = admin.post(ENTRIES, {
        "csrfmiddlewaretoken": csrf_token(entries), "action": "import_selected",
        "_selected_action": [docker.pk], "category": software.pk,
    }, follow=True)  # fmt: skip
    assert "1 import queued" in messages_of(response)
    work(tmp_path)
    article = Article.objects.get(original_url=docker.url)
    assert article.title_en == "Docker images and containers, explained"
    entries = admin.get(ENTRIES)
    assert "Kubernetes for the impatient" in entries.text
    assert "Docker images" not in entries.text


@pytest.mark.django_db
def test_the_desk_is_the_editors(site, dev_source, software, moderator, translator):
    for user in (moderator, translator):
        client = csrf_client(user)
        assert client.get(ADD).status_code == 403
        assert client.get(ENTRIES).status_code == 403
