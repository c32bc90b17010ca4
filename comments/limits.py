"""How much one client may send: accepted comments and wrong answers, each with its limit.

Per client (the salted hash of ``core.clients.client_ip``) and per window of
``COMMENTS_RATE_WINDOW`` seconds, at most ``COMMENTS_RATE_LIMIT`` comments are accepted
and at most ``COMMENTS_CHALLENGE_FAILURE_LIMIT`` wrong answers to the human check are
taken; a failed post costs nothing of the comment allowance.

The counts are rows in the database (``SubmissionCount``), not cache entries that page
copies could push out, and every app server sees the same ones. One more is counted with
a single ``UPDATE ... SET count = count + 1`` (the row is inserted the first time),
inside the caller's transaction: simultaneous posts from one client queue on that row
(PostgreSQL's row lock, SQLite's write lock) and each sees its own count.
"""

from datetime import UTC, datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from .models import SubmissionCount

Kind = SubmissionCount.Kind


def limit_for(kind: str) -> int:
    if kind == Kind.COMMENT:
        return settings.COMMENTS_RATE_LIMIT
    if kind == Kind.REPORT:
        return settings.COMMENTS_REPORT_LIMIT
    return settings.COMMENTS_CHALLENGE_FAILURE_LIMIT


def window_start(now: datetime | None = None) -> datetime:
    """The start of the current window (windows are aligned, so every server agrees)."""
    seconds = (now or timezone.now()).timestamp()
    return datetime.fromtimestamp(seconds - seconds % settings.COMMENTS_RATE_WINDOW, tz=UTC)


def used_up(*, client: str, kinds=(Kind.COMMENT, Kind.WRONG_ANSWER)) -> bool:
    """Whether ``client`` has used up any allowance of ``kinds`` in this window (reads only)."""
    counts = dict(
        SubmissionCount.objects.filter(client=client, window_start=window_start()).values_list(
            "kind", "count"
        )
    )
    return any(counts.get(kind, 0) >= limit_for(kind) for kind in kinds)


def count_one(*, client: str, kind: str) -> int:
    """Count one more ``kind`` for ``client`` in this window; the new count.

    Call it inside the transaction that does what is counted: when that is rolled
    back (the limit was passed), so is the count.
    """
    key = {"client": client, "kind": kind, "window_start": window_start()}
    rows = SubmissionCount.objects.filter(**key)
    with transaction.atomic():
        if not rows.update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    SubmissionCount.objects.create(**key, count=1)
                    return 1
            except IntegrityError:  # another request inserted it first
                rows.update(count=F("count") + 1)
        return rows.values_list("count", flat=True).get()


def expired():
    """The counts of windows that are over (``purge_comments`` deletes them)."""
    return SubmissionCount.objects.filter(window_start__lt=window_start())


def refusal_message() -> str:
    # Neutral on purpose: the sender is not told which rule stopped them.
    return gettext("We could not accept your comment just now. Please try again in a few minutes.")
