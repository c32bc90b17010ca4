"""Delete spam and rejected comments once they are old enough (privacy)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from comments import limits
from comments.models import Comment, NotificationAddress, UsedChallenge


class Command(BaseCommand):
    help = (
        "Delete spam and rejected comments older than --days (default: the "
        "COMMENTS_PURGE_AFTER_DAYS setting), human-check nonces that have expired and "
        "the submission counts of windows that are over, and e-mail addresses never "
        "confirmed while their confirmation link worked. "
        "Approved and pending comments are never touched."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Age in days, counted from when the comment was sent.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, days: int | None, dry_run: bool, **options):
        days = settings.COMMENTS_PURGE_AFTER_DAYS if days is None else days
        if days < 0:
            raise CommandError("--days cannot be negative.")
        cutoff = timezone.now() - timedelta(days=days)
        doomed = Comment.objects.filter(
            status__in=[Comment.Status.SPAM, Comment.Status.REJECTED], created_at__lt=cutoff
        )
        nonce_cutoff = timezone.now() - timedelta(seconds=2 * settings.COMMENTS_CHALLENGE_MAX_AGE)
        expired_nonces = UsedChallenge.objects.filter(used_at__lt=nonce_cutoff)
        expired_counts = limits.expired()
        link_cutoff = timezone.now() - timedelta(seconds=settings.COMMENTS_CONFIRM_MAX_AGE)
        unconfirmed = NotificationAddress.objects.filter(
            confirmed_at__isnull=True, created_at__lt=link_cutoff
        ).exclude(confirmation_sent_at__gte=link_cutoff)
        if dry_run:
            self.stdout.write(
                f"Would delete {doomed.count()} spam or rejected comment(s) older than "
                f"{days} day(s), {expired_nonces.count()} expired nonce(s) and "
                f"{expired_counts.count()} expired submission count(s) and "
                f"{unconfirmed.count()} unconfirmed e-mail address(es)."
            )
            return
        with transaction.atomic():
            # Their reports go with them; the count is of comments.
            deleted = doomed.delete()[1].get(Comment._meta.label, 0)
            addresses, _by_model = unconfirmed.delete()
            nonces, _by_model = expired_nonces.delete()
            counts, _by_model = expired_counts.delete()
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {deleted} spam or rejected comment(s) older than {days} day(s), "
                f"{nonces} expired nonce(s), {counts} expired submission count(s) and "
                f"{addresses} unconfirmed e-mail address(es)."
            )
        )
