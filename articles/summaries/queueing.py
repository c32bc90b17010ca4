"""What to queue, and queueing it: every trigger goes through ``summaries_enqueue``.

The admin action, the admin button, publishing and the management command all decide
here, so they behave the same: a summary edited by a person is never replaced unless
the caller passes ``force`` (explicit editor actions only), and queueing gives the
status row a fresh token that supersedes any older task. Nothing here calls a model.
"""

import logging
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from articles.models import Article, SummaryState

from . import get_backend, validate_languages
from .base import BaseSummaryBackend
from .generation import CLAIM_LEASE
from .priority import summary_priority

logger = logging.getLogger(__name__)

State = SummaryState.State
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


def _abandoned(state: SummaryState, now: datetime) -> bool:
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
    now: datetime,
) -> Decision:
    current = state.state if state else State.MISSING
    if state and state.is_protected and not force:
        return Decision.PROTECTED
    if current == State.READY and state.written_from != fingerprint:
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
    from .tasks import generate_summary  # The task module imports generation, not this.

    languages = validate_languages(languages)
    only = set(only) if only is not None else None
    backend = get_backend()
    now = timezone.now()
    report = EnqueueReport()
    for article in articles:
        fingerprint = article.summary_fingerprint()
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
                    state.mark_unsupported(backend=backend.name)
                elif decision == Decision.QUEUE:
                    state.mark_queued(token=uuid.uuid4().hex, now=now)
                    # The task row lives in the same database: it commits or rolls
                    # back together with the status row.
                    priority = summary_priority(article=article, language=language)
                    generate_summary.using(priority=priority).enqueue(
                        article_id=article.pk,
                        language=language,
                        token=state.task_token,
                        force=force,
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
