"""The comment form inside a cached article page, made anew for each reader.

A cached page must not hand every reader the same CSRF token and human-check question
(whose token also says when the form was shown): the page cache keeps a marker
(pagecache.holes) where the form goes and this filler puts a fresh form there.
Rendering the crispy form costs far more than the rest of a cache hit, so it is rendered
once per article and language with placeholders, kept in each process's memory, and
each reader's own values are substituted into that copy. Only anonymous readers get
cached pages, so the form always asks the human check.
"""

from functools import lru_cache

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import translation

from articles.models import Article
from pagecache.holes import register_fresh

from . import captcha, own
from .forms import CommentForm
from .models import Comment

# Placeholders that cannot occur in a rendered form; the numbers stand for the
# question's two operands.
CSRF = "__fresh_csrf__"
TOKEN = "__fresh_token__"  # noqa: S105 -- a placeholder, not a secret
FIRST, SECOND = 90001, 90002


def form_template(hole: str) -> str:
    return _form_template(translation.get_language(), hole)


# Per process, so a deploy's new templates take effect at once; a few KB an entry.
@lru_cache(maxsize=1024)
def _form_template(language: str, hole: str) -> str:
    # "pk-PUBLICID", and "-N" for a reply to comment N (checked by comment_section).
    pk, public_id, *parent = hole.split("-")
    # The form needs only the article's identity: no query.
    article = Article(pk=int(pk), public_id=public_id)
    placeholder = captcha.Challenge(
        a=FIRST, b=SECOND, article_id=article.pk, nonce="", token=TOKEN, started=0.0
    )
    form = CommentForm(
        article=article,
        challenge_required=True,
        challenge=placeholder,
        initial={"parent": parent[0]} if parent else None,
    )
    with translation.override(language):
        return render_to_string("comments/_form.html", {"comment_form": form, "csrf_token": CSRF})


@register_fresh("comment_form")
def fresh_comment_form(request, hole: str) -> str:
    pk = int(hole.partition("-")[0])
    challenge = captcha.new_challenge(article_id=pk)
    html = form_template(hole)
    # Operands first: the tokens substituted next are random text.
    html = html.replace(str(FIRST), str(challenge.a)).replace(str(SECOND), str(challenge.b))
    return html.replace(TOKEN, challenge.token).replace(CSRF, get_token(request))


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
