"""The comment form inside a cached article page, rendered anew for each reader.

A cached page must not hand every reader the same CSRF token, human-check question
and start stamp: articles.page_cache keeps a marker where the form goes and this filler
renders a fresh one. Only anonymous readers get cached pages, so the form always asks
the human check.
"""

from django.template.loader import render_to_string

from articles.models import Article
from articles.page_cache import register_fresh

from . import captcha
from .forms import CommentForm


@register_fresh("comment_form")
def fresh_comment_form(request, hole: str) -> str:
    pk, _sep, public_id = hole.partition("-")
    # The form needs only the article's identity: no query on a cache hit.
    article = Article(pk=int(pk), public_id=public_id)
    form = CommentForm(
        article=article,
        challenge_required=True,
        challenge=captcha.new_challenge(article_id=article.pk),
    )
    return render_to_string("comments/_form.html", {"comment_form": form}, request=request)
