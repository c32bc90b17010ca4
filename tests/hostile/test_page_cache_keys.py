"""What an outside probe can do to the page cache: fill it, poison it, or have it shared.

A cached page's key holds only what the page is made from (scheme, host, path and the
query parameters its view declares); whatever else a reader sends cannot make a new
entry, and what carries one reader's values (the CSRF token and question fetched on
starting a comment, a writer's own pending comments) tells shared caches to keep out.
"""

import re

import pytest
from django.core.cache import cache

from articles.views import HomeView
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def page_entries() -> set[str]:
    """The page cache's entries in the test cache (local memory)."""
    return {key for key in cache._cache if ":page:" in key}


@pytest.fixture
def article():
    return make_article(title_en="Docker images", title_tr="Docker imajları")


def test_unknown_query_parameters_make_no_new_cache_entries(client, article):
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    before = page_entries()
    for n in range(700):
        response = client.get(f"/en/?d={n}")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit"  # answered from the canonical copy
    assert page_entries() == before


@pytest.mark.parametrize(
    "query",
    ["utm_source=x", "page=1&d=2", "page=%31", "page=01", "page=1_0", "page=+1", "page=2&page=2"],
)
def test_no_spelling_of_a_query_makes_a_new_entry(client, article, query):
    paths = ["/en/", article.get_absolute_url("en"), "/en/feed/"]
    for path in paths:
        client.get(path)
        client.get(f"{path}?page=1")  # the list's first page, as its "newer" link spells it
    before = page_entries()
    for path in paths:
        assert client.get(f"{path}?{query}").status_code in (200, 404)
    assert page_entries() == before


def test_the_page_number_is_part_of_the_key(client, monkeypatch):
    monkeypatch.setattr(HomeView, "paginate_by", 1)
    make_article(title_en="Newest story")
    make_article(title_en="Older story")
    assert "Newest story" in client.get("/en/").content.decode()
    second = client.get("/en/?page=2")
    assert second["X-Page-Cache"] == "miss"
    assert "Older story" in second.content.decode()
    again = client.get("/en/?page=2&utm_source=probe")
    assert "Older story" in again.content.decode()
    assert client.get("/en/?page=2")["X-Page-Cache"] == "hit"


def test_a_page_asked_with_extra_parameters_is_the_canonical_page(client, article):
    canonical = client.get("/en/").content.decode()
    probed = client.get("/en/?d=1&utm_source=x").content.decode()
    assert 'href="http://testserver/en/"' in probed
    assert "d=1" not in probed and "utm_source" not in probed
    assert len(probed) == len(canonical)


def test_search_is_kept_only_under_its_tidy_query(client, article):
    assert client.get("/en/search/?q=docker")["X-Page-Cache"] == "miss"
    assert client.get("/en/search/?q=docker")["X-Page-Cache"] == "hit"
    # Stray spaces, tabs, control characters or a query past 200 characters: answered,
    # never stored, so a probe cannot fill the cache with spellings of one query.
    for query in ("docker ", "  docker", "dock\ter", "docker\x7f", "d" * 201):
        for _ in range(2):
            response = client.get("/en/search/", {"q": query})
            assert response.status_code == 200
            assert "X-Page-Cache" not in response, query


def links_in(html: str) -> list[str]:
    return re.findall(r'(?:href|content)="(https?://[^"]+)"', html)


def test_an_https_request_does_not_poison_plain_http_readers(client, article, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # As behind the TLS proxy: the same Host header over both schemes.
    https = {"host": "testserver", "x-forwarded-proto": "https"}
    url = article.get_absolute_url("en")
    for path in ("/en/", url):
        secure = client.get(path, headers=https).content.decode()
        assert all(link.startswith("https://testserver/") for link in links_in(secure))
        plain = client.get(path, headers={"host": "testserver"})
        html = plain.content.decode()
        assert links_in(html), path
        assert all(link.startswith("http://testserver/") for link in links_in(html)), path
        # And the other way round: the plain copy is not served to https readers.
        again = client.get(path, headers=https)
        assert again["X-Page-Cache"] == "hit"
        assert "http://testserver/" not in again.content.decode()


def test_the_article_page_carries_no_reader_s_values_so_it_may_be_shared(client, article):
    url = article.get_absolute_url("en")
    miss = client.get(url)
    hit = client.get(url)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    for response in (miss, hit):
        html = response.content.decode()
        assert 'name="csrfmiddlewaretoken"' not in html
        assert not re.search(r'name="token" value="[^"]+"', html)
        assert "private" not in response.get("Cache-Control", "")


def test_what_a_reader_fetches_on_starting_stays_out_of_every_cache(client, article, settings):
    """The CSRF token and the question: never stored, by the page cache or any other."""
    for enabled in (True, False):
        settings.BROADSHEET_PAGE_CACHE = enabled
        response = client.get(f"/en/comments/{article.public_id}/start/")
        assert "csrf" in response.json()
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives
        assert "X-Page-Cache" not in response


def test_lists_feeds_and_closed_articles_keep_their_headers(client, article):
    closed = make_article(comments_closed=True)
    for path in ("/en/", "/tr/", "/en/feed/", article.category.get_absolute_url("en")):
        for response in (client.get(path), client.get(path)):
            assert "Cache-Control" not in response, path
    for response in (client.get(closed.get_absolute_url("en")),) * 2:
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert "Cache-Control" not in response
