"""What changed, and which cached pages that retires: the one place to look.

Every cached page records the version tokens (``pagecache.versions``) it was made from
and is served only while they all hold. This module names those tokens and is the only
code that renews them. Services that change what readers see call it explicitly, in the
same function, bulk updates included:

============================  ========================================================
``article_changed(pk)``       its text, status, time or summary: its own pages, its card
                              (``article_card_key``: the article pages whose "More in"
                              or "Related" show it), every list (``LISTS``) and
                              everything that names other articles without their comment
                              counts (``STORIES``: the feeds, which describe articles by
                              their summaries); and, unless the caller says the change
                              cannot move it in, out of or within those lists
                              (``reading_on=False``), every article page (``READING_ON``)
``article_page_changed``      its comments: its page, and the lists (their comment
                              counts); no card, so one comment renews no other page
``site_changed()``            what every page shows (categories in the menu, sources,
                              authors, tags and footer pages)
``search_changed()``          the search index (``articles.search``): the search pages,
                              which also depend on ``LISTS``
============================  ========================================================

An article page's "More in" and "Related" lists depend on ``READING_ON`` (which articles
they show: anything they filter or order on, which is whether and when an article is
published, its category and its tags, and any article made or deleted) and on the card
token of each article they show (what it shows of it). So an edit of one article's title
retires the pages showing it, not every article page. A caller passes
``reading_on=False`` only when it knows no such field changed; when in doubt it renews.

The admin's generic saves and deletes have no service to call these, so apps *follow*
their models (``follow(Model, change)`` in ``AppConfig.ready``), and every followed model
is listed in ``FOLLOWED``: the project follows ``articles.Article``, ``articles.Category``,
``articles.Source``, ``articles.Author``, ``articles.Tag``, ``articles.SummaryState``,
``comments.Comment`` and ``pages.Page`` (an article's authors and tags, saved after it,
are followed through ``m2m_changed`` in ``articles/apps.py``). An article's save renews
``READING_ON`` when it was just made, or its status, publication time or category differs
from what the database held (``Article.moves_reading_on()``); its delete and any change of
its tags always do.

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
# Which articles every article page's "More in" and "Related" lists show.
READING_ON = "pages:reading-on"


def article_key(article_pk: int) -> str:
    return f"pages:article:{article_pk}"


def article_card_key(article_pk: int) -> str:
    """What other articles' pages show of it in their "More in" and "Related" lists."""
    return f"pages:article-card:{article_pk}"


def article_changed(article_pk: int, *, reading_on: bool = True) -> None:
    """``reading_on=False``: the change cannot alter which articles any article page's
    "More in" or "Related" shows, nor their order (its status, publication time,
    category and tags are as they were, and it was neither made nor deleted)."""
    keys = [article_key(article_pk), article_card_key(article_pk), LISTS, STORIES]
    versions.renew(*keys, *([READING_ON] if reading_on else []))


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
