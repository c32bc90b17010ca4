"""Whole-page caching for anonymous readers, answered before the rest of the stack.

A page is cached per scheme, host, path (which carries the language prefix) and the
query parameters its view declares (``cache_page_for_readers(view, query=...)``), with
the version tokens it was made from (``pagecache.invalidation``); a cached copy is
served only while they all hold. A request with any other parameters is answered from
the copy without them (the entry records which parameters its view uses), or rendered
and stored under that copy's key: never under a key of its own. Logged-in users, non-GET
requests and requests carrying flash messages always get a freshly rendered page.

Views opt in with ``cache_page_for_readers`` (``pagecache.decorators``);
``PageCacheMiddleware``, placed before sessions, CSRF, authentication and the rest,
stores their pages on the way out (with the headers the inner middleware added) and
answers later readers before any of that runs: a hit costs one cache read (its tokens,
in one ``get_many``; the page's entry with its compressed bytes comes from this
process's memory when it read or stored it lately, ``Recent``, else from the cache; a
read more, its text, for a reader who takes it uncompressed or has a hole to fill) and
no query, URL resolving, session or template work. Parts that differ per reader are fresh holes
(``pagecache.holes``). Cached pages carry no CSP nonce: a hit sends the policy without
one, so inline scripts (which need one) cannot appear in them. A page with a filled hole
says ``Cache-Control: private, no-cache``, fresh and cached alike, so no shared cache or
CDN keeps one reader's form for others; a hole left empty (no pending comments of the
reader's) keeps the page shared.

Shared pages go out compressed (Brotli or gzip, ``pagecache.compression``) to readers
who accept it: the bytes are made when the page is stored, so a hit sends them as they
are. Every page the cache handles says ``Vary: Accept-Encoding``. A page with a filled
hole is sent uncompressed (it carries one reader's values: BREACH).
"""

import functools
import math
import threading
import time
from collections import OrderedDict
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.csp import CSP, build_policy
from django.utils.http import parse_http_date_safe

from . import compression, versions
from .decorators import canonical_query, is_plain_read, page_key
from .holes import all_empty_for, fill_holes, hollow, is_personal, strip_markers
from .invalidation import next_changes

# Headers a hit makes itself: per response, or per reader.
NOT_STORED = {"set-cookie", "content-length", "content-encoding", "x-page-cache"} | {
    str(h).lower() for h in (CSP.HEADER_ENFORCE, CSP.HEADER_REPORT_ONLY)
}


def next_site_change(request: HttpRequest) -> datetime | None:
    """The next moment every page changes by itself (a scheduled article goes live on
    the lists), if one is known: worked out once per request, as it may take a query."""
    if not hasattr(request, "page_cache_site_changes_at"):
        now = timezone.now()
        upcoming = [moment for moment in next_changes() if moment > now]
        request.page_cache_site_changes_at = min(upcoming, default=None)
    return request.page_cache_site_changes_at


def next_change(request: HttpRequest) -> datetime | None:
    """The next moment the page being stored changes by itself, if one is known."""
    now = timezone.now()
    own = getattr(request, "page_cache_changes_at", None)
    upcoming = [m for m in (next_site_change(request), own) if m and m > now]
    return min(upcoming, default=None)


def lifetime(changes_at: datetime | None) -> int:
    """Seconds to keep a page: never past the moment it changes by itself."""
    ttl = settings.BROADSHEET_PAGE_CACHE_SECONDS
    if changes_at is not None:
        ttl = min(ttl, max(1, math.ceil((changes_at - timezone.now()) / timedelta(seconds=1))))
    return ttl


def may_be_cached(request: HttpRequest) -> bool:
    """Before authentication runs: no session, so certainly an anonymous reader."""
    return is_plain_read(request) and settings.SESSION_COOKIE_NAME not in request.COOKIES


def is_current(stored: dict) -> bool:
    """Its tokens all hold, and the moment it changes by itself or expires has not come
    (a cache's expiry counts whole seconds; readers must not see a form a second after it
    closed; a copy kept in memory has no expiry of its own)."""
    depends = stored.get("depends")
    until = stored.get("until")
    if until is not None and time.time() >= until:
        return False
    return versions.holds(depends)


