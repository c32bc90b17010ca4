"""Actions on comments: submitting, moderating and telling moderators."""

import logging
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from articles.models import LANGUAGE_CODES, Article
from pagecache import invalidation

from . import rules
from .captcha import Challenge
from .models import Comment, UsedChallenge

logger = logging.getLogger(__name__)

DIGEST_DETAIL_LIMIT = 50


class CommentRefused(Exception):
    """The comment cannot be stored; ``message`` is safe to show the reader."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ChallengeAlreadyUsed(CommentRefused):
    pass


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


def client_rate_exceeded(*, client: str) -> bool:
    """Count one submission for ``client``; True once it is over the limit for the window."""
    key = f"comments:rate:{client}"
    window = settings.COMMENTS_RATE_WINDOW
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count > settings.COMMENTS_RATE_LIMIT


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
) -> Comment:
    """Store a reader's comment: pending review, or spam when a spam rule caught it."""
    if not article.is_published:
        raise CommentRefused(gettext("This article is not open for comments."))
    reason = rules.closed_reason(article)
    if reason:
        raise CommentRefused(reason)
    name = name.strip()
    text = rules.normalise_newlines(text).strip()
    if not name or not text:
        raise CommentRefused(gettext("Please give your name and a comment."))
    if len(name) > rules.NAME_MAX_LENGTH or rules.comment_length(text) > rules.MAX_LENGTH:
        raise CommentRefused(gettext("The comment or the name is too long."))
    if language not in LANGUAGE_CODES:
        language = settings.LANGUAGE_CODE
    spam_signals = list(dict.fromkeys(spam_signals))
    status = Comment.Status.SPAM if spam_signals else Comment.Status.PENDING
    with transaction.atomic():
        if challenge is not None and not challenge_spend(nonce=challenge.nonce):
            raise ChallengeAlreadyUsed(
                gettext("This human check was already used. Please answer the new question.")
            )
        comment = Comment.objects.create(
            article=article,
            article_public_id=article.public_id,
            name=name,
            email=email.strip(),
            text=text,
            language=language,
            status=status,
            spam_signals=",".join(spam_signals),
            client_hash=client_hash,
        )
        if status == Comment.Status.PENDING:
            # robust: a failure to queue the digest is logged, never the reader's problem;
            # the comment stays un-notified and the next digest includes it.
            transaction.on_commit(moderators_notify, robust=True)
    return comment


def comment_moderate(*, comment: Comment, status: str, moderator) -> Comment:
    """Record a moderator's decision on one comment."""
    if status not in Comment.Status.values:
        raise ValueError(f"Unknown comment status {status!r}")
    comment.status = status
    comment.moderated_by = moderator
    comment.moderated_at = timezone.now()
    comment.save(update_fields=["status", "moderated_by", "moderated_at"])
    if comment.article_id is not None:
        invalidation.article_page_changed(comment.article_id)
    return comment


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
    )
    if not changed:
        return 0
    ids = [comment.pk for comment in changed]
    with transaction.atomic():
        Comment.objects.filter(pk__in=ids).update(
            status=status, moderated_by=moderator, moderated_at=timezone.now()
        )
        LogEntry.objects.log_actions(
            user_id=moderator.pk,
            queryset=changed,
            action_flag=CHANGE,
            change_message=[{"changed": {"fields": ["status"]}}],
        )
        # update() sends no signal: each changed article's page and comment list, here.
        for article_id in {comment.article_id for comment in changed} - {None}:
            invalidation.article_page_changed(article_id)
    return len(ids)


def moderators_notify() -> None:
    """Make sure a digest will tell moderators about comments waiting for review.

    Comments within one ``COMMENTS_DIGEST_INTERVAL`` share a single digest, sent at the
    end of the interval. A task backend that cannot defer sends the digest at once.
    """
    if not settings.COMMENTS_NOTIFY_MODERATORS:
        return
    from .tasks import send_moderator_digest

    if not send_moderator_digest.get_backend().supports_defer:
        send_moderator_digest.enqueue()
        return
    interval = max(int(settings.COMMENTS_DIGEST_INTERVAL), 1)
    bucket = int(timezone.now().timestamp()) // interval
    if cache.add(f"comments:digest:{bucket}", True, timeout=interval * 2):
        run_after = datetime.fromtimestamp((bucket + 1) * interval, tz=UTC)
        send_moderator_digest.using(run_after=run_after).enqueue()


def moderator_emails() -> list[str]:
    if settings.COMMENTS_MODERATOR_EMAILS:
        return list(settings.COMMENTS_MODERATOR_EMAILS)
    perm = {"codename": "change_comment", "content_type__app_label": "comments"}
    users = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .exclude(email="")
        .filter(
            Q(is_superuser=True)
            | Q(**{f"user_permissions__{key}": value for key, value in perm.items()})
            | Q(**{f"groups__permissions__{key}": value for key, value in perm.items()})
        )
        .distinct()
        .order_by("email")
    )
    return list(dict.fromkeys(users.values_list("email", flat=True)))


def moderator_digest_send() -> int:
    """E-mail moderators one message about every pending comment not yet announced.

    Returns how many comments the digest covered (0: nothing sent).
    """
    recipients = moderator_emails()
    if not recipients:
        logger.warning("Comments wait for review but no moderator has an e-mail address.")
        return 0
    claimed_at = timezone.now()
    with transaction.atomic():
        ids = list(
            Comment.objects.pending().filter(notified_at__isnull=True).values_list("pk", flat=True)
        )
        if not ids:
            return 0
        # Claiming by update makes a second, concurrent digest find nothing to send.
        Comment.objects.filter(pk__in=ids, notified_at__isnull=True).update(notified_at=claimed_at)
    comments = list(
        Comment.objects.filter(pk__in=ids, notified_at=claimed_at).select_related("article")
    )
    if not comments:
        return 0
    try:
        _send_digest(comments, recipients)
    except Exception:
        Comment.objects.filter(pk__in=[c.pk for c in comments]).update(notified_at=None)
        raise
    return len(comments)


def _send_digest(comments: list[Comment], recipients: list[str]) -> None:
    base = settings.BROADSHEET_SITE_URL.rstrip("/")
    count = len(comments)
    with translation.override(settings.LANGUAGE_CODE):
        changelist = reverse("admin:comments_comment_changelist")
        subject = ngettext(
            "%(count)s comment waits for review",
            "%(count)s comments wait for review",
            count,
        ) % {"count": count}
        body = render_to_string(
            "comments/email/moderator_digest.txt",
            {
                "count": count,
                "comments": comments[:DIGEST_DETAIL_LIMIT],
                "more": max(count - DIGEST_DETAIL_LIMIT, 0),
                "review_url": f"{base}{changelist}?status__exact=pending",
                "base_url": base,
                "site_name": settings.BROADSHEET_SITE_NAME,
            },
        )
    EmailMessage(
        subject=f"[{settings.BROADSHEET_SITE_NAME}] {subject}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    ).send()
