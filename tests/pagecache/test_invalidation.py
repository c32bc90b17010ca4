"""Every model whose admin saves reach readers is followed, and said to be."""

import pytest
from django.test import Client

from pagecache.invalidation import FOLLOWED
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db


def test_the_followed_models_are_the_ones_readers_see():
    assert FOLLOWED == {
        "articles.Category": "every page",
        "articles.Source": "every page",
        "articles.Author": "every page",
        "articles.Tag": "every page",
        "articles.Article": "its pages and the lists",
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
    """A full page-cache folder is culled at random; the tokens are kept elsewhere."""
    from django.core.cache import caches

    from config.settings.base import caches_from_url
    from pagecache import versions

    aliases = caches_from_url(f"file://{tmp_path / 'cache'}")
    aliases["default"]["OPTIONS"] = {"MAX_ENTRIES": 10}
    settings.CACHES = aliases  # Django's test signal rebuilds the cache handlers
    token = versions.current("pages:lists")
    for n in range(40):
        caches["default"].set(f"page-copy-{n}", "x" * 100)
    assert versions.current("pages:lists") == token
