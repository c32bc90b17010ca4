"""Actions on comments: submitting and moderating (telling moderators: ``notifications``)."""

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from articles.models import LANGUAGE_CODES, Article
from pagecache import invalidation

from . import languages, limits, notifications, rules
from .captcha import Challenge
from .models import Comment, NotificationAddress, Report, SubmissionCount, UsedChallenge

logger = logging.getLogger(__name__)


class CommentRefused(Exception):
    """The comment cannot be stored; ``message`` is safe to show the reader."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ChallengeAlreadyUsed(CommentRefused):
    pass


class TooManyComments(CommentRefused):
    """The sender has had their comments for this window (``comments.limits``)."""

    def __init__(self):
        super().__init__(limits.refusal_message())


def challenge_spend(*, nonce: str) -> bool:
    """Record ``nonce`` as used; False when it already was (a replayed token)."""
    cutoff = timezone.now() - timedelta(seconds=settings.COMMENTS_CHALLENGE_MAX_AGE * 2)
    UsedChallenge.objects.filter(used_at__lt=cutoff).delete()
    try:
        with transaction.atomic():
            UsedChallenge.objects.create(nonce=nonce)
    except IntegrityError:
        return False
    return True


def challenge_is_used(*, nonce: str) -> bool:
    return UsedChallenge.objects.filter(nonce=nonce).exists()


def challenge_fail(*, challenge: Challenge, client_hash: str) -> None:
    """A wrong answer to ``challenge``: it is used up, and counted against the sender."""
    with transaction.atomic():
        challenge_spend(nonce=challenge.nonce)
        limits.count_one(client=client_hash, kind=SubmissionCount.Kind.WRONG_ANSWER)


def replyable(*, article: Article, pk: int) -> Comment:
    """Comment ``pk``, which a reader may answer: shown on ``article``.

    Refused when it is not (pending, rejected, gone, or under another article), so no
    reply hangs under something readers cannot see.
    """
    comment = Comment.objects.visible().filter(pk=pk, article=article).select_related("parent")
    found = comment.first()
    if found is None:
        raise CommentRefused(
            gettext(
                "The comment you are replying to cannot be answered: it is not shown "
                "on this article. You can send yours as a new comment."
            )
        )
    return found


def reply_parent(*, article: Article, parent_id: int | None) -> Comment | None:
    """The thread a reply to comment ``parent_id`` joins: its top-level comment."""
    if parent_id is None:
        return None
    answered = replyable(article=article, pk=parent_id)
    return answered.parent or answered


def comment_submit(
    *,
    article: Article,
    name: str,
    email: str,
    text: str,
    language: str,
    client_hash: str = "",
    spam_signals: Iterable[str] = (),
    challenge: Challenge | None = None,
    limited: bool = True,
    parent: Comment | None = None,
    from_newsroom: bool = False,
    notify: bool = False,
) -> Comment:
    """Store a reader's comment: pending review, or spam when a spam rule caught it.

    ``limited``: the comment counts against the sender's allowance (``comments.limits``),
    and is refused with TooManyComments once that is used up. ``parent``: the thread a
    reply joins (``reply_parent``). ``from_newsroom``: written by signed-in staff.
    """
    if not article.is_published:
        raise CommentRefused(gettext("This article is not open for comments."))
    reason = rules.closed_reason(article)
    if reason:
        raise CommentRefused(reason)
    name = name.strip()
    text = rules.normalise_newlines(text).strip()
    if not name or not text:
        raise CommentRefused(gettext("Please give your name and a comment."))
    if (
        len(name) > rules.NAME_MAX_LENGTH
        or rules.comment_length(text) > rules.MAX_LENGTH
        or len(text) > rules.MAX_STORED_LENGTH
    ):
        raise CommentRefused(gettext("The comment or the name is too long."))
    if language not in LANGUAGE_CODES:
        language = settings.LANGUAGE_CODE
    if parent is not None and (parent.parent_id is not None or parent.article_id != article.pk):
        raise ValueError("A reply's parent is a top-level comment of the same article")
    spam_signals = list(dict.fromkeys(spam_signals))
    email = email.strip()
    notify = notify and bool(email)
    status = Comment.Status.SPAM if spam_signals else Comment.Status.PENDING
    rule = "" if spam_signals else auto_approval_rule(email)
    if rule:
        status = Comment.Status.APPROVED
    with transaction.atomic():
        # First, so that simultaneous posts from one sender queue here; a refusal rolls
        # the count back.
        if (
            limited
            and limits.count_one(client=client_hash, kind=SubmissionCount.Kind.COMMENT)
            > settings.COMMENTS_RATE_LIMIT
        ):
            raise TooManyComments()
        if challenge is not None and not challenge_spend(nonce=challenge.nonce):
            raise ChallengeAlreadyUsed(
                gettext("This human check was already used. Please answer the new question.")
            )
        comment = Comment.objects.create(
            article=article,
            article_public_id=article.public_id,
            name=name,
            email=email,
            text=text,
            language=language,
            text_language=languages.detect(text),
            parent=parent,
            from_newsroom=from_newsroom,
            status=status,
            spam_signals=",".join(spam_signals),
            client_hash=client_hash,
            notify=notify,
            approved_by_rule=rule,
            moderated_at=timezone.now() if rule else None,
        )
        if notify:
            notifications.address_request(email=email, language=language)
        if rule:
            transaction.on_commit(
                lambda: notifications.approval_notices_queue([comment.pk]), robust=True
            )
        if status == Comment.Status.PENDING:
            # robust: a failure to queue the digest is logged, never the reader's problem;
            # the comment stays un-notified and the next digest includes it.
            transaction.on_commit(notifications.moderators_notify, robust=True)
    return comment


def auto_approval_rule(email: str) -> str:
    """Why a comment from ``email`` needs no moderator ("" when it does).

    ``COMMENTS_AUTO_APPROVE_AFTER``: the address is confirmed (its owner clicked the
    link) and already has that many approved comments.
    """
    needed = settings.COMMENTS_AUTO_APPROVE_AFTER
    if not needed or not email:
        return ""
    if not NotificationAddress.objects.filter(
        email__iexact=email, confirmed_at__isnull=False
    ).exists():
        return ""
    approved = Comment.objects.approved().filter(email__iexact=email).count()
    if approved < needed:
        return ""
    return gettext(
        "Approved automatically: %(count)s approved comments under a confirmed e-mail address."
    ) % {"count": approved}


def comment_moderate(*, comment: Comment, status: str, moderator) -> Comment:
    """Record a moderator's decision on one comment (its reports are decided too)."""
    if status not in Comment.Status.values:
        raise ValueError(f"Unknown comment status {status!r}")
    with transaction.atomic():
        comment.status = status
        comment.moderated_by = moderator
        comment.moderated_at = timezone.now()
        comment.approved_by_rule = ""
        comment.hidden_at = None
        comment.save(
            update_fields=[
                "status",
                "moderated_by",
                "moderated_at",
                "approved_by_rule",
                "hidden_at",
            ]
        )
        _reports_resolve([comment.pk], moderator)
        if comment.article_id is not None:
            invalidation.article_page_changed(comment.article_id)
        if status == Comment.Status.APPROVED:
            transaction.on_commit(
                lambda: notifications.approval_notices_queue([comment.pk]), robust=True
            )
    return comment


