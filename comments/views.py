import logging
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from django.views.i18n import JavaScriptCatalog

from articles.models import Article
from articles.views import ArticleDetailView
from core.clients import client_ip
from pagecache.assets import versioned

from . import captcha, limits, notifications, own, rules, services
from .context import is_trusted
from .forms import CommentForm, ReportForm
from .models import Comment

logger = logging.getLogger(__name__)
# What the reader typed, and what the human check needs to be answered again.
RESUBMITTED_FIELDS = ["name", "email", "notify", "text", "token", "answer", "homepage", "parent"]


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


def csrf_refusal(request):
    """The CSRF middleware's verdict on ``request`` (None: accepted), for a view that is
    exempt only for requests that can change nothing."""
    return CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {})


@require_GET
def comment_start(request, public_id: str):
    """What the shared form of a cached page lacks, fetched by comments.js when the reader
    starts a comment: a CSRF token (and its cookie), a new signed question for this
    article, and so the moment they started. Never cached."""
    article = get_object_or_404(
        Article.objects.published().for_listing(), public_id=public_id.upper()
    )
    if rules.closed_reason(article):
        raise Http404
    challenge = captcha.new_challenge(article_id=article.pk)
    response = JsonResponse(
        {
            "csrf": get_token(request),
            "token": challenge.token,
            "question": CommentForm.question(challenge),
        }
    )
    add_never_cache_headers(response)
    return response


# A reader without JavaScript sends the shared form with no question answered and no CSRF
# token: that first step stores nothing, so it needs neither; it answers with the form,
# every word kept, a question and a token. Everything else is CSRF-checked here.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@keep_text_when_database_fails
def comment_create(request, public_id: str):
    """The comment form's target: store the comment, then back to the article (PRG)."""
    article = get_object_or_404(
        Article.objects.published().for_listing(), public_id=public_id.upper()
    )
    if request.method == "GET":
        return redirect(article.get_absolute_url() + "#comment-form")
    trusted = is_trusted(request)
    first_step = not trusted and not request.POST.get("token")
    if not first_step:
        refusal = csrf_refusal(request)
        if refusal is not None:
            return refusal
    reason = rules.closed_reason(article)
    if reason:
        messages.error(request, reason)
        return redirect(article.get_absolute_url() + "#main")

    client = rules.client_hash(client_ip(request))
    if not trusted and limits.used_up(client=client):
        return _refused(request, article)

    form = CommentForm(request.POST, article=article, challenge_required=not trusted)
    if first_step:
        form.is_valid()  # the reader's other mistakes are shown with the question
        form.errors.pop("answer", None)
        form.show_challenge(captcha.new_challenge(article_id=article.pk))
        if not form.errors:
            notice = gettext("One more step: answer the sum below to send your comment.")
            return _article_with_form(request, article, form, status=200, notice=notice)
        return _article_with_form(request, article, form, status=400)
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
            notify=data["notify"],
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
    if data["notify"]:
        messages.info(
            request,
            gettext(
                "If this address is not confirmed yet, we have e-mailed it a link: "
                "nothing else is sent before you open it."
            ),
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


def _article_with_form(request, article, form, *, status: int, error: str = "", notice: str = ""):
    """The article page again, with the reader's form, text and errors in place."""
    view = ArticleDetailView()
    view.setup(request, public_id=article.public_id, slug=article.local.slug)
    view.object = article
    context = view.get_context_data(
        object=article, comment_form=form, comment_error=error, comment_notice=notice
    )
    return view.render_to_response(context, status=status)


REPORTED_COOKIE = "comments_reported"


def _reported_ids(request) -> set[str]:
    """The comments this browser reported (a signed cookie, besides the client hash)."""
    value = request.get_signed_cookie(REPORTED_COOKIE, default="", salt=REPORTED_COOKIE)
    return set(value.split(",")) - {""}


@require_http_methods(["GET", "POST"])
def comment_report(request, pk: int):
    """A reader reports an approved comment: reason, optional note, the human check."""
    comment = get_object_or_404(
        Comment.objects.visible().select_related("article").filter(article__isnull=False), pk=pk
    )
    article = comment.article
    if not article.is_published:
        raise Http404
    context = {"comment": comment, "article": article, "back_url": comment.get_absolute_url()}
    if str(comment.pk) in _reported_ids(request):
        return render(request, "comments/report_done.html", {**context, "already": True})
    trusted = is_trusted(request)
    client = rules.client_hash(client_ip(request))
    if request.method == "GET":
        form = ReportForm(comment=comment, challenge_required=not trusted)
        return render(request, "comments/report.html", {**context, "form": form})

    form = ReportForm(request.POST, comment=comment, challenge_required=not trusted)
    error = ""
    if not trusted and limits.used_up(client=client, kinds=[limits.Kind.REPORT]):
        error = limits.refusal_message()
    elif form.is_valid():
        try:
            services.report_submit(
                comment=comment,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
                client_hash=client,
                challenge=form.challenge,
                limited=not trusted,
            )
        except services.ReportRefused as refusal:
            error = refusal.message
        else:
            response = render(request, "comments/report_done.html", context)
            ids = sorted(_reported_ids(request) | {str(comment.pk)}, key=int)[-200:]
            response.set_signed_cookie(
                REPORTED_COOKIE,
                ",".join(ids),
                salt=REPORTED_COOKIE,
                max_age=365 * 24 * 3600,
                secure=request.is_secure(),
                httponly=True,
                samesite="Lax",
            )
            return response
    else:
        if form.spent_challenge is not None:
            services.challenge_fail(challenge=form.spent_challenge, client_hash=client)
    if form.challenge_required and (form.challenge_failed or error):
        form.show_challenge(captcha.new_challenge(article_id=article.pk))
    return render(
        request, "comments/report.html", {**context, "form": form, "error": error}, status=400
    )


@require_http_methods(["GET", "POST"])
def address_confirm(request, token: str):
    """The link in the confirmation e-mail: a button (so that a mail scanner following
    links confirms nothing), which confirms the address."""
    email = notifications.read_token(
        token, salt=notifications.CONFIRM_SALT, max_age=settings.COMMENTS_CONFIRM_MAX_AGE
    )
    if email is None:
        return render(request, "comments/notify_link_invalid.html", status=400)
    if request.method == "POST":
        if notifications.address_confirm(email) is None:
            return render(request, "comments/notify_link_invalid.html", status=400)
        return render(request, "comments/notify_done.html", {"confirmed": True})
    return render(request, "comments/notify_confirm.html", {"email": email})


@csrf_exempt  # RFC 8058: the mail client's one-click POST carries no CSRF token.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """Stop every notice to an address: a GET asks (a button), a POST does it."""
    email = notifications.read_token(token, salt=notifications.UNSUBSCRIBE_SALT)
    if email is None:
        context = {"unsubscribe": True}
        return render(request, "comments/notify_link_invalid.html", context, status=400)
    if request.method == "POST":
        notifications.address_unsubscribe(email)
        return render(request, "comments/notify_done.html", {"unsubscribed": True})
    return render(request, "comments/notify_unsubscribe.html", {"email": email})


javascript_catalog = cache_control(max_age=3600, public=True)(
    JavaScriptCatalog.as_view(packages=["comments"])
)
# The address pages use: the version in it names the catalogue's content (pagecache.assets).
javascript_catalog_versioned = versioned(
    JavaScriptCatalog.as_view(packages=["comments"]), url_name="comments:jsi18n_versioned"
)
