"""Errors an operator hears about: Sentry (scrubbed) or mail to ADMINS, JSON log lines
and the 500 page sharing one request id."""

import gzip
import io
import json
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from operations.logs import JsonFormatter
from operations.requestid import RequestIdFilter
from tests.workers import database_url_for_worker, worker_env

SENTRY_CLIENT = Path(__file__).with_name("sentry_client.py")


def envelope_text(request) -> str:
    data = request.get_data()
    if request.headers.get("Content-Encoding") == "gzip":
        data = gzip.decompress(data)
    elif request.headers.get("Content-Encoding") == "br":
        import brotli

        data = brotli.decompress(data)
    return data.decode()


@pytest.mark.django_db(transaction=True)
def test_an_unhandled_error_reaches_sentry_without_personal_data(httpserver, tmp_path):
    httpserver.expect_request("/api/42/envelope/", method="POST").respond_with_json({})
    dsn = f"http://publickey@127.0.0.1:{httpserver.port}/42"
    result = subprocess.run(
        [sys.executable, str(SENTRY_CLIENT)],
        cwd=settings.BASE_DIR,
        env=worker_env(
            database_url_for_worker(tmp_path),
            DJANGO_SETTINGS_MODULE="config.settings.test",
            SENTRY_DSN=dsn,
            PYTHONPATH=str(settings.BASE_DIR),
        ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    request_id = result.stdout.strip().splitlines()[-1]
    bodies = [envelope_text(request) for request, _response in httpserver.log]
    events = [
        json.loads(line)
        for body in bodies
        for line in body.splitlines()
        if line.startswith("{") and '"exception"' in line
    ]
    assert len(events) == 1
    event = events[0]
    [exception] = event["exception"]["values"]
    assert exception["type"] == "ValueError"
    assert exception["value"] == "the comment store is broken"
    assert event["tags"]["request_id"] == request_id
    assert event["request"]["url"].endswith("/boom/")
    everything = "\n".join(bodies)
    for personal in (
        "My private comment text",
        "reader@example.org",
        "reader%40example.org",
        "203.0.113.9",
        "198.51.100.7",
        "secret-session-cookie",
        "Ayşe",
    ):
        assert personal not in everything
    assert "user" not in event


@pytest.mark.urls("tests.operations.failing_urls")
@pytest.mark.django_db
def test_the_500_page_is_titled_in_every_language_the_site_has(client, settings):
    # Not only English and Turkish: a site that adds German says it in German too.
    if "de" not in dict(settings.LANGUAGES):
        settings.LANGUAGES = [*settings.LANGUAGES, ("de", "Deutsch")]
    client.raise_request_exception = False
    page = client.get("/boom/").content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S)[1]
    said = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            said.append(gettext("Server error"))
    assert title == " · ".join(said)
    assert "Sunucu hatası" in title


@pytest.mark.urls("tests.operations.failing_urls")
@pytest.mark.django_db
def test_without_sentry_admins_get_an_email_and_the_page_shows_the_request_id(client, settings):
    settings.ADMINS = ["ops@example.org"]
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    page = response.content.decode()
    assert f'<code class="request-id">{request_id}</code>' in page
    assert "quote this reference" in page
    assert "bu kodu belirtin" in page  # the same sentence in Turkish
    [message] = mail.outbox
    assert message.to == ["ops@example.org"]
    assert "ValueError" in message.subject or "the comment store is broken" in message.body


@pytest.mark.urls("tests.operations.failing_urls")
@pytest.mark.django_db
def test_log_lines_as_json_carry_the_request_id(client):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    client.raise_request_exception = False
    try:
        response = client.get("/boom/")
    finally:
        logger.removeHandler(handler)
    [line] = stream.getvalue().splitlines()
    entry = json.loads(line)
    assert entry["request_id"] == response["X-Request-ID"]
    assert entry["level"] == "ERROR"
    assert entry["status"] == 500
    assert "ValueError: the comment store is broken" in entry["exception"]


@pytest.mark.django_db
def test_a_proxys_request_id_is_kept_and_a_strange_one_replaced(client):
    kept = client.get("/healthz", headers={"x-request-id": "abc123-from-the-proxy"})
    assert kept["X-Request-ID"] == "abc123-from-the-proxy"
    replaced = client.get("/", headers={"x-request-id": "<script>"})
    assert replaced["X-Request-ID"] != "<script>"
    assert len(replaced["X-Request-ID"]) == 32
