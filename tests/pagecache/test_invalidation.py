"""Every model whose admin saves reach readers is followed, and said to be."""

import sqlite3
import threading

import pytest
from django.core.cache import caches
from django.test import Client

from config.settings.base import caches_from_url
from pagecache import versions
from pagecache.invalidation import FOLLOWED
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db


def test_the_followed_models_are_the_ones_readers_see():
    assert FOLLOWED == {
        "articles.Category": "every page",
        "articles.Source": "every page",
        "articles.Author": "every page",
        "articles.Tag": "every page",
        "articles.Article": "its pages, the lists and the article pages showing it",
        "articles.SummaryState": "its pages and the lists",
        "comments.Comment": "its article's page and the lists",
        "pages.Page": "every page",
    }


def test_a_renamed_category_renews_every_cached_page():
    article = make_article()
    other = make_category(name_en="Before")
    reader = Client()
    for url in ("/en/", article.get_absolute_url("en")):
        reader.get(url)
        assert reader.get(url)["X-Page-Cache"] == "hit"
    other.name_en = "After the rename"
    other.save()
    for url in ("/en/", article.get_absolute_url("en")):
        response = reader.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "After the rename" in response.content.decode()


def test_page_copies_cannot_push_the_version_tokens_out(settings, tmp_path):
    """A full page-cache folder drops the pages stored longest ago, never the newest
    page and never a token: the tokens are kept in a folder of their own."""
    aliases = caches_from_url(f"file://{tmp_path / 'cache'}")
    aliases["default"]["SHARDS"] = 1
    aliases["default"]["OPTIONS"]["size_limit"] = 2**20  # ten pages of 100 KB
    settings.CACHES = aliases  # Django's test signal rebuilds the cache handlers
    token = versions.current("pages:lists")
    for n in range(40):
        caches["default"].set(f"page-copy-{n}", f"{n:02}" * 50_000)
    kept = [n for n in range(40) if caches["default"].get(f"page-copy-{n}") is not None]
    assert 0 < len(kept) <= 10
    assert 39 in kept and 0 not in kept
    assert versions.current("pages:lists") == token


def test_a_renewal_waits_for_another_process_writing_the_tokens(settings, tmp_path):
    """An editor's change renews its token even while another process holds the
    tokens' folder: a renewal dropped on a busy folder would leave readers the old page."""
    settings.CACHES = caches_from_url(f"file://{tmp_path / 'cache'}")
    old = versions.current("pages:lists")
    busy = [
        sqlite3.connect(shard, isolation_level=None, check_same_thread=False)
        for shard in (tmp_path / "cache-tokens").glob("*/cache.db")
    ]
    assert len(busy) == 1  # the tokens folder has one shard (one read a page: FolderCache)
    for connection in busy:
        connection.execute("BEGIN IMMEDIATE")  # the write lock of every shard

    def release():
        for connection in busy:
            connection.execute("COMMIT")
            connection.close()

    releasing = threading.Timer(0.3, release)
    releasing.start()
    versions.renew("pages:lists")
    assert not releasing.is_alive()  # it waited for the lock
    renewed = versions.current("pages:lists")
    assert renewed != old
    assert versions.made_at(renewed) > versions.made_at(old)
