"""Every public URL and parameter, fed hostile input: a clear 4xx or a page, never a 500."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_article
from tests.hostile.corpus import ALL, NUMBERS
from tests.languages import UNCONFIGURED

pytestmark = pytest.mark.django_db

RAW_SCRIPT = "<script>alert(1)</script>"
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def article():
    return make_article(title_en="Docker images", title_tr="Docker imajları")


def assert_safe(response, *, echoes: str | None = None):
    assert response.status_code < 500, response.status_code
    if echoes is not None and response.status_code == 200:
        assert RAW_SCRIPT not in response.content.decode(errors="replace")


def test_corpus_is_large_enough():
    assert len(ALL) >= 50


@pytest.mark.parametrize("value", ALL)
def test_search_query(client, value, article):
    assert_safe(client.get("/en/search/", {"q": value}), echoes=value)
    assert_safe(client.get("/tr/ara/", {"q": value}), echoes=value)


@pytest.mark.parametrize("value", ALL)
def test_page_numbers(client, value, article):
    for path in ("/en/", "/tr/", article.category.get_absolute_url("en"), "/en/search/"):
        response = client.get(path, {"page": value, "q": "docker"})
        assert_safe(response, echoes=value)
        if value in NUMBERS and value not in ("", "1"):
            assert response.status_code in (200, 404)


@pytest.mark.parametrize("value", ALL)
def test_path_segments(client, value, article):
    segment = quote(value, safe="")
    for path in (
        f"/en/articles/{segment}/x/",
        f"/en/articles/{article.public_id}/{segment}/",
        f"/en/category/{segment}/",
        f"/a/{segment}/",
        f"/{segment}/",
        f"/{segment}/articles/{article.public_id}/x/",
    ):
        assert_safe(client.get(path))


@pytest.mark.parametrize("value", ALL)
def test_accept_language_header(client, value, article):
    header = value.encode("utf-8", "replace").decode("latin-1")
    assert_safe(client.get("/", headers={"accept-language": header}))
    assert_safe(client.get(f"/a/{article.public_id}/", headers={"accept-language": header}))


@pytest.mark.parametrize("prefix", ["xx", "EN", "en-us", "tr-TR", "zz-Latn", UNCONFIGURED])
def test_unknown_language_prefixes_are_404(client, prefix, article):
    assert client.get(f"/{prefix}/").status_code == 404
    assert client.get(f"/{prefix}/feed/").status_code == 404


def test_nul_characters_in_the_address_are_a_400(client, article):
    for path in ("/%00/", "/en/articles/%00/x/", "/en/search/?q=a%00b", "/en/?page=%00"):
        response = client.get(path)
        assert response.status_code == 400
        assert "not allowed" in response.content.decode()


def test_invalid_utf8_in_query_and_path(client, article):
    assert_safe(client.get("/en/search/?q=%ff%fe%fd"))
    assert_safe(client.get("/en/?page=%c0%af"))
    assert_safe(client.get("/en/articles/%ff%fe/x/"))


def test_huge_query_string(client, article):
    assert_safe(client.get("/en/search/", {"q": "x" * 1_000_000}))


def test_write_methods_on_reading_pages_are_refused(client, article):
    url = article.get_absolute_url("en")
    assert client.post(url).status_code in (403, 405)
    assert client.put("/en/").status_code in (403, 405)
    assert client.delete(url).status_code in (403, 405)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=0, max_size=200))
def test_search_never_fails_on_arbitrary_text(client, text):
    assert_safe(client.get("/en/search/", {"q": text.replace("\x00", "")}))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(page=st.one_of(st.integers(), st.text(max_size=30)))
def test_page_parameter_never_fails(client, page):
    assert_safe(client.get("/en/", {"page": str(page)}))


def test_forged_host_headers_are_refused_and_poison_no_cached_page(client, article, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    url = article.get_absolute_url("en")
    client.get(url)
    for host in ("evil.example", "testserver.evil.example", "test server", "a" * 300, "\u202e"):
        assert client.get(url, headers={"host": host}).status_code == 400
        assert client.get("/en/", headers={"host": host}).status_code == 400
    page = client.get(url)
    assert page["X-Page-Cache"] == "hit"
    assert "evil" not in page.content.decode()
