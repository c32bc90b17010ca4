"""Running one generation: claim the status row, call the backend, check, record.

Called by the worker's task (``tasks.py``), never by a page or an admin screen. Each
(article, language) has one status row: a task carrying an older token than the row's
finds itself superseded and does nothing, and a task claims the row before calling the
model (a lease), so two workers never write the same summary at once and running a
task twice leaves one summary. The model server is called outside any transaction.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from articles.models import Article, SummaryState
from pagecache import invalidation

from . import get_backend, validate_languages
from .base import PermanentSummaryError, Problem, SummaryError
from .checks import check_summary

logger = logging.getLogger(__name__)

# How long one attempt may hold a summary; the same lease after which `manage.py
# worker` hands a task abandoned by a dead worker to another.
CLAIM_LEASE = timedelta(seconds=settings.BROADSHEET_TASK_LEASE_SECONDS)
MAX_RETRY_DELAY = 3600

State = SummaryState.State


class Outcome(StrEnum):
    GENERATED = "generated"
    SKIPPED = "skipped"
    RETRY = "retry"
    FAILED = "failed"
    MISSING = "missing"


@dataclass(frozen=True)
class GenerationOutcome:
    status: Outcome
    detail: str = ""
    retry_in: int | None = None


def _claim(*, article: Article, language: str, token: str | None, force: bool):
    """Take the status row for one attempt; returns (state, fresh article) or an outcome."""
    now = timezone.now()
    with transaction.atomic():
        fresh = Article.objects.filter(pk=article.pk).first()
        if fresh is None:
            return GenerationOutcome(Outcome.SKIPPED, "article deleted")
        state, _created = SummaryState.objects.select_for_update().get_or_create(
            article=fresh, language=language
        )
        if token is not None and state.task_token != token:
            return GenerationOutcome(Outcome.SKIPPED, "superseded by a newer request")
        if token is not None and state.state != State.QUEUED:
            return GenerationOutcome(Outcome.SKIPPED, "already done")
        if state.is_protected and not force:
            return GenerationOutcome(Outcome.SKIPPED, "edited by a person")
        if state.claimed_until and state.claimed_until > now:
            # Try again when that claim runs out: if its worker died, this task is
            # what finishes the summary.
            wait = int((state.claimed_until - now).total_seconds()) + 1
            return GenerationOutcome(Outcome.RETRY, "another worker is writing it", wait)
        state.claim(until=now + CLAIM_LEASE)
    return state, fresh


def _reclaim(state: SummaryState, token: str | None, force: bool) -> SummaryState | None:
    """Lock the row again to record a result; ``None`` when the result must be dropped."""
    current = SummaryState.objects.select_for_update().filter(pk=state.pk).first()
    if current is None:
        return None
    if token is not None and current.task_token != token:
        return None
    if current.is_protected and not force:
        current.release_claim()
        return None
    return current


def summary_generate(
    *,
    article: Article,
    language: str,
    force: bool = False,
    token: str | None = None,
    on_retry: Callable[[int], None] | None = None,
) -> GenerationOutcome:
    """Write the summary of ``article`` in ``language`` now, with one model call.

    Called by the task with its ``token``; without one it acts at once (tests, shell).
    On a transient failure with attempts left, ``on_retry(delay_seconds)`` is called
    inside the transaction that records the failure, so the retry is scheduled
    exactly when the status says it is.
    """
    validate_languages([language])
    claimed = _claim(article=article, language=language, token=token, force=force)
    if isinstance(claimed, GenerationOutcome):
        if claimed.status == Outcome.RETRY and on_retry is not None:
            on_retry(claimed.retry_in)
        return claimed
    state, fresh = claimed
    fingerprint = fresh.summary_fingerprint()
    try:
        backend = get_backend()
    except ImproperlyConfigured as error:
        return _record_failure(
            state,
            PermanentSummaryError(str(error), problem=Problem.NOT_CONFIGURED),
            token=token,
            force=force,
            on_retry=on_retry,
        )
    try:
        result = backend.summarize(
            title=fresh.original_text("title"),
            text=fresh.original_text("body"),
            language=language,
            source_language=fresh.original_language,
        )
        text = check_summary(result.text, language=language)
    except SummaryError as error:
        return _record_failure(state, error, token=token, force=force, on_retry=on_retry)
    except Exception as error:
        # A bug, not the model: record it so the status is not left "queued", then let
        # the task fail loudly with its traceback.
        _record_failure(
            state,
            PermanentSummaryError(f"{type(error).__name__}: {error}"[:500]),
            token=token,
            force=force,
            on_retry=None,
            backend_name=backend.name,
        )
        raise
    with transaction.atomic():
        current = _reclaim(state, token, force)
        if current is None:
            return GenerationOutcome(Outcome.SKIPPED, "result dropped: superseded or edited")
        Article.objects.filter(pk=fresh.pk).update(**{f"summary_{language}": text})
        current.mark_generated(
            backend=backend.name,
            model=result.model,
            fingerprint=fingerprint,
            # Read again: an editor may have changed the original while the model wrote.
            current_fingerprint=Article.objects.get(pk=fresh.pk).summary_fingerprint(),
        )
        # The text was written with update(): say so to the page cache here.
        invalidation.article_changed(fresh.pk, reading_on=False)
    return GenerationOutcome(Outcome.GENERATED)


def retry_delay(*, attempts: int, retry_after: int | None = None) -> int:
    """Seconds before the next attempt: doubling from the configured base, capped."""
    base = settings.BROADSHEET_SUMMARY_RETRY_BACKOFF
    delay = base * 2 ** max(0, attempts - 1)
    if retry_after:
        delay = max(delay, retry_after)
    return min(delay, MAX_RETRY_DELAY)


def _record_failure(
    state: SummaryState,
    error: SummaryError,
    *,
    token: str | None,
    force: bool,
    on_retry: Callable[[int], None] | None,
    backend_name: str = "",
) -> GenerationOutcome:
    with transaction.atomic():
        current = _reclaim(state, token, force)
        if current is None:
            return GenerationOutcome(Outcome.SKIPPED, "failure dropped: superseded or edited")
        retry = (
            error.transient
            and on_retry is not None
            and current.attempts < settings.BROADSHEET_SUMMARY_MAX_ATTEMPTS
        )
        current.mark_failed(
            problem=error.problem, error=error.detail, backend=backend_name, retry=retry
        )
        # The model chose the state; the outcome and the retry follow from it.
        if current.state == State.QUEUED:
            delay = retry_delay(attempts=current.attempts, retry_after=error.retry_after)
            on_retry(delay)
            outcome = GenerationOutcome(Outcome.RETRY, error.detail, retry_in=delay)
        elif current.state == State.MISSING:
            outcome = GenerationOutcome(Outcome.MISSING, error.detail)
        else:
            outcome = GenerationOutcome(Outcome.FAILED, error.detail)
    logger.info("Summary %s/%s: %s (%s)", state.article_id, state.language, outcome.status, error)
    return outcome
