"""What changed, and which cached pages that retires: the one place to look.

Every cached page records the version tokens (``pagecache.versions``) it was made from
and is served only while they all hold. This module names those tokens and is the only
code that renews them. Services that change what readers see call it explicitly, in the
same function, bulk updates included:

=========================  ===========================================================
``article_changed(pk)``    its text, status, time or summary: its own pages, every list
                           (``LISTS``) and everything that names other articles without
                           their comment counts (``STORIES``: the feeds, which describe
                           articles by their summaries, and every article page's "More
                           in" and "Related")
``article_page_changed``   its comments: its page, and the lists (their comment counts);
                           not ``STORIES``, so one comment renews no other article's page
``site_changed()``         what every page shows (categories in the menu, sources,
                           authors, tags and footer pages)
``search_changed()``       the search index (``articles.search``): the search pages,
                           which also depend on ``LISTS``
=========================  ===========================================================

The admin's generic saves and deletes have no service to call these, so apps *follow*
their models (``follow(Model, change)`` in ``AppConfig.ready``), and every followed model
is listed in ``FOLLOWED``: the project follows ``articles.Article``, ``articles.Category``,
``articles.Source``, ``articles.Author``, ``articles.Tag``, ``articles.SummaryState``,
``comments.Comment`` and ``pages.Page`` (an article's authors and tags, saved after it,
are followed through ``m2m_changed`` in ``articles/apps.py``).

Pages also change by themselves at known moments. A moment that changes every page (a
scheduled article goes live on the lists) is named by a ``next_change`` function an app
registers; one that changes a single page (its comments close by age) by that page,
with ``pagecache.decorators.changes_at``. No page is kept past either.
"""

from collections.abc import Callable
from datetime import datetime

from django.db.models.signals import post_delete, post_save

from . import versions

SITE = "pages:site"
LISTS = "pages:lists"
STORIES = "pages:stories"
SEARCH = "pages:search"


def article_key(article_pk: int) -> str:
    return f"pages:article:{article_pk}"


def article_changed(article_pk: int) -> None:
    versions.renew(article_key(article_pk), LISTS, STORIES)


def article_page_changed(article_pk: int) -> None:
    # The lists show each article's comment count: they change with its comments.
    versions.renew(article_key(article_pk), LISTS)


def site_changed() -> None:
    versions.renew(SITE)


def search_changed() -> None:
    versions.renew(SEARCH)


# label -> what a save or delete of that model renews (for the README and the tests).
FOLLOWED: dict[str, str] = {}


def follow(model, change: Callable, *, renews: str) -> None:
    """Call ``change(instance, created=...)`` after each save and delete of ``model``."""

    def receiver(sender, instance, created=False, **kwargs):
        change(instance, created=created)

    label = model._meta.label
    FOLLOWED[label] = renews
    post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"pagecache-s-{label}")
    post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"pagecache-d-{label}")


_next_changes: list[Callable[[], datetime | None]] = []


def next_change(function: Callable[[], datetime | None]):
    """Register ``function() -> datetime | None``: the next moment pages change by themselves."""
    _next_changes.append(function)
    return function


def next_changes() -> list[datetime]:
    return [moment for function in _next_changes if (moment := function()) is not None]
