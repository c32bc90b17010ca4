"""Run as a process of its own with SENTRY_DSN set: posts a comment-like form through the
site's WSGI application (as gunicorn would) to a view that fails, then prints the
request id the site answered with."""

import io
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

import sentry_sdk


def main() -> None:
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    from django.conf import settings

    settings.ROOT_URLCONF = "tests.operations.failing_urls"
    body = urlencode(
        {"text": "My private comment text", "email": "reader@example.org", "name": "Ayşe"}
    ).encode()
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/boom/",
        "QUERY_STRING": "email=reader%40example.org",
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(body)),
        "REMOTE_ADDR": "203.0.113.9",
        "HTTP_HOST": "testserver",
        "HTTP_USER_AGENT": "test-agent",
        "HTTP_X_FORWARDED_FOR": "198.51.100.7",
        "HTTP_COOKIE": "sessionid=secret-session-cookie",
        "wsgi.input": io.BytesIO(body),
    }
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    content = b"".join(application(environ, start_response)).decode()
    sentry_sdk.flush(timeout=10)
    assert answer["status"].startswith("500"), answer["status"]
    request_id = answer["headers"]["X-Request-ID"]
    assert request_id in content
    print(request_id)


if __name__ == "__main__":
    main()
