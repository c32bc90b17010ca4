"""A request id for every request: in the response's ``X-Request-ID`` header, on the 500
page, in every log line written while the request is served, and on Sentry's event, so a
reader's report ("error 3f2a...") leads to the log line and the event.

A proxy's own ``X-Request-ID`` is kept when it looks like one (letters, digits, dashes,
at most 64), so one id follows the request through the proxy's logs too.
"""

import contextvars
import logging
import re
import uuid

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

_ACCEPTABLE = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def current_request_id() -> str:
    return request_id_var.get()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.headers.get("X-Request-ID", "")
        request_id = offered if _ACCEPTABLE.match(offered) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        try:
            _tag_sentry(request_id)
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request_id
        return response


def _tag_sentry(request_id: str) -> None:
    try:
        import sentry_sdk
    except ImportError:  # pragma: no cover - sentry-sdk is a dependency
        return
    if sentry_sdk.is_initialized():
        sentry_sdk.set_tag("request_id", request_id)


class RequestIdFilter(logging.Filter):
    """Puts ``record.request_id`` on every record ("-" outside a request)."""

    def filter(self, record):
        record.request_id = request_id_var.get() or "-"
        return True