def _reports_resolve(ids, moderator) -> None:
    Report.objects.filter(comment_id__in=ids, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=moderator
    )


def comments_moderate(*, comments: QuerySet, status: str, moderator) -> int:
    """Record one decision on many comments in a fixed number of queries.

    Comments already in ``status`` keep their earlier decision (who and when).
    Each change is written to the admin history as well.
    """
    if status not in Comment.Status.values:
        raise ValueError(f"Unknown comment status {status!r}")
    changed = list(
        comments.exclude(status=status)
        .order_by()
        .only("pk", "name", "article_id", "article_public_id")
        .select_related(None)
        .prefetch_related(None)
    )
    if not changed:
        return 0
    ids = [comment.pk for comment in changed]
    with transaction.atomic():
        Comment.objects.filter(pk__in=ids).update(
            status=status,
            moderated_by=moderator,
            moderated_at=timezone.now(),
            approved_by_rule="",
            hidden_at=None,
        )
        _reports_resolve(ids, moderator)
        LogEntry.objects.log_actions(
            user_id=moderator.pk,
            queryset=changed,
            action_flag=CHANGE,
            change_message=[{"changed": {"fields": ["status"]}}],
        )
        # update() sends no signal: each changed article's page and comment list, here.
        for article_id in {comment.article_id for comment in changed} - {None}:
            invalidation.article_page_changed(article_id)
        if status == Comment.Status.APPROVED:
            transaction.on_commit(lambda: notifications.approval_notices_queue(ids), robust=True)
    return len(ids)


