"""Whole-page caching for anonymous readers, with fresh holes.

A page is cached per host and full path (the path carries the language prefix) under a
*generation* number kept in the cache; any change to what pages show bumps the
generation, so every cached page is invalidated at once, on every server sharing the
cache. Logged-in users, non-GET requests and requests carrying flash messages always get
a freshly rendered page.

Parts of a page that must differ per request (a form's CSRF token and human check) are
wrapped in ``{% fresh "name" arg %}…{% endfresh %}``. The cached copy keeps only a
marker there, and each hit re-renders just that part through the filler registered
under ``name``.
"""

import hashlib
import re
from collections.abc import Callable
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe
from django.utils.safestring import SafeString, mark_safe

GENERATION_KEY = "page-cache:generation"
FRESH_BLOCK = re.compile(r"<!--fresh:([\w-]+):([\w-]*)-->.*?<!--/fresh-->", re.S)
FRESH_MARKER = re.compile(r"<!--fresh:([\w-]+):([\w-]*)-->")

_fillers: dict[str, Callable[[HttpRequest, str], str]] = {}


def register_fresh(name: str):
    """Register ``function(request, arg) -> html`` to fill ``{% fresh name arg %}``."""

    def decorator(function):
        _fillers[name] = function
        return function

    return decorator


def enabled() -> bool:
    return settings.BROADSHEET_PAGE_CACHE


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def invalidate(**_ignored) -> None:
    """Forget every cached page (connected to the models that pages show).

    Bumped at once and again after the commit, so that a reader arriving while the
    transaction is still open cannot leave the old state cached.
    """
    _bump_generation()
    transaction.on_commit(_bump_generation)


def _bump_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 1, timeout=None)


def seconds_until_next_change() -> int:
    """Cache lifetime: never past the moment a scheduled article goes live."""
    from .models import Article

    ttl = settings.BROADSHEET_PAGE_CACHE_SECONDS
    now = timezone.now()
    upcoming = Article.objects.filter(
        status=Article.Status.PUBLISHED, published_at__gt=now
    ).aggregate(first=Min("published_at"))["first"]
    if upcoming is not None:
        ttl = min(ttl, max(1, int((upcoming - now) / timedelta(seconds=1)) + 1))
    return ttl


def is_cacheable_request(request: HttpRequest) -> bool:
    if not enabled() or request.method not in ("GET", "HEAD"):
        return False
    if "messages" in request.COOKIES:
        return False
    # Only someone with a session can be logged in; staff always see fresh pages.
    has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
    return not (has_session and request.user.is_authenticated)


def fill(name: str, request: HttpRequest, arg: str) -> SafeString:
    return mark_safe(_fillers[name](request, arg))  # noqa: S308 -- fillers render templates


def fill_holes(request: HttpRequest, html: str) -> str:
    return FRESH_MARKER.sub(lambda m: fill(m.group(1), request, m.group(2)), html)


def strip_markers(html: str) -> str:
    return re.sub(r"<!--fresh:[\w-]+:[\w-]*-->|<!--/fresh-->", "", html)


def cache_page_for_readers(view):
    """Decorator for views rendering public pages."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_cacheable_request(request):
            return finish(view(request, *args, **kwargs))
        address = f"{request.get_host()}{request.get_full_path()}".encode()
        key = f"page:{generation()}:{hashlib.sha256(address).hexdigest()}"
        stored = cache.get(key)
        if stored is not None:
            not_modified = conditional_response(request, stored["headers"])
            if not_modified is not None:
                return not_modified
            response = HttpResponse(
                fill_holes(request, stored["content"]), content_type=stored["content_type"]
            )
            for header, value in stored["headers"].items():
                response[header] = value
            response["X-Page-Cache"] = "hit"
            return response
        request.page_cache_active = True
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if response.status_code == 200 and not response.streaming:
            html = response.content.decode(response.charset)
            cache.set(
                key,
                {
                    "content": FRESH_BLOCK.sub(r"<!--fresh:\1:\2-->", html),
                    "content_type": response["Content-Type"],
                    "headers": {
                        h: response[h] for h in ("Last-Modified", "ETag") if response.has_header(h)
                    },
                },
                timeout=seconds_until_next_change(),
            )
            response["X-Page-Cache"] = "miss"
        return finish(response)

    return wrapper


def conditional_response(request: HttpRequest, headers: dict[str, str]):
    """A 304 when the reader's copy matches the cached page's validators, else None."""
    last_modified = headers.get("Last-Modified")
    timestamp = parse_http_date_safe(last_modified) if last_modified else None
    response = get_conditional_response(request, etag=headers.get("ETag"), last_modified=timestamp)
    return response if response is not None and response.status_code == 304 else None


def finish(response: HttpResponse) -> HttpResponse:
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    if not response.streaming and b"<!--fresh:" in response.content:
        response.content = strip_markers(response.content.decode(response.charset))
    return response
