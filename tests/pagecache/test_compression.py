"""Compressed pages: stored once, sent as stored, the same page as uncompressed."""

import gzip
import re

import brotli
import pytest
from django.test import Client

from pagecache import compression
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def decoded(response) -> bytes:
    body = response.content
    match response.get("Content-Encoding"):
        case "br":
            return brotli.decompress(body)
        case "gzip":
            return gzip.decompress(body)
        case None:
            return body
    raise AssertionError(response["Content-Encoding"])


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_compressed_and_uncompressed_responses_carry_the_same_page(client, encoding):
    make_article(title_en="A headline worth compressing")
    client.get("/en/")  # stored
    plain = client.get("/en/")
    packed = client.get("/en/", HTTP_ACCEPT_ENCODING=f"{encoding}, identity")
    assert plain["X-Page-Cache"] == packed["X-Page-Cache"] == "hit"
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == encoding
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 2
    # Nonces aside (none on cached pages), byte for byte the same page.
    assert decoded(packed) == plain.content
    assert b"A headline worth compressing" in decoded(packed)
    for response in (plain, packed):
        assert "Accept-Encoding" in response["Vary"]


def test_the_first_reader_gets_the_compressed_page_too(client):
    make_article()
    first = client.get("/en/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert first["X-Page-Cache"] == "miss"
    assert first["Content-Encoding"] == "br"
    assert decoded(first) == client.get("/en/").content


def test_a_hit_sends_the_bytes_stored_without_compressing_again(client, monkeypatch):
    make_article()
    client.get("/en/")

    def refuse(body):
        raise AssertionError("compressed on a hit")

    monkeypatch.setattr(compression, "compress", refuse)
    first = client.get("/en/", HTTP_ACCEPT_ENCODING="br")
    second = client.get("/en/", HTTP_ACCEPT_ENCODING="br")
    assert first["Content-Encoding"] == "br"
    assert first.content == second.content


def test_a_compressed_hit_reads_only_the_small_entry_and_a_lost_text_is_made_again(client):
    """The page's text is kept apart from its compressed bytes: Brotli and gzip readers
    are answered without it, and a reader who needs it after it was pushed out gets the
    page made again, not an error."""
    from django.core.cache import cache

    from pagecache.decorators import page_key
    from pagecache.middleware import text_key

    make_article(title_en="Kept in two parts")
    client.get("/en/")
    key = page_key(client.get("/en/").wsgi_request)
    assert cache.get(text_key(key)) is not None
    cache.delete(text_key(key))
    packed = client.get("/en/", HTTP_ACCEPT_ENCODING="br")
    assert packed["X-Page-Cache"] == "hit"
    assert b"Kept in two parts" in decoded(packed)
    plain = client.get("/en/")
    assert plain["X-Page-Cache"] == "miss"
    assert b"Kept in two parts" in plain.content
    assert client.get("/en/")["X-Page-Cache"] == "hit"


def test_a_refused_encoding_is_not_sent():
    assert compression.accepted("br;q=0, gzip") == ("gzip",)
    assert compression.accepted("*;q=0.5, br;q=0") == ("gzip",)
    assert compression.accepted("identity") == ()
    assert compression.accepted("gzip;q=0.8, br") == ("br", "gzip")
    assert compression.accepted("GZIP;q=1.0, br;q=0.3") == ("gzip", "br")


def test_a_page_with_a_reader_s_own_values_is_never_compressed(client):
    """BREACH: a filled hole (the writer's own pending comment) is sent uncompressed and
    private; the same page for everyone else stays compressed and shared."""
    from tests.comments.conftest import comment_url, valid_post

    article = make_article()
    url = article.get_absolute_url("en")
    assert client.get(url, HTTP_ACCEPT_ENCODING="br")["Content-Encoding"] == "br"
    sent = client.post(comment_url(article), valid_post(article, text="Mine, still pending"))
    assert sent.status_code == 302
    client.get(sent["Location"])  # the thank-you message, read
    client.cookies.pop("messages", None)
    own = client.get(url, HTTP_ACCEPT_ENCODING="br, gzip")
    assert b"Mine, still pending" in own.content
    assert "Content-Encoding" not in own
    assert "private" in own["Cache-Control"]
    other = Client().get(url, HTTP_ACCEPT_ENCODING="br, gzip")
    assert other["Content-Encoding"] == "br"
    assert b"Mine, still pending" not in decoded(other)


def test_the_search_page_echoes_the_query_but_carries_no_secret(client):
    """What BREACH needs is a secret beside the echo: a compressed search page has none."""
    make_article(title_en="Docker images")
    response = client.get("/en/search/?q=docker", HTTP_ACCEPT_ENCODING="br")
    page = decoded(response).decode()
    assert "docker" in page
    assert "csrfmiddlewaretoken" not in page and 'name="token"' not in page


def test_pages_outside_the_cache_are_not_compressed(client, admin_client):
    """Staff pages (a CSRF token in each form) are sent as they are."""
    make_article()
    response = admin_client.get("/en/", HTTP_ACCEPT_ENCODING="br, gzip")
    assert "X-Page-Cache" not in response
    assert "Content-Encoding" not in response


def test_the_script_catalogue_has_a_long_lived_address_that_follows_the_desk(client):
    from catalogues import overlay
    from pagecache import versions

    article = make_article()
    page = client.get(article.get_absolute_url("tr")).content.decode()
    address = re.search(r'src="(/tr/comments/jsi18n\.[\w-]+\.js)"', page).group(1)
    catalogue = client.get(address)
    assert catalogue.status_code == 200
    assert "max-age=31536000" in catalogue["Cache-Control"]
    assert "immutable" in catalogue["Cache-Control"]
    assert "karakter" in catalogue.content.decode()
    # Each language has its own address.
    english = client.get(article.get_absolute_url("en")).content.decode()
    assert address.replace("/tr/", "/en/") not in english

    # A desk edit: pages name a new address, and the old one sends readers there.
    versions.renew(overlay.VERSION)
    renewed = client.get(article.get_absolute_url("tr")).content.decode()
    new_address = re.search(r'src="(/tr/comments/jsi18n\.[\w-]+\.js)"', renewed).group(1)
    assert new_address != address
    old = client.get(address)
    assert old.status_code == 302 and old["Location"] == new_address
    assert "immutable" not in old.get("Cache-Control", "")
    assert client.get(new_address).status_code == 200
