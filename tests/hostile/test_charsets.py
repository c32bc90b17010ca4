"""Form posts in a character set the site cannot read: a 400, never a 500."""

import pytest
from django.test import Client

from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def probe(db):
    """A client like the probe's: CSRF checked, holding a CSRF cookie from a first visit."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.get("/en/admin/login/")
    return client


def post_raw(client, path: str, body: bytes, content_type: str):
    # client.post() would re-encode the body in the charset; a probe sends bytes.
    return client.generic("POST", path, body, content_type=content_type)


@pytest.mark.parametrize(
    "charset",
    [
        "utf-16",
        "UTF-16LE",
        "utf-32",
        "utf-7",
        "cp037",
        "rot13",
        "x-unknown-charset",
        "",
        "latin-1",
        "utf8",
    ],
)
def test_form_posts_in_unreadable_charsets_are_a_400(probe, charset):
    article = make_article()
    token = probe.cookies["csrftoken"].value
    body = f"csrfmiddlewaretoken={token}&name=A&text=b".encode("utf-16")
    for path in (
        "/en/admin/login/",
        f"/en/comments/{article.public_id}/",
        "/en/",
        article.get_absolute_url("en"),
    ):
        for content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            if content_type.startswith("multipart") and charset in ("latin-1", "utf8"):
                continue  # readable in multipart; Django reads URL-encoded forms in "utf-8" only
            response = post_raw(probe, path, body, f"{content_type}; charset={charset}")
            assert response.status_code == 400, (path, content_type, response.status_code)
            assert "character set" in response.content.decode()


def test_the_refusal_is_translated(probe):
    response = post_raw(
        probe, "/tr/admin/login/", b"a=b", "application/x-www-form-urlencoded; charset=utf-16"
    )
    assert response.status_code == 400
    assert "karakter" in response.content.decode()


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8"])
def test_form_posts_in_utf8_go_through(probe, charset):
    token = probe.cookies["csrftoken"].value
    response = post_raw(
        probe,
        "/en/admin/login/",
        f"csrfmiddlewaretoken={token}&username=a&password=b".encode(),
        f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 200  # the login form again, with its error


def test_multipart_in_a_readable_charset_goes_through(probe):
    token = probe.cookies["csrftoken"].value
    boundary = "xyz"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f"{token}\r\n--{boundary}--\r\n"
    ).encode()
    response = post_raw(
        probe,
        "/en/admin/login/",
        body,
        f"multipart/form-data; boundary={boundary}; charset=latin-1",
    )
    assert response.status_code == 200