# Readers' reports ------------------------------------------------------------------


class ReportRefused(Exception):
    """The report cannot be taken; ``message`` is safe to show the reader."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def reportable(comment: Comment) -> bool:
    return (
        comment.status == Comment.Status.APPROVED
        and comment.hidden_at is None
        and comment.article_id is not None
    )


def report_submit(
    *,
    comment: Comment,
    reason: str,
    note: str = "",
    client_hash: str,
    challenge: Challenge | None = None,
    limited: bool = True,
) -> Report:
    """Record a reader's report; with ``COMMENTS_HIDE_AFTER_REPORTS`` undecided reports the
    comment leaves the site (and its cached pages) until a moderator decides."""
    if not reportable(comment):
        raise ReportRefused(gettext("This comment can no longer be reported."))
    if reason not in Report.Reason.values:
        raise ReportRefused(gettext("Please choose a reason."))
    note = rules.normalise_newlines(note).strip()
    if len(note) > Report.NOTE_MAX_LENGTH:
        raise ReportRefused(gettext("The note is too long."))
    with transaction.atomic():
        if (
            limited
            and limits.count_one(client=client_hash, kind=SubmissionCount.Kind.REPORT)
            > settings.COMMENTS_REPORT_LIMIT
        ):
            raise ReportRefused(limits.refusal_message())
        if challenge is not None and not challenge_spend(nonce=challenge.nonce):
            raise ReportRefused(
                gettext("This human check was already used. Please answer the new question.")
            )
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    comment=comment, reason=reason, note=note, client_hash=client_hash
                )
        except IntegrityError:
            raise ReportRefused(
                gettext("You have already reported this comment. Thank you.")
            ) from None
        threshold = settings.COMMENTS_HIDE_AFTER_REPORTS
        if (
            threshold
            and comment.reports.filter(resolved_at__isnull=True).count() >= threshold
            and Comment.objects.filter(pk=comment.pk, hidden_at__isnull=True).update(
                hidden_at=timezone.now()
            )
        ):
            invalidation.article_page_changed(comment.article_id)
    return report


def reports_keep(*, comments: QuerySet, moderator) -> int:
    """A moderator keeps reported comments: visible again, their reports decided."""
    changed = list(
        comments.order_by()
        .only("pk", "name", "article_id", "article_public_id")
        .select_related(None)
        .prefetch_related(None)
    )
    if not changed:
        return 0
    ids = [comment.pk for comment in changed]
    with transaction.atomic():
        Comment.objects.filter(pk__in=ids).update(hidden_at=None)
        _reports_resolve(ids, moderator)
        LogEntry.objects.log_actions(
            user_id=moderator.pk,
            queryset=changed,
            action_flag=CHANGE,
            change_message=gettext("Kept after readers' reports."),
        )
        for article_id in {comment.article_id for comment in changed} - {None}:
            invalidation.article_page_changed(article_id)
    return len(ids)
