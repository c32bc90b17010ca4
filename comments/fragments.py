"""An article's approved comments, rendered once and kept until one of them changes.

Rendering fifty comments is most of the cost of an article page. The list is keyed by
the token of the article's page (``pagecache.invalidation.article_key``), which every
change to one of its comments renews (``article_page_changed``), so a change re-renders
that article's list only. (The article's own edits renew the same token: one token read
per cached page instead of two, for a rare extra re-render.)
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from pagecache import versions
from pagecache.invalidation import article_key

from .models import Comment


@dataclass(frozen=True)
class CommentList:
    count: int
    html: SafeString


def comment_list(article, *, closed: bool) -> CommentList:
    """The rendered ``<section class="comments">`` for ``article`` in the active language."""
    language = translation.get_language()
    current = versions.current(article_key(article.pk))
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
    # Rendered by our own template, which escapes what readers wrote.
    return CommentList(count=count, html=mark_safe(html))  # noqa: S308
