"""A warning for every request slower than BROADSHEET_SLOW_REQUEST_MS (1000 by default):
its method, address, status and time, with the request's id like every log line, so an
operator sees which page kept a reader waiting without turning on metrics.

Time is measured inside Django: a request that waited for a free worker before it got
here (a full backlog) is not in it.
"""

import logging
import time

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed

logger = logging.getLogger(__name__)


class SlowRequestMiddleware:
    def __init__(self, get_response):
        if settings.BROADSHEET_SLOW_REQUEST_MS <= 0:
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.limit = settings.BROADSHEET_SLOW_REQUEST_MS / 1000

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = time.perf_counter() - started
        if elapsed >= self.limit:
            logger.warning(
                "Slow request: %s %s %s in %d ms",
                request.method,
                request.get_full_path(),
                response.status_code,
                elapsed * 1000,
                extra={"status_code": response.status_code, "duration_ms": round(elapsed * 1000)},
            )
        return response
