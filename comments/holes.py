"""The comment form inside a cached article page, and the reader's own pending comments.

The cached article page is one copy for every anonymous reader: its comment form carries
no per-reader value (no CSRF token, no human-check question, no start time). comments.js
fetches them from ``comments.views.comment_start`` when the reader starts a comment; a
reader without JavaScript sends the form and is asked the question on a second step,
with every word kept (``comments.views.comment_create``). Rendering the crispy form costs
more than the rest of the page, so it is rendered once per article, language and reply
target, and kept in each process's memory.

The reader's own comments awaiting review are a fresh hole (``pagecache.holes``).
"""

from functools import lru_cache

from django.template.loader import render_to_string
from django.utils import translation

from articles.models import Article
from pagecache.holes import register_fresh

from . import own
from .forms import CommentForm
from .models import Comment


def shared_form(hole: str) -> str:
    return _shared_form(translation.get_language(), hole)


# Per process, so a deploy's new templates take effect at once; a few KB an entry.
@lru_cache(maxsize=1024)
def _shared_form(language: str, hole: str) -> str:
    # "pk-PUBLICID", and "-N" for a reply to comment N (checked by comment_section).
    pk, public_id, *parent = hole.split("-")
    # The form needs only the article's identity: no query.
    article = Article(pk=int(pk), public_id=public_id)
    form = CommentForm(
        article=article,
        challenge_required=True,
        shared=True,
        initial={"parent": parent[0]} if parent else None,
    )
    with translation.override(language):
        # No CSRF token: {% csrf_token %} writes nothing without one.
        return render_to_string("comments/_form.html", {"comment_form": form, "csrf_token": ""})


@register_fresh("own_comments", cookies=[own.COOKIE])
def fresh_own_comments(request, hole: str) -> str:
    """The reader's own comments on article ``hole`` still awaiting review (``own``).

    No cookie, no query; nothing to show, nothing of the reader's on the page.
    """
    ids = own.read(request) if request is not None else []
    if not ids:
        return ""
    pending = list(
        Comment.objects.pending()
        .filter(pk__in=ids, article_id=int(hole))
        .select_related("parent")
        .order_by("created_at", "pk")
    )
    if not pending:
        return ""
    return render_to_string(
        "comments/_own_pending.html",
        {"own_pending": pending, "page_language": translation.get_language()},
    )
