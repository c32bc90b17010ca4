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


def register_fresh(name: str):
    """Register ``function(request, arg) -> html`` to fill ``{% fresh name arg %}``."""

    def decorator(function):
        _fillers[name] = function
        return function

    return decorator


def fill(name: str, request: HttpRequest, arg: str) -> SafeString:
    if request is not None:
        # The response carries this reader's own values: PageCacheMiddleware marks it
        # private, whether it comes from the cache or not.
        request.page_has_fresh_parts = True
    return mark_safe(_fillers[name](request, arg))  # noqa: S308 -- fillers render templates


def fill_holes(request: HttpRequest, html: str) -> str:
    return FRESH_MARKER.sub(lambda m: fill(m.group(1), request, m.group(2)), html)


def hollow(html: str) -> str:
    """The page as stored: each hole's content dropped, its marker kept."""
    return FRESH_BLOCK.sub(r"<!--fresh:\1:\2-->", html)


def strip_markers(html: str) -> str:
    return ANY_MARKER.sub("", html)
