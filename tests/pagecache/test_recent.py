"""Page entries kept in the process's memory (``pagecache.middleware.Recent``): served
only while their tokens hold and the cache's own copy would live."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import caches
from django.utils import timezone

from articles.models import Article
from pagecache import invalidation, middleware
from pagecache.middleware import Recent
from tests.factories import make_article

pytestmark = pytest.mark.django_db


class CountingCache:
    """The default cache, noting the keys read from it."""

    def __init__(self, real):
        self.real, self.read = real, []

    def get(self, key, *args, **kwargs):
        self.read.append(key)
        return self.real.get(key, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_a_hit_on_a_page_this_process_stored_reads_no_entry_from_the_cache(client, monkeypatch):
    article = make_article()
    url = article.get_absolute_url("en")
    assert client.get(url, HTTP_ACCEPT_ENCODING="br, gzip")["X-Page-Cache"] == "miss"
    counting = CountingCache(caches["default"])
    monkeypatch.setattr(middleware, "cache", counting)
    response = client.get(url, HTTP_ACCEPT_ENCODING="br, gzip")
    assert response["X-Page-Cache"] == "hit"
    assert counting.read == []  # the tokens are read from their own cache


def test_an_edit_retires_the_page_remembered_in_memory(client):
    article = make_article(title_en="First headline")
    url = article.get_absolute_url("en")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    # As another process would: the database and the shared tokens, nothing in memory.
    Article.objects.filter(pk=article.pk).update(title_en="Corrected headline")
    invalidation.article_changed(article.pk)
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Corrected headline" in response.content.decode()


def test_a_remembered_page_ends_when_the_caches_copy_would(client, settings):
    article = make_article()
    url = article.get_absolute_url("en")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    later = timezone.now() + timedelta(seconds=settings.BROADSHEET_PAGE_CACHE_SECONDS + 1)
    with time_machine.travel(later):
        assert client.get(url)["X-Page-Cache"] == "miss"


def test_an_emptied_cache_retires_what_memory_remembers(client):
    article = make_article()
    url = article.get_absolute_url("en")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    for alias in caches:  # as manage.py restore does
        caches[alias].clear()
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_memory_keeps_the_pages_read_last_and_no_more():
    recent = Recent(size=2)
    recent.put("a", {"n": 1})
    recent.put("b", {"n": 2})
    assert recent.get("a") == {"n": 1}  # now the newest
    recent.put("c", {"n": 3})
    assert recent.get("b") is None
    assert recent.get("a") == {"n": 1}
    assert recent.get("c") == {"n": 3}
