"""core.clients.client_ip: the client is what our own proxies saw, never what it wrote."""

import logging
import secrets

import pytest
from django.test import RequestFactory

from core import clients
from tests.config.test_deploy import run_manage


@pytest.fixture(autouse=True)
def _fresh_warnings():
    clients._warned.clear()
    yield
    clients._warned.clear()


def request(remote: str = "10.0.0.2", forwarded: str | None = None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_forwarded_for_is_ignored(settings):
    settings.BROADSHEET_TRUSTED_PROXIES = 0
    assert clients.client_ip(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("trusted", "forwarded", "client"),
    [
        # nginx alone: it appended the address it saw.
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "192.0.2.66, 203.0.113.9", "203.0.113.9"),
        # A load balancer, then nginx (which appended the balancer's address).
        (2, "203.0.113.9, 10.0.0.1", "203.0.113.9"),
        (2, "192.0.2.66, 192.0.2.67, 203.0.113.9, 10.0.0.1", "203.0.113.9"),
        (1, " 2001:DB8::1 ", "2001:db8::1"),
        (1, "::ffff:203.0.113.9", "203.0.113.9"),
    ],
)
def test_the_client_is_the_nth_entry_from_the_right(settings, trusted, forwarded, client):
    settings.BROADSHEET_TRUSTED_PROXIES = trusted
    assert clients.client_ip(request(forwarded=forwarded)) == client


def test_what_the_client_writes_on_the_left_changes_nothing(settings):
    settings.BROADSHEET_TRUSTED_PROXIES = 1
    seen = {clients.client_ip(request(forwarded=f"192.0.2.{n}, 203.0.113.9")) for n in range(20)}
    assert seen == {"203.0.113.9"}


@pytest.mark.parametrize("forwarded", [None, "", "203.0.113.9", " , "])
def test_fewer_entries_than_proxies_fall_back_to_remote_addr_and_warn_once(
    settings, caplog, forwarded
):
    settings.BROADSHEET_TRUSTED_PROXIES = 2 if forwarded == "203.0.113.9" else 1
    with caplog.at_level(logging.WARNING, logger="core.clients"):
        assert clients.client_ip(request("10.0.0.2", forwarded)) == "10.0.0.2"
        assert clients.client_ip(request("10.0.0.3", forwarded)) == "10.0.0.3"
    assert len(caplog.records) == 1
    assert "fewer X-Forwarded-For entries" in caplog.records[0].getMessage()


@pytest.mark.parametrize(
    "forwarded", ["unknown", "203.0.113.9:443", "<script>", "\x00", "a" * 5000]
)
def test_an_entry_that_is_no_address_falls_back_to_remote_addr(settings, caplog, forwarded):
    settings.BROADSHEET_TRUSTED_PROXIES = 1
    with caplog.at_level(logging.WARNING, logger="core.clients"):
        assert clients.client_ip(request("10.0.0.2", f"192.0.2.1, {forwarded}")) == "10.0.0.2"
    assert "not an address" in caplog.text


def test_no_address_at_all_is_empty(settings):
    settings.BROADSHEET_TRUSTED_PROXIES = 0
    assert clients.client_ip(request("")) == ""


def test_production_refuses_the_removed_client_ip_header_setting():
    result = run_manage(
        "check",
        "--settings",
        "config.settings.prod",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="news.example.org",
        COMMENTS_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR",
    )
    assert result.returncode != 0
    assert "BROADSHEET_TRUSTED_PROXIES" in result.stderr
