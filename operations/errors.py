"""Unhandled errors reach an operator: Sentry when SENTRY_DSN is set, else ADMINS by mail.

Nothing personal goes to Sentry: no request body (comment text, e-mail addresses),
cookies, query string, client address or user, and no local variables of the stack
frames (they hold the same). What is left is the exception, its stack, the URL's path,
the method and the request id.
"""

from django.conf import settings

# Headers kept on an event; everything else (Cookie, Authorization, X-Forwarded-For,
# X-Real-Ip, Referer with its query) is dropped.
KEPT_HEADERS = {"host", "user-agent", "accept", "accept-language", "content-type"}


def scrub(event: dict, hint: dict | None = None) -> dict:
    request = event.get("request")
    if request:
        event["request"] = {
            "url": request.get("url", "").split("?", 1)[0],
            "method": request.get("method"),
            "headers": {
                name: value
                for name, value in (request.get("headers") or {}).items()
                if name.lower() in KEPT_HEADERS
            },
        }
    event.pop("user", None)
    event.pop("breadcrumbs", None)
    for exception in (event.get("exception") or {}).get("values", []):
        for frame in (exception.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)
    for thread in (event.get("threads") or {}).get("values", []):
        for frame in (thread.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)
    return event


def sentry_init(dsn: str, *, environment: str = "", release: str = "") -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment or None,
        release=release or None,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        max_breadcrumbs=0,
        before_send=scrub,
        traces_sample_rate=float(getattr(settings, "SENTRY_TRACES_SAMPLE_RATE", 0) or 0),
    )
