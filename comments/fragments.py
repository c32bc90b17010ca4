"""An article's approved comments, rendered once and kept until one of them changes.

Rendering fifty comments is most of the cost of an article page, and the whole-page
cache forgets every page whenever anything on the site changes. This cache is keyed
per article instead: a *version* token kept in the cache is replaced whenever one of the
article's comments is saved or deleted, so a change re-renders that article's list only,
on every server sharing the cache. A lost version token just means one re-render.
Changes that bypass model signals (``QuerySet.update()`` on comments) are not seen:
the project makes none outside tests.

The token starts with the time it was made, which doubles as the moment the list last
changed for the article page's Last-Modified (a lost token moves it forward: harmless).
"""

import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article

from .models import Comment

# Long enough to outlive busy days, short enough that orphaned copies expire.
TIMEOUT = 24 * 60 * 60


@dataclass(frozen=True)
class CommentList:
    count: int
    html: SafeString
    changed_at: datetime
    version_key: str
    version: str


def version_key(article_pk: int) -> str:
    return f"comments:version:{article_pk}"


def new_version() -> str:
    return f"{time.time_ns():x}-{secrets.token_hex(4)}"


def version_time(version: str) -> datetime | None:
    """When ``version`` was made, or None for a token this module did not write.

    (Servers' clocks may differ a little; a time far ahead means a foreign token.)
    """
    try:
        made = datetime.fromtimestamp(int(version.partition("-")[0], 16) / 1e9, tz=UTC)
    except (ValueError, OverflowError, OSError):
        return None
    return made if made <= datetime.now(tz=UTC) + timedelta(days=1) else None


def version(article_pk: int) -> str:
    key = version_key(article_pk)
    value = cache.get(key)
    if value is not None and version_time(value) is None:
        cache.delete(key)
        value = None
    if value is None:
        cache.add(key, new_version(), TIMEOUT)  # unless another process just did
        value = cache.get(key) or new_version()
    return value


def comment_list(article, *, closed: bool) -> CommentList:
    """The rendered ``<section class="comments">`` for ``article`` in the active language."""
    language = translation.get_language()
    current = version(article.pk)
    key = f"comments:list:{article.pk}:{current}:{language}:{int(closed)}"
    stored = cache.get(key)
    if stored is None:
        comments = list(Comment.objects.for_page(article))
        html = render_to_string(
            "comments/_comment_list.html",
            {"approved_comments": comments, "comments_closed": closed},
        )
        stored = (len(comments), str(html))
        cache.set(key, stored, TIMEOUT)
    count, html = stored
    return CommentList(
        count=count,
        # Rendered by our own template, which escapes what readers wrote.
        html=mark_safe(html),  # noqa: S308
        changed_at=min(version_time(current) or timezone.now(), timezone.now()),
        version_key=version_key(article.pk),
        version=current,
    )


def forget(sender, instance, **kwargs) -> None:
    """Signal receiver: one of an article's comments changed, or the article was deleted.

    A deleted article's number may be given again by SQLite, so its list goes too.
    Replaced at once and again after the commit, so that a reader arriving while the
    transaction is still open cannot leave the old list under the new version.
    """
    article_pk = instance.pk if isinstance(instance, Article) else instance.article_id
    if article_pk is None:
        return
    key = version_key(article_pk)

    def replace():
        cache.set(key, new_version(), TIMEOUT)

    replace()
    transaction.on_commit(replace)