class Recent:
    """The page entries this process read or stored last, kept in its memory.

    Safe to serve from because an entry is what its tokens say it is: one is only
    served while they all hold (``is_current``, read from the shared cache on every
    hit), and its ``until`` ends it when the cache would have. A change made in another
    process renews a token, so a remembered entry is passed over as the cache's own is.
    Saves reading and unpickling the entry (its Brotli and gzip bytes) on every hit.
    """

    def __init__(self, size: int):
        self.size, self.entries, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key: str) -> dict | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: dict) -> None:
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


# A few hundred pages of 10-15 KB each: the popular ones, a few MB per process.
recent = Recent(size=256)


def entry(key: str) -> dict | None:
    """The stored entry under ``key``: from this process's memory, else the cache."""
    stored = recent.get(key)
    if stored is None:
        stored = cache.get(key)
        # (An entry stored before entries had an end would outlive the cache's copy.)
        if stored is not None and stored.get("until") is not None:
            recent.put(key, stored)
    return stored


def lookup(request: HttpRequest) -> dict | None:
    """The current cached copy of the requested page, or None.

    A request whose query string is not what any page is stored under (``?d=123``,
    ``?utm_source=…``) is answered from the copy its view would make: the copy without a
    query records which parameters the view uses, and so names that copy's key.
    """
    key = request.page_cache_key
    stored = entry(key)
    if stored is None and request.META.get("QUERY_STRING"):
        bare = entry(page_key(request, query=""))
        if bare is not None:
            query = canonical_query(request, bare.get("query", ()))
            key = page_key(request, query=query)
            stored = bare if not query else entry(key)
    if stored is None or not is_current(stored):
        return None
    return {**stored, "key": key}


def text_key(key: str) -> str:
    """Where a stored page's text is kept, apart from its compressed bytes: a hit for a
    reader who accepts Brotli or gzip reads the small entry only (a cache keeps entries
    of a few KB in its index, and larger ones in files of their own)."""
    return f"{key}:text"


def send_compressed(request, response: HttpResponse, encoded: dict[str, bytes]) -> None:
    """Put the stored bytes of the encoding the reader accepts in ``response``, if any.

    Only for a page that is the same for every reader (no hole filled): see
    ``pagecache.compression`` on BREACH.
    """
    if getattr(request, "page_has_fresh_parts", False):
        return
    encoding = compression.choose(request, encoded)
    if encoding is not None:
        response.content = encoded[encoding]
        response["Content-Encoding"] = encoding


def keep_private(response: HttpResponse) -> None:
    """A page carrying one reader's values (a form's token and question): no shared
    cache may keep it, and the reader's own browser asks again before reusing it."""
    patch_cache_control(response, private=True, no_cache=True)


@functools.cache
def policies() -> dict[str, str]:
    """The content security policies a hit sends: no nonce, so the same every time
    (built once, not per hit; ``setting_changed`` forgets them)."""
    return {
        str(header): build_policy(config)
        for header, config in (
            (CSP.HEADER_ENFORCE, settings.SECURE_CSP),
            (CSP.HEADER_REPORT_ONLY, settings.SECURE_CSP_REPORT_ONLY),
        )
        if config
    }


@receiver(setting_changed)
def _forget_policies(setting, **kwargs):
    if setting in {"SECURE_CSP", "SECURE_CSP_REPORT_ONLY"}:
        policies.cache_clear()


