"""How a view's pages opt in to the page cache, and say what they are made from."""

import hashlib
from datetime import datetime
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.utils.http import urlencode

from . import versions
from .invalidation import SITE


def enabled() -> bool:
    return settings.BROADSHEET_PAGE_CACHE


def is_plain_read(request: HttpRequest) -> bool:
    return enabled() and request.method in ("GET", "HEAD") and "messages" not in request.COOKIES


def is_cacheable_request(request: HttpRequest) -> bool:
    # Only someone with a session can be logged in; staff always see fresh pages.
    has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
    return is_plain_read(request) and not (has_session and request.user.is_authenticated)


# Part of every key: bumped when the stored entry's layout changes, so a release never
# reads what an older one wrote to a shared cache.
ENTRY_FORMAT = 6


def page_key(request: HttpRequest, query: str | None = None) -> str:
    """The cache key of the page at the request's scheme, host, path and ``query``.

    ``query`` defaults to the query string as sent. Pages are stored only under the
    query their view uses (``canonical_query``), so any other spelling misses.
    """
    if query is None:
        query = request.META.get("QUERY_STRING", "")
    address = "\n".join((request.scheme, request.get_host(), request.path, query)).encode()
    return f"page:v{ENTRY_FORMAT}:{hashlib.sha256(address).hexdigest()}"


def canonical_query(request: HttpRequest, names) -> str:
    """The query string a page is made from: only the parameters in ``names``, once each
    (the last value, as ``request.GET[name]`` reads it), in a fixed order."""
    return urlencode([(name, request.GET[name]) for name in sorted(names) if name in request.GET])


def depends_on(request: HttpRequest, key: str, value: str | None = None) -> None:
    """The page being rendered shows what cache ``key`` versions, at ``value``.

    A cached copy is served only while every such key still holds the same value.
    """
    if getattr(request, "page_cache_active", False):
        request.page_cache_depends[key] = value if value is not None else versions.current(key)


def not_stored(request: HttpRequest) -> None:
    """The page being rendered is answered fresh but not stored (a view's pages that are
    too many to keep every one: a search typed with stray spaces)."""
    request.page_cache_active = False


def changes_at(request: HttpRequest, moment: datetime | None) -> None:
    """The page being rendered changes by itself at ``moment``: keep it no longer."""
    if getattr(request, "page_cache_active", False) and moment is not None:
        current = getattr(request, "page_cache_changes_at", None)
        request.page_cache_changes_at = moment if current is None else min(current, moment)


def cache_page_for_readers(view, *, depends=(), query=()):
    """Decorator for views rendering public pages (``PageCacheMiddleware`` stores them).

    ``depends`` names version tokens every page of the view is made from, besides the
    site's (``pagecache.invalidation.SITE``), which every page depends on. The tokens
    are read before the view runs: a page rendered while its content changes is stored
    under what it started from, which the change has already retired.

    ``query`` names the query parameters the view's pages use (``("page",)`` for a
    paginated list). Only they are part of the page's key, and the view sees only them:
    ``?utm_source=…`` or ``?d=123`` is answered with the page without it, and never
    stored under a key of its own.
    """
    query = tuple(query)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if is_cacheable_request(request):
            canonical = canonical_query(request, query)
            if canonical != request.META.get("QUERY_STRING", ""):
                request.META["QUERY_STRING"] = canonical
                request.GET = QueryDict(canonical)
                request.page_cache_key = None
            request.page_cache_key = getattr(request, "page_cache_key", None) or page_key(request)
            request.page_cache_query = query
            request.page_cache_active = True
            request.page_cache_depends = {}
            for key in (SITE, *depends):
                depends_on(request, key)
        return view(request, *args, **kwargs)

    return wrapper
