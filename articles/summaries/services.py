"""Actions on summaries: queue them, generate one, record a person's edit, count them.

The rules an editor relies on live here, so every trigger (admin action, admin button,
publishing, the management command, the task) behaves the same:

- A summary edited by a person is never replaced unless the caller passes ``force``,
  which only explicit editor actions do.
- Each (article, language) has one status row. Queuing gives it a fresh token; a task
  carrying an older token finds itself superseded and does nothing. A task claims the
  row before calling the model (a lease), so two workers never write the same summary
  at once, and running a task twice leaves one summary.
- The model server is called outside any database transaction.
"""

import logging
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from articles.models import LANGUAGE_CODES, Article, SummaryState

from . import get_backend
from .base import BaseSummaryBackend, PermanentSummaryError, Problem, SummaryError
from .checks import check_summary

logger = logging.getLogger(__name__)

# How long a worker may hold a summary while it waits for the model.
# How long one attempt may hold a summary; the same lease after which `manage.py
# worker` hands a task abandoned by a dead worker to another.
CLAIM_LEASE = timedelta(seconds=settings.BROADSHEET_TASK_LEASE_SECONDS)
MAX_RETRY_DELAY = 3600

State = SummaryState.State
Origin = SummaryState.Origin
# States in which a summary text exists that the backend's refusal must not touch.
KEEPS_TEXT = {State.READY, State.STALE}


class Decision(StrEnum):
    QUEUE = "queue"
    UNSUPPORTED = "unsupported"
    PROTECTED = "protected"
    UP_TO_DATE = "up_to_date"
    ALREADY_QUEUED = "already_queued"
    NOT_SELECTED = "not_selected"


@dataclass
class EnqueueReport:
    """What ``summaries_enqueue`` did (or, with ``dry_run``, would do) per pair."""

    pairs: list[tuple[Article, str, Decision]] = field(default_factory=list)

    @property
    def counts(self) -> Counter:
        return Counter(decision for _article, _language, decision in self.pairs)

    @property
    def queued(self) -> int:
        return self.counts[Decision.QUEUE]


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


def _validate_languages(languages: Iterable[str] | None) -> list[str]:
    languages = list(dict.fromkeys(languages)) if languages else list(LANGUAGE_CODES)
    unknown = [code for code in languages if code not in LANGUAGE_CODES]
    if unknown:
        raise ValueError(f"Unknown language code(s): {', '.join(unknown)}")
    return languages


def _abandoned(state: SummaryState, now) -> bool:
    """Queued so long ago that its task has surely been lost (a worker died)."""
    queued_at = state.queued_at or state.updated_at
    return queued_at is not None and queued_at < now - CLAIM_LEASE * 3


def _decide(
    state: SummaryState | None,
    *,
    article: Article,
    language: str,
    fingerprint: str,
    backend: BaseSummaryBackend,
    replace_ai: bool,
    force: bool,
    only: set[str] | None,
    now,
) -> Decision:
    current = state.state if state else State.MISSING
    if state and state.is_protected and not force:
        return Decision.PROTECTED
    if current == State.READY and state.source_fingerprint != fingerprint:
        current = State.STALE
    if current == State.QUEUED and not (replace_ai or force or _abandoned(state, now)):
        return Decision.ALREADY_QUEUED
    if only is not None and current not in only:
        return Decision.NOT_SELECTED
    if current == State.READY and not (replace_ai or force):
        return Decision.UP_TO_DATE
    if not backend.can_write(language=language, source_language=article.original_language):
        return Decision.UNSUPPORTED
    return Decision.QUEUE


def summaries_enqueue(
    *,
    articles: Iterable[Article],
    languages: Iterable[str] | None = None,
    replace_ai: bool = False,
    force: bool = False,
    only: Iterable[str] | None = None,
    dry_run: bool = False,
) -> EnqueueReport:
    """Queue background generation of summaries; returns at once.

    By default only summaries that are missing, stale or failed are queued.
    ``replace_ai`` also regenerates up-to-date AI summaries; ``force`` also replaces
    summaries edited by a person (explicit editor actions only). ``only`` limits the
    work to summaries currently in those states (``missing`` includes absent ones).
    Raises ``ImproperlyConfigured`` when the backend setting is broken.
    """
    from .tasks import generate_summary

    languages = _validate_languages(languages)
    only = set(only) if only is not None else None
    backend = get_backend()
    now = timezone.now()
    report = EnqueueReport()
    for article in articles:
        fingerprint = article.source_fingerprint()
        for language in languages:
            options = {
                "article": article,
                "language": language,
                "fingerprint": fingerprint,
                "backend": backend,
                "replace_ai": replace_ai or force,
                "force": force,
                "only": only,
                "now": now,
            }
            if dry_run:
                state = SummaryState.objects.filter(article=article, language=language).first()
                report.pairs.append((article, language, _decide(state, **options)))
                continue
            with transaction.atomic():
                state, _created = SummaryState.objects.select_for_update().get_or_create(
                    article=article, language=language
                )
                decision = _decide(state, **options)
                report.pairs.append((article, language, decision))
                if decision == Decision.UNSUPPORTED and state.state not in KEEPS_TEXT:
                    # Say so in the admin; a summary that exists stays as it is.
                    state.state = State.MISSING
                    state.problem = Problem.UNSUPPORTED_LANGUAGE
                    state.backend = backend.name
                    state.last_error = ""
                    state.task_token = ""
                    state.save()
                elif decision == Decision.QUEUE:
                    token = uuid.uuid4().hex
                    state.state = State.QUEUED
                    state.task_token = token
                    state.queued_at = now
                    state.claimed_until = None
                    state.attempts = 0
                    state.problem = ""
                    state.last_error = ""
                    state.save()
                    # The task row lives in the same database: it commits or rolls
                    # back together with the status row.
                    generate_summary.enqueue(
                        article_id=article.pk, language=language, token=token, force=force
                    )
    return report


