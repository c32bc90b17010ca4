import logging
from functools import wraps

from django.contrib import messages
from django.db import DatabaseError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods
from django.views.i18n import JavaScriptCatalog

from articles.models import Article
from articles.views import ArticleDetailView
from core.clients import client_ip

from . import captcha, limits, own, rules, services
from .context import is_trusted
from .forms import CommentForm

logger = logging.getLogger(__name__)
# What the reader typed, and what the human check needs to be answered again.
RESUBMITTED_FIELDS = ["name", "email", "text", "token", "answer", "homepage", "parent"]


def keep_text_when_database_fails(view):
    """When the database is unavailable, answer 503 with the reader's words intact.

    The page is self-contained (no query, no article) so it renders even when the
    database is down; its form sends the same fields again once the reader retries.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except DatabaseError:
            logger.exception("Database unavailable while a comment was submitted")
            if request.method != "POST":
                raise
            fields = {key: request.POST.get(key, "") for key in RESUBMITTED_FIELDS}
            response = render(
                request,
                "comments/comment_unavailable.html",
                {"fields": fields, "action": request.path},
                status=503,
            )
            response["Retry-After"] = "30"
            return response

    return wrapper


@require_http_methods(["GET", "POST"])
@keep_text_when_database_fails
def comment_create(request, public_id: str):
    """The comment form's target: store the comment, then back to the article (PRG)."""
    article = get_object_or_404(
        Article.objects.published().for_listing(), public_id=public_id.upper()
    )
    if request.method == "GET":
        return redirect(article.get_absolute_url() + "#comment-form")
    reason = rules.closed_reason(article)
    if reason:
        messages.error(request, reason)
        return redirect(article.get_absolute_url() + "#main")

    trusted = is_trusted(request)
    client = rules.client_hash(client_ip(request))
    if not trusted and limits.used_up(client=client):
        return _refused(request, article)

    form = CommentForm(request.POST, article=article, challenge_required=not trusted)
    if not form.is_valid():
        started = None
        if form.spent_challenge is not None:  # a wrong answer
            services.challenge_fail(challenge=form.spent_challenge, client_hash=client)
            # The reader has been at the form since then: the new question keeps the time.
            started = form.spent_challenge.started
        if form.challenge_failed:
            form.show_challenge(captcha.new_challenge(article_id=article.pk, started=started))
        return _article_with_form(request, article, form, status=400)

    data = form.cleaned_data
    try:
        parent = services.reply_parent(article=article, parent_id=data["parent"])
        comment = services.comment_submit(
            article=article,
            name=data["name"],
            email=data["email"],
            text=data["text"],
            language=translation.get_language(),
            client_hash=client,
            spam_signals=[] if trusted else form.spam_signals(),
            challenge=form.challenge,
            limited=not trusted,
            parent=parent,
            from_newsroom=trusted,
        )
    except services.TooManyComments:
        return _refused(request, article)
    except services.ChallengeAlreadyUsed as refusal:
        form.add_error("answer", refusal.message)
        form.show_challenge(captcha.new_challenge(article_id=article.pk))
        return _article_with_form(request, article, form, status=400)
    except services.CommentRefused as refusal:
        return _article_with_form(request, article, form, error=refusal.message, status=400)
    # Shown above the form (extra tag "comment"), where the reader is taken back to.
    messages.success(
        request,
        gettext("Thank you. Your comment will appear after editor review."),
        extra_tags="comment",
    )
    response = redirect(article.get_absolute_url() + "#comment-form")
    # Spam is not shown to its sender either: it was never going to appear.
    if comment.status == comment.Status.PENDING:
        own.remember(request, response, comment)
    return response


def _refused(request, article):
    """429, neutral: the article with a new question and everything the reader typed."""
    form = CommentForm(
        article=article,
        challenge=captcha.new_challenge(article_id=article.pk),
        initial={key: request.POST.get(key, "") for key in ("name", "email", "text", "parent")},
    )
    return _article_with_form(request, article, form, error=limits.refusal_message(), status=429)


def _article_with_form(request, article, form, *, status: int, error: str = ""):
    """The article page again, with the reader's form, text and errors in place."""
    view = ArticleDetailView()
    view.setup(request, public_id=article.public_id, slug=article.local.slug)
    view.object = article
    context = view.get_context_data(object=article, comment_form=form, comment_error=error)
    return view.render_to_response(context, status=status)


javascript_catalog = cache_control(max_age=3600, public=True)(
    JavaScriptCatalog.as_view(packages=["comments"])
)