class PageCacheMiddleware:
    """Answers anonymous readers from the page cache, and fills it.

    Goes after WhiteNoise and before the session middleware: everything inside it is
    skipped on a hit, and the headers it adds are stored with the page.
    """

    # Only pages under a language prefix are looked up (healthz, robots.txt, /a/… are not),
    # and the few addresses named in BROADSHEET_PAGE_CACHE_PATHS.
    prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)
        self.paths = frozenset(settings.BROADSHEET_PAGE_CACHE_PATHS)

    def __call__(self, request):
        if may_be_cached(request) and (
            request.path.startswith(self.prefixes) or request.path in self.paths
        ):
            request.page_cache_key = page_key(request)
            stored = lookup(request)
            if stored is not None and (response := self.hit(request, stored)) is not None:
                return response
        response = self.get_response(request)
        if getattr(request, "page_has_fresh_parts", False):
            keep_private(response)
        if getattr(request, "page_cache_active", False):
            response = self.store(request, response)
        return response

    def hit(self, request, stored):
        not_modified = (
            None if is_personal(request) else conditional_response(request, stored["headers"])
        )
        if not_modified is not None:
            # A page with a reader's form was stored with its private Cache-Control.
            cache_control = dict(stored["headers"]).get("Cache-Control")
            if cache_control:
                not_modified["Cache-Control"] = cache_control
            patch_vary_headers(not_modified, ["Accept-Encoding"])
            return not_modified
        encoded = stored["encoded"]
        encoding = compression.choose(request, encoded) if all_empty_for(request) else None
        text = None if encoding is not None else cache.get(text_key(stored["key"]))
        if encoding is None and text is None:
            return None  # its text was pushed out apart from it: the page is made again
        self.csrf.process_request(request)
        if encoding is not None:
            # Nothing to fill for this reader: the bytes stored for everyone, as they are.
            response = HttpResponse(encoded[encoding])
            response["Content-Encoding"] = encoding
        else:
            with translation.override(stored["language"]):
                response = HttpResponse(fill_holes(request, text))
        # Checked and converted when the page was stored (they are its response's own):
        # set as they are, not converted again one by one (14 headers, a tenth of a hit),
        # into ResponseHeaders' private store: the one private name here, test-covered.
        response.headers._store.update((h.lower(), (h, v)) for h, v in stored["headers"])
        if getattr(request, "page_has_fresh_parts", False):
            # Stored shared, filled with this reader's own (their pending comments).
            keep_private(response)
        if encoding is None:
            send_compressed(request, response, encoded)
        response["Content-Length"] = str(len(response.content))
        for header, policy in policies().items():
            response.headers[header] = policy
        response["X-Page-Cache"] = "hit"
        return self.csrf.process_response(request, response)

    def store(self, request, response):
        if response.streaming:
            return response
        html = response.content.decode(response.charset)
        patch_vary_headers(response, ["Accept-Encoding"])
        if response.status_code == 200 and not response.cookies.keys() - {
            settings.CSRF_COOKIE_NAME
        }:
            changes_at = next_change(request)
            hollowed = hollow(html)
            # What every reader whose holes stay empty is sent, compressed once here.
            shared = strip_markers(hollowed).encode(response.charset)
            encoded = compression.compress(shared)
            timeout = lifetime(changes_at)
            cache.set(text_key(request.page_cache_key), hollowed, timeout=timeout)
            stored = {
                "until": changes_at.timestamp() if changes_at else time.time() + timeout,
                "encoded": encoded,
                "language": getattr(request, "LANGUAGE_CODE", translation.get_language()),
                "depends": request.page_cache_depends,
                "query": getattr(request, "page_cache_query", ()),
                "headers": [(h, v) for h, v in response.items() if h.lower() not in NOT_STORED],
            }
            cache.set(request.page_cache_key, stored, timeout=timeout)
            recent.put(request.page_cache_key, stored)
            response["X-Page-Cache"] = "miss"
            response.content = strip_markers(html)
            send_compressed(request, response, encoded)
        else:
            response.content = strip_markers(html)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response


def conditional_response(request: HttpRequest, stored_headers: list[tuple[str, str]]):
    """A 304 when the reader's copy matches the cached page's validators, else None."""
    if not ({"HTTP_IF_MODIFIED_SINCE", "HTTP_IF_NONE_MATCH"} & request.META.keys()):
        return None
    headers = dict(stored_headers)
    last_modified = headers.get("Last-Modified")
    timestamp = parse_http_date_safe(last_modified) if last_modified else None
    response = get_conditional_response(request, etag=headers.get("ETag"), last_modified=timestamp)
    return response if response is not None and response.status_code == 304 else None
