"""The comment form inside a cached article page, and the reader's own pending comments.

The cached article page is one copy for every anonymous reader: its comment form carries
no per-reader value (no CSRF token, no human-check question, no start time). comments.js
fetches them from ``comments.views.comment_start`` when the reader starts a comment; a
reader without JavaScript sends the form and is asked the question on a second step,
with every word kept (``comments.views.comment_create``). Rendering the crispy form costs
more than the rest of the page, so it is rendered once per language and kind (a new
comment, a reply), kept in each process's memory, and given the article's addresses and
the replied-to comment afterwards.

The reader's own comments awaiting review are a fresh hole (``pagecache.holes``).
"""

from functools import lru_cache

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article
from pagecache.holes import register_fresh

from . import own
from .forms import CommentForm
from .models import Comment


def shared_form(hole: str) -> SafeString:
    # "pk-PUBLICID", and "-N" for a reply to comment N (checked by comment_section).
    _pk, public_id, *parent = hole.split("-")
    html = _shared_form(translation.get_language(), bool(parent))
    # The form names its article only in its two addresses, and a reply's comment in
    # its hidden field: the rest is the same for every article.
    for name in ("comments:create", "comments:start"):
        html = html.replace(
            reverse(name, kwargs={"public_id": SAMPLE_ID}),
            reverse(name, kwargs={"public_id": public_id}),
        )
    if parent:
        html = html.replace(f'value="{SAMPLE_PARENT}"', f'value="{int(parent[0])}"')
    # Rendered by our template; what is put in is a public id and a number.
    return mark_safe(html)  # noqa: S308


# Stand-ins for the article and the parent comment, replaced in the rendered form.
SAMPLE_ID = "SAMPLE"
SAMPLE_PARENT = "0"


# Rendered once per process, language and kind (a new comment, a reply): rendering the
# crispy form costs more than the rest of the page, and a first reader of every article
# paid it when it was kept per article.
@lru_cache(maxsize=64)
def _shared_form(language: str, reply: bool) -> str:
    # The form needs only the article's identity: no query.
    article = Article(pk=0, public_id=SAMPLE_ID)
    form = CommentForm(
        article=article,
        challenge_required=True,
        shared=True,
        initial={"parent": SAMPLE_PARENT} if reply else None,
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
