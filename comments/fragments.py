"""An article's approved comments, rendered once and kept until one of them changes.

Rendering fifty comments is most of the cost of an article page. The list is keyed by
the article's version token (the one its cached pages depend on, articles.page_cache),
which is replaced whenever one of the article's comments is saved or deleted, so a
change re-renders that article's list only. (The article's own edits renew the same
token: one token read per cached page instead of two, for a rare extra re-render.)
Services that write with ``QuerySet.update()`` (bulk moderation) send no signal and
call ``comments_changed`` themselves.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from articles import page_cache, versions

from .models import Comment


@dataclass(frozen=True)
class CommentList:
    count: int
    html: SafeString
    changed_at: datetime
    version_key: str
    version: str


def version_key(article_pk: int) -> str:
    return page_cache.article_key(article_pk)


def version(article_pk: int) -> str:
    return versions.current(version_key(article_pk))


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
        cache.set(key, stored, versions.TIMEOUT)
    count, html = stored
    return CommentList(
        count=count,
        # Rendered by our own template, which escapes what readers wrote.
        html=mark_safe(html),  # noqa: S308
        changed_at=min(versions.made_at(current) or timezone.now(), timezone.now()),
        version_key=version_key(article.pk),
        version=current,
    )


def comments_changed(*, article_pk: int) -> None:
    """One or more of the article's comments changed: its list and pages are renewed.

    (A deleted article renews the same token through articles.page_cache.)
    """
    versions.renew(version_key(article_pk))


def forget(sender, instance, **kwargs) -> None:
    """Signal receiver: one of an article's comments was saved or deleted."""
    if instance.article_id is not None:
        comments_changed(article_pk=instance.article_id)
