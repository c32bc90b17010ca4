"""Telling moderators that comments wait: one e-mail digest per interval.

Comments submitted within one ``COMMENTS_DIGEST_INTERVAL`` share a digest, sent by the
task worker at the end of the interval (``comments.tasks``).
"""

import logging
from datetime import UTC, datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from .models import Comment

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
