"""Fresh holes: the parts of a cached page that are made anew for every request.

A part that must differ per reader (a form's CSRF token and human check) is wrapped in
``{% fresh "name" arg %}`` (``pagecache`` template tags). The cached copy keeps only a
marker there, and each hit fills it again through the function registered under
``name``.
"""

import re
from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

FRESH_BLOCK = re.compile(r"<!--fresh:([\w-]+):([\w-]*)-->.*?<!--/fresh-->", re.S)
FRESH_MARKER = re.compile(r"<!--fresh:([\w-]+):([\w-]*)-->")
ANY_MARKER = re.compile(r"<!--fresh:[\w-]+:[\w-]*-->|<!--/fresh-->")

_fillers: dict[str, Callable[[HttpRequest, str], str]] = {}
# Cookies from which some hole shows a reader their own things (their pending comments).
_personal_cookies: set[str] = set()
# Holes filled for every reader, whatever cookies they carry.
_everyones: set[str] = set()


def register_fresh(name: str, *, cookies=()):
    """Register ``function(request, arg) -> html`` to fill ``{% fresh name arg %}``.

    ``cookies``: the cookies the filler shows the reader's own things from.
    """

    def decorator(function):
        _fillers[name] = function
        _personal_cookies.update(cookies)
        if not cookies:
            _everyones.add(name)
        return function

    return decorator


def is_personal(request: HttpRequest) -> bool:
    """The reader's copy of a page may differ from everyone's although the page has not
    changed (their comment has been sent, or rejected): never answer them with a 304."""
    return not _personal_cookies.isdisjoint(request.COOKIES)


def all_empty_for(request: HttpRequest) -> bool:
    """Every hole of every page comes out empty for this reader: each shows a reader
    only their own things, from cookies this reader does not carry."""
    return not _everyones and not is_personal(request)


def fill(name: str, request: HttpRequest, arg: str) -> SafeString:
    content = _fillers[name](request, arg)
    if request is not None and content:
        # The response carries this reader's own values: PageCacheMiddleware marks it
        # private, whether it comes from the cache or not. An empty hole (a reader with
        # nothing of their own to see there) leaves the page as shared as it was.
        request.page_has_fresh_parts = True
    return mark_safe(content)  # noqa: S308 -- fillers render templates


def fill_holes(request: HttpRequest, html: str) -> str:
    return FRESH_MARKER.sub(lambda m: fill(m.group(1), request, m.group(2)), html)


def hollow(html: str) -> str:
    """The page as stored: each hole's content dropped, its marker kept."""
    return FRESH_BLOCK.sub(r"<!--fresh:\1:\2-->", html)


def strip_markers(html: str) -> str:
    return ANY_MARKER.sub("", html)
