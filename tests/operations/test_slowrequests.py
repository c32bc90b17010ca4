"""A request slower than BROADSHEET_SLOW_REQUEST_MS is a warning in the log, with its id."""

import json
import logging

from django.test import Client, override_settings

from operations.logs import JsonFormatter
from operations.requestid import RequestIdFilter

SLOW = "operations.slowrequests"


@override_settings(ROOT_URLCONF="tests.operations.slow_urls", BROADSHEET_SLOW_REQUEST_MS=50)
def test_a_slow_request_is_logged_with_its_address_time_and_id(caplog):
    caplog.set_level(logging.WARNING, logger=SLOW)
    # As the site's console handler does: the id is read while the request is served.
    caplog.handler.addFilter(RequestIdFilter())
    response = Client().get("/slow/?page=2")
    fast = Client().get("/healthz")
    assert fast.status_code == 200
    [record] = [r for r in caplog.records if r.name == SLOW]
    assert record.getMessage().startswith("Slow request: GET /slow/?page=2 200 in ")
    assert record.duration_ms >= 50
    assert record.request_id == response["X-Request-ID"]
    entry = json.loads(JsonFormatter().format(record))
    assert entry["duration_ms"] == record.duration_ms
    assert entry["status"] == 200
    assert entry["request_id"] == response["X-Request-ID"]


@override_settings(ROOT_URLCONF="tests.operations.slow_urls", BROADSHEET_SLOW_REQUEST_MS=0)
def test_no_limit_logs_nothing(caplog):
    caplog.set_level(logging.WARNING, logger=SLOW)
    assert Client().get("/slow/").status_code == 200
    assert not [r for r in caplog.records if r.name == SLOW]
