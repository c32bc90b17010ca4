"""Whole-page caching for anonymous readers, with fresh holes.

A page is cached per host and full path (the path carries the language prefix) under a
*generation* number kept in the cache; bumping the generation forgets every cached page
at once, on every server sharing the cache (categories and sources, shown on every page,
do that). Logged-in users, non-GET requests and requests carrying flash messages always
get a freshly rendered page.

Most changes are narrower. A page also records the version tokens (articles.versions)
it was made from, and a cached copy is served only while they hold: an article page
depends on its article's token (renewed by the article, its summaries and its comments),
the lists (home, categories, feed) on one token for all lists. Editing an article renews
its own page and the lists; a summary or an approved comment renews its article's page.

Views opt in with ``cache_page_for_readers``; ``PageCacheMiddleware``, placed before
sessions, CSRF, authentication and the rest, stores their pages on the way out (with the
headers the inner middleware added) and answers later readers before any of that runs:
a hit costs three cache reads (generation, page, its tokens) and no query, URL
resolving, session or template work.

Parts of a page that must differ per request (a form's CSRF token and human check) are
wrapped in ``{% fresh "name" arg %}``. The cached copy keeps only a marker there, and
each hit re-renders just that part through the filler registered under ``name``.
Cached pages carry no CSP nonce: a hit sends the policy without one, so inline scripts
(which need one) cannot appear in them.
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
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.csp import CSP, build_policy
from django.utils.http import parse_http_date_safe
from django.utils.safestring import SafeString, mark_safe

from . import versions

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


# Headers a hit makes itself: per response, or per reader.
NOT_STORED = {"set-cookie", "content-length", "x-page-cache"} | {
    str(h).lower() for h in (CSP.HEADER_ENFORCE, CSP.HEADER_REPORT_ONLY)
}


def _plain_read(request: HttpRequest) -> bool:
    return enabled() and request.method in ("GET", "HEAD") and "messages" not in request.COOKIES


def may_be_cached(request: HttpRequest) -> bool:
    """Before authentication runs: no session, so certainly an anonymous reader."""
    return _plain_read(request) and settings.SESSION_COOKIE_NAME not in request.COOKIES


def is_cacheable_request(request: HttpRequest) -> bool:
    # Only someone with a session can be logged in; staff always see fresh pages.
    has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
    return _plain_read(request) and not (has_session and request.user.is_authenticated)


LISTS = "articles:lists:version"


def article_key(article_pk: int) -> str:
    return f"articles:version:{article_pk}"


def article_changed(sender, instance, **kwargs) -> None:
    """Signal receiver for articles and their summary states."""
    from .models import Article

    is_article = isinstance(instance, Article)
    article_pk = instance.pk if is_article else instance.article_id
    if article_pk is not None:
        versions.renew(article_key(article_pk))
    if is_article:
        versions.renew(LISTS)


def depends_on(request: HttpRequest, key: str, value: str | None = None) -> None:
    """The page being rendered shows what cache ``key`` versions, at ``value``.

    A cached copy is served only while every such key still holds the same value.
    """
    if getattr(request, "page_cache_active", False):
        request.page_cache_depends[key] = value if value is not None else versions.current(key)


def is_current(stored: dict) -> bool:
    depends = stored.get("depends")
    return not depends or cache.get_many(list(depends)) == depends


# Part of every key: bumped when the stored entry's layout changes, so a release never
# reads what an older one wrote to a shared cache.
ENTRY_FORMAT = 2


def page_key(request: HttpRequest) -> str:
    address = f"{request.get_host()}{request.get_full_path()}".encode()
    return f"page:v{ENTRY_FORMAT}:{generation()}:{hashlib.sha256(address).hexdigest()}"


def fill(name: str, request: HttpRequest, arg: str) -> SafeString:
    return mark_safe(_fillers[name](request, arg))  # noqa: S308 -- fillers render templates


def fill_holes(request: HttpRequest, html: str) -> str:
    return FRESH_MARKER.sub(lambda m: fill(m.group(1), request, m.group(2)), html)


def strip_markers(html: str) -> str:
    return re.sub(r"<!--fresh:[\w-]+:[\w-]*-->|<!--/fresh-->", "", html)


def cache_page_for_readers(view, *, depends=()):
    """Decorator for views rendering public pages (``PageCacheMiddleware`` stores them).

    ``depends`` names version tokens every page of the view is made from. The key and
    the tokens are read before the view runs: a page rendered while its content changes
    is stored under what it started from, which the change has already retired.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if is_cacheable_request(request):
            request.page_cache_key = getattr(request, "page_cache_key", None) or page_key(request)
            request.page_cache_active = True
            request.page_cache_depends = {}
            for key in depends:
                depends_on(request, key)
        return view(request, *args, **kwargs)

    return wrapper


class PageCacheMiddleware:
    """Answers anonymous readers from the page cache, and fills it.

    Goes after WhiteNoise and before the session middleware: everything inside it is
    skipped on a hit, and the headers it adds are stored with the page.
    """

    # Only pages under a language prefix are cached (healthz, robots.txt, /a/… are not).
    prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        if may_be_cached(request) and request.path.startswith(self.prefixes):
            request.page_cache_key = page_key(request)
            stored = cache.get(request.page_cache_key)
            if stored is not None and is_current(stored):
                return self.hit(request, stored)
        response = self.get_response(request)
        if getattr(request, "page_cache_active", False):
            response = self.store(request, response)
        return response

    def hit(self, request, stored):
        not_modified = conditional_response(request, stored["headers"])
        if not_modified is not None:
            return not_modified
        self.csrf.process_request(request)
        with translation.override(stored["language"]):
            content = fill_holes(request, stored["content"])
        response = HttpResponse(content)
        for header, value in stored["headers"]:
            response.headers[header] = value
        response["Content-Length"] = str(len(response.content))
        for header, config in (
            (CSP.HEADER_ENFORCE, settings.SECURE_CSP),
            (CSP.HEADER_REPORT_ONLY, settings.SECURE_CSP_REPORT_ONLY),
        ):
            if config:
                response.headers[str(header)] = build_policy(config)
        response["X-Page-Cache"] = "hit"
        return self.csrf.process_response(request, response)

    def store(self, request, response):
        if response.streaming:
            return response
        html = response.content.decode(response.charset)
        if response.status_code == 200 and not response.cookies.keys() - {
            settings.CSRF_COOKIE_NAME
        }:
            cache.set(
                request.page_cache_key,
                {
                    "content": FRESH_BLOCK.sub(r"<!--fresh:\1:\2-->", html),
                    "language": getattr(request, "LANGUAGE_CODE", translation.get_language()),
                    "depends": request.page_cache_depends,
                    "headers": [(h, v) for h, v in response.items() if h.lower() not in NOT_STORED],
                },
                timeout=seconds_until_next_change(),
            )
            response["X-Page-Cache"] = "miss"
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
