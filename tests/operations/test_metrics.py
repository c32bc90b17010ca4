"""Prometheus metrics at /metrics: when turned on, and only to those allowed."""

import pytest
from django.test import override_settings

from config.settings.base import MIDDLEWARE


@pytest.fixture
def metrics_on(settings):
    settings.BROADSHEET_METRICS = True
    settings.MIDDLEWARE = [*MIDDLEWARE[:2], "operations.metrics.MetricsMiddleware", *MIDDLEWARE[2:]]


@pytest.mark.django_db
def test_metrics_are_off_by_default(client):
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404


@pytest.mark.django_db
def test_metrics_count_requests_and_are_closed_to_the_public(client, metrics_on):
    assert client.get("/en/", REMOTE_ADDR="127.0.0.1").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.5").status_code == 403
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert 'broadsheet_http_requests_total{method="GET",status="2xx",view="articles:home"}' in text
    assert "broadsheet_http_request_duration_seconds_bucket" in text


@pytest.mark.django_db
def test_a_scraper_elsewhere_reads_them_with_the_token(client, metrics_on, settings):
    settings.BROADSHEET_METRICS_TOKEN = "scrape-me"
    outside = {"REMOTE_ADDR": "203.0.113.5"}
    assert (
        client.get("/metrics", headers={"authorization": "Bearer wrong"}, **outside).status_code
        == 403
    )
    answer = client.get("/metrics", headers={"authorization": "Bearer scrape-me"}, **outside)
    assert answer.status_code == 200


@pytest.mark.django_db
@override_settings(BROADSHEET_METRICS_ALLOWED=["10.0.0.0/8"])
def test_allowed_networks(client, metrics_on):
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 403
