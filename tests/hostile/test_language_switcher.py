"""The language switcher links only to this site, whatever address a probe asks for."""

import re
from urllib.parse import urlsplit

import pytest

from tests.languages import OTHER_LANGUAGES

pytestmark = pytest.mark.django_db


def get_raw_path(client, path: str):
    """As a WSGI server passes it: the client would read ``//host/`` as a host."""
    return client.get("/", PATH_INFO=path)


def switcher_links(html: str) -> list[str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return re.findall(r'href="([^"]*)"', nav)


@pytest.mark.parametrize(
    "path",
    [
        "//evil.example/en/",
        "/%2F%2Fevil.example/en/",
        "//evil.example/tr/",
        "/%2F/evil.example/en/",
        "/\\evil.example/en/",
        "/%5Cevil.example/en/",
        "/en//evil.example/",
        "/en/%2F%2Fevil.example/",
        "/en/articles/ZZZZZZ/%2F%2Fevil/",
        "/en/category/%2F%2Fevil/",
    ],
)
def test_the_language_switcher_only_ever_links_to_this_site(client, path):
    response = client.get(path) if "%" in path else get_raw_path(client, path)
    assert response.status_code in (200, 301, 302, 404), response.status_code
    if response.status_code != 200 and response.status_code != 404:
        return
    links = switcher_links(response.content.decode())
    assert links
    for link in links:
        assert link.startswith("/") and not link.startswith(("//", "/\\")), link
        assert not urlsplit(link.replace("\\", "/")).netloc, link


def test_the_switcher_on_a_404_keeps_the_reader_on_this_site(client):
    response = get_raw_path(client, "//evil.example/en/")
    assert response.status_code == 404
    others = [f"/{code}/" for code in OTHER_LANGUAGES]
    assert switcher_links(response.content.decode()) == others
    response = client.get("/%2F%2Fevil.example/en/")
    assert response.status_code == 404
    assert switcher_links(response.content.decode()) == others
