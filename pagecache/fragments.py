"""Parts of pages kept apart from the pages, each under the version tokens it is made of.

A page is retired when any of its tokens changes; most of it has not: an article edit
renews the article pages whose "More in" or "Related" show it (publishing one, every
article page), yet each page's own article, menu and footer are as they were.
``{% fragment %}`` (``pagecache`` tags) keeps such parts, so a page-cache miss renders
only what changed. Templates name the tokens a part is made of; ``page_versions`` (a
context processor) reads the site-wide ones when a template first asks, before the
part's data is read, as pages do.
"""

from functools import cached_property

from . import versions
from .invalidation import SITE
from .middleware import lifetime as page_lifetime
from .middleware import next_site_change

# Part of every fragment's key: bumped when what fragments hold changes shape.
FORMAT = 1


class PageVersions:
    """The site-wide tokens: those the page being cached already depends on (read before
    its view ran), else read once per render."""

    def __init__(self, request):
        self.depends = getattr(request, "page_cache_depends", None) or {}

    def read(self, key: str) -> str:
        return self.depends.get(key) or versions.current(key)

    @cached_property
    def site(self) -> str:
        return self.read(SITE)


def lifetime(request) -> int:
    """Seconds to keep a fragment: no longer than a page, and never past a moment every
    page changes by itself (a scheduled article going live on the lists)."""
    return page_lifetime(next_site_change(request))


def page_versions(request):
    return {"page_versions": PageVersions(request)}
