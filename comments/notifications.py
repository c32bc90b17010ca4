"""Telling moderators that comments wait: one e-mail digest per interval.

Comments submitted within one ``COMMENTS_DIGEST_INTERVAL`` share a digest, sent by the
task worker at the end of the interval (``comments.tasks``).
"""

import logging
from datetime import UTC, datetime, timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy, ngettext

from .models import Comment, NotificationAddress

logger = logging.getLogger(__name__)

DIGEST_DETAIL_LIMIT = 50


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


# Notices the commenter asked for ------------------------------------------------------
#
# A commenter who ticks "Tell me when my comment is published or answered" gets a link
# confirming the address first; only a confirmed, subscribed address gets anything else.
# Links carry the address signed (``django.core.signing``), so no token is stored.

CONFIRM_SALT = "comments.notify.confirm"
UNSUBSCRIBE_SALT = "comments.notify.unsubscribe"
# A second confirmation link to one address goes out at most this often.
CONFIRMATION_INTERVAL = timedelta(hours=24)


def confirm_token(email: str) -> str:
    return signing.dumps(email, salt=CONFIRM_SALT)


def unsubscribe_token(email: str) -> str:
    return signing.dumps(email, salt=UNSUBSCRIBE_SALT)


def read_token(token: str, *, salt: str, max_age: int | None = None) -> str | None:
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return value if isinstance(value, str) else None


def active_address(email: str) -> NotificationAddress | None:
    if not email:
        return None
    address = NotificationAddress.objects.filter(email=email.lower()).first()
    return address if address is not None and address.is_active else None


def address_request(*, email: str, language: str) -> None:
    """A commenter asked for notices at ``email``: confirm it first (called in the
    comment's transaction; the e-mail goes out through the worker once it commits)."""
    email = email.strip().lower()
    address, _created = NotificationAddress.objects.get_or_create(
        email=email, defaults={"language": language}
    )
    if address.is_active:
        return
    from .tasks import send_address_confirmation

    transaction.on_commit(
        lambda: send_address_confirmation.enqueue(address.pk, language), robust=True
    )


def address_confirmation_send(address_id: int, language: str) -> bool:
    """E-mail the confirmation link, unless one went out recently or it is confirmed."""
    now = timezone.now()
    claimed = (
        NotificationAddress.objects.filter(pk=address_id)
        .filter(
            Q(confirmed_at__isnull=True) | Q(unsubscribed_at__isnull=False),
        )
        .filter(
            Q(confirmation_sent_at__isnull=True)
            | Q(confirmation_sent_at__lt=now - CONFIRMATION_INTERVAL)
        )
        .update(confirmation_sent_at=now)
    )
    if not claimed:
        return False
    address = NotificationAddress.objects.get(pk=address_id)
    with translation.override(language):
        url = _absolute(reverse("comments:confirm", kwargs={"token": confirm_token(address.email)}))
        _send(
            address,
            subject=gettext("Please confirm your e-mail address"),
            template="comments/email/confirm_address.txt",
            context={"confirm_url": url},
            unsubscribe=False,
        )
    return True


def address_confirm(email: str) -> NotificationAddress | None:
    """The owner clicked the link: notices may go out; any waiting ones are sent."""
    address = NotificationAddress.objects.filter(email=email.lower()).first()
    if address is None:
        return None
    address.confirmed_at = timezone.now()
    address.unsubscribed_at = None
    address.save(update_fields=["confirmed_at", "unsubscribed_at"])
    waiting = Comment.objects.approved().filter(
        email__iexact=address.email, notify=True, notices_sent_at__isnull=True
    )
    approval_notices_queue(list(waiting.values_list("pk", flat=True)))
    return address


def address_unsubscribe(email: str) -> None:
    NotificationAddress.objects.filter(email=email.lower(), unsubscribed_at__isnull=True).update(
        unsubscribed_at=timezone.now()
    )


def approval_notices_queue(ids: list[int]) -> None:
    """Comments were approved: the worker tells whoever asked (their writer, and the
    writer of the comment a reply answers)."""
    if not ids:
        return
    wanted = Comment.objects.filter(pk__in=ids, notices_sent_at__isnull=True).filter(
        Q(notify=True) | Q(parent__notify=True)
    )
    if wanted.exists():
        from .tasks import send_approval_notices

        send_approval_notices.enqueue(list(ids))


def approval_notices_send(ids: list[int]) -> int:
    """E-mail "published" and "answered" notices for approved comments; how many sent.

    A comment with no one to tell yet (its writer has not confirmed the address) stays
    unhandled, so that confirming later still sends its "published" notice.
    """
    sent = 0
    comments = Comment.objects.approved().filter(
        pk__in=ids, notices_sent_at__isnull=True, article__isnull=False
    )
    for comment in comments.select_related("article", "parent"):
        notices = _approval_notices(comment)
        if not notices:
            continue
        # Claimed by update: a second worker running the same task sends nothing twice.
        if not Comment.objects.filter(pk=comment.pk, notices_sent_at__isnull=True).update(
            notices_sent_at=timezone.now()
        ):
            continue
        try:
            for notice in notices:
                notice()
        except Exception:
            Comment.objects.filter(pk=comment.pk).update(notices_sent_at=None)
            raise
        sent += len(notices)
    return sent


def _approval_notices(comment: Comment) -> list:
    """The e-mails that ``comment``'s approval causes, each ready to send."""
    notices = []
    address = active_address(comment.email) if comment.notify else None
    if address is not None:
        notices.append(
            partial(
                _send_in,
                comment.language,
                address,
                subject=gettext_lazy("Your comment is published"),
                template="comments/email/comment_published.txt",
                context={"comment": comment, "path": comment.get_absolute_url()},
            )
        )
    parent = comment.parent
    if (
        parent is not None
        and parent.notify
        and parent.status == Comment.Status.APPROVED
        and parent.email.lower() != comment.email.lower()
        and (address := active_address(parent.email)) is not None
    ):
        notices.append(
            partial(
                _send_in,
                parent.language,
                address,
                subject=gettext_lazy("Someone answered your comment"),
                template="comments/email/comment_answered.txt",
                context={
                    "comment": parent,
                    "reply": comment,
                    # The reply on the page in the language of the comment it answers.
                    "path": f"{comment.article.get_absolute_url(parent.language)}"
                    f"#comment-{comment.pk}",
                },
            )
        )
    return notices


def _send_in(language: str, address, *, subject, template: str, context: dict) -> None:
    with translation.override(language):
        context = {**context, "url": _absolute(context.pop("path"))}
        _send(address, subject=str(subject), template=template, context=context)


def _absolute(path: str) -> str:
    return settings.BROADSHEET_SITE_URL.rstrip("/") + path


def _send(address, *, subject: str, template: str, context: dict, unsubscribe=True) -> None:
    """One plain-text e-mail to ``address`` in the active language, with RFC 8058's
    one-click unsubscribe (the confirmation itself offers none: it subscribes nothing)."""
    headers = {}
    context = {**context, "site_name": settings.BROADSHEET_SITE_NAME}
    if unsubscribe:
        url = _absolute(
            reverse("comments:unsubscribe", kwargs={"token": unsubscribe_token(address.email)})
        )
        context["unsubscribe_url"] = url
        headers = {
            "List-Unsubscribe": f"<{url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    EmailMessage(
        subject=f"[{settings.BROADSHEET_SITE_NAME}] {subject}",
        body=render_to_string(template, context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address.email],
        headers=headers,
    ).send()
