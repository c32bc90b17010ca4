"""Prometheus metrics (BROADSHEET_METRICS=on), with prometheus-client.

django-prometheus would do this, but its releases refuse Django 6.1, so this is the few
metrics an operator needs: requests by method, status class and view, their latency,
and errors. Under gunicorn with several processes set PROMETHEUS_MULTIPROC_DIR to an
empty folder (README, "Operations") so that /metrics adds up all processes.
"""

import os
import time

from prometheus_client import REGISTRY as DEFAULT_REGISTRY
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

REQUESTS = Counter(
    "broadsheet_http_requests_total",
    "HTTP requests answered, by method, view and status class.",
    ["method", "view", "status"],
)
LATENCY = Histogram(
    "broadsheet_http_request_duration_seconds",
    "Time to answer an HTTP request, by view.",
    ["view"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
EXCEPTIONS = Counter(
    "broadsheet_http_exceptions_total", "Unhandled exceptions in views, by type.", ["type"]
)


def render() -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(DEFAULT_REGISTRY)


class MetricsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        # No route: answered before routing (a cached page, the language redirect).
        view = (match.view_name or "other") if match else "unrouted"
        LATENCY.labels(view).observe(time.perf_counter() - started)
        REQUESTS.labels(request.method, view, f"{response.status_code // 100}xx").inc()
        return response

    def process_exception(self, request, exception):
        EXCEPTIONS.labels(type(exception).__name__).inc()