def summaries_enqueue_for_publication(*, articles: Iterable[Article]) -> EnqueueReport | None:
    """Publishing an article queues its missing summaries (BROADSHEET_SUMMARIES_ON_PUBLISH)."""
    if not settings.BROADSHEET_SUMMARIES_ON_PUBLISH:
        return None
    try:
        return summaries_enqueue(articles=articles)
    except ImproperlyConfigured:
        # A broken backend setting must not stop an article from being published.
        logger.exception("Summaries not queued on publication")
        return None


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
        state.claimed_until = now + CLAIM_LEASE
        state.attempts += 1
        if token is None:
            state.state = State.QUEUED
        state.save(update_fields=["claimed_until", "attempts", "state", "updated_at"])
    return state, fresh


def _reclaim(state: SummaryState, token: str | None, force: bool):
    """Lock the row again to record a result; ``None`` when the result must be dropped."""
    current = SummaryState.objects.select_for_update().filter(pk=state.pk).first()
    if current is None:
        return None
    if token is not None and current.task_token != token:
        return None
    if current.is_protected and not force:
        current.claimed_until = None
        current.save(update_fields=["claimed_until", "updated_at"])
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
    _validate_languages([language])
    claimed = _claim(article=article, language=language, token=token, force=force)
    if isinstance(claimed, GenerationOutcome):
        if claimed.status == Outcome.RETRY and on_retry is not None:
            on_retry(claimed.retry_in)
        return claimed
    state, fresh = claimed
    fingerprint = fresh.source_fingerprint()
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
        source_now = Article.objects.get(pk=fresh.pk).source_fingerprint()
        current.state = State.READY if source_now == fingerprint else State.STALE
        current.origin = Origin.AI
        current.backend = backend.name
        current.model_name = result.model[:200]
        current.generated_at = timezone.now()
        current.edited_by = None
        current.edited_at = None
        current.source_fingerprint = fingerprint
        current.problem = ""
        current.last_error = ""
        current.claimed_until = None
        current.save()
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
        current.claimed_until = None
        current.problem = error.problem
        current.last_error = error.detail[:2000]
        if backend_name:
            current.backend = backend_name
        if error.problem == Problem.UNSUPPORTED_LANGUAGE:
            current.state = State.MISSING
            outcome = GenerationOutcome(Outcome.MISSING, error.detail)
        elif (
            error.transient
            and on_retry is not None
            and current.attempts < settings.BROADSHEET_SUMMARY_MAX_ATTEMPTS
        ):
            current.state = State.QUEUED
            delay = retry_delay(attempts=current.attempts, retry_after=error.retry_after)
            on_retry(delay)
            outcome = GenerationOutcome(Outcome.RETRY, error.detail, retry_in=delay)
        else:
            current.state = State.FAILED
            outcome = GenerationOutcome(Outcome.FAILED, error.detail)
        current.save()
    logger.info("Summary %s/%s: %s (%s)", state.article_id, state.language, outcome.status, error)
    return outcome


def summary_record_edit(*, article: Article, language: str, text: str, editor=None) -> SummaryState:
    """Store a summary a person wrote or corrected; the machine will leave it alone.

    An empty text makes the summary missing again, to be generated next time.
    """
    _validate_languages([language])
    text = (text or "").strip()
    now = timezone.now()
    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(**{f"summary_{language}": text})
        setattr(article, f"summary_{language}", text)
        state, _created = SummaryState.objects.select_for_update().get_or_create(
            article=article, language=language
        )
        state.task_token = ""  # Any queued generation is now superseded.
        state.claimed_until = None
        state.problem = ""
        state.last_error = ""
        if text:
            state.state = State.READY
            state.origin = Origin.HUMAN
            state.edited_by = editor if getattr(editor, "pk", None) else None
            state.edited_at = now
            state.source_fingerprint = article.source_fingerprint()
        else:
            state.state = State.MISSING
            state.origin = ""
            state.source_fingerprint = ""
            state.edited_by = None
            state.edited_at = None
        state.save()
    return state


def _state_condition(state: str, language: str | None = None) -> Q:
    rows = SummaryState.objects.filter(article=OuterRef("pk"))
    if state == State.MISSING:
        present = rows.exclude(state=State.MISSING)
        codes = [language] if language else LANGUAGE_CODES
        condition = Q()
        for code in codes:
            condition |= ~Exists(present.filter(language=code))
        return condition
    rows = rows.filter(state=state)
    if language:
        rows = rows.filter(language=language)
    return Q(Exists(rows))


def articles_with_summary_state(queryset, state: str, language: str | None = None):
    """Articles with a summary in ``state`` in ``language`` (any language when None).

    ``missing`` includes articles that have no status row for a language at all.
    """
    return queryset.filter(_state_condition(state, language))


def summary_dashboard_counts() -> dict[str, int]:
    """Published articles with a missing, stale or failed summary (any language)."""
    published = Article.objects.filter(status=Article.Status.PUBLISHED)
    return {
        state: articles_with_summary_state(published, state).count()
        for state in (State.MISSING, State.STALE, State.FAILED)
    }
