"""One attempt at a machine draft, in the worker: claim, translate, check, record.

The draft row is claimed (queued → running) before the model is called, so two workers
never translate the same draft, and a draft superseded or discarded meanwhile is left
alone. The model server is called outside any transaction. Nothing here writes the
article: a draft reaches readers only when a translator accepts it.
"""

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from articles.models import MachineTranslation
from articles.summaries import get_backend
from articles.summaries.base import PermanentSummaryError, Problem, SummaryError
from articles.summaries.generation import retry_delay

from .markdown import ShapeError, translate_safely

logger = logging.getLogger(__name__)


def machine_translation_generate(
    *, draft: MachineTranslation, on_retry: Callable[[int], None] | None = None
) -> str:
    """Write ``draft`` now with one model call per field; returns what happened.

    On a transient failure with attempts left the draft is queued again and
    ``on_retry(delay_seconds)`` schedules the next attempt.
    """
    article = draft.article
    source = article.original_text(draft.field)
    if not draft.mark_running(source_text=source, source_language=article.original_language):
        return "skipped: taken, superseded or decided"
    if not source.strip():
        draft.mark_failed(problem="no_source")
        return "failed: no source"
    try:
        backend = get_backend()
    except ImproperlyConfigured as error:
        draft.mark_failed(problem=Problem.NOT_CONFIGURED, detail=str(error))
        return "failed: not configured"
    model = ""

    def translate(text: str) -> str:
        nonlocal model
        result = backend.translate(
            field=draft.field,
            text=text,
            source_language=article.original_language,
            language=draft.language,
        )
        model = result.model
        return result.text

    try:
        text = translate_safely(source, translate)
    except ShapeError as error:
        draft.mark_failed(problem=error.problem, params=error.params, detail=str(error)[:500])
        return f"failed: {error.problem}"
    except SummaryError as error:
        retry = (
            error.transient
            and on_retry is not None
            and draft.attempts < settings.BROADSHEET_SUMMARY_MAX_ATTEMPTS
        )
        draft.mark_failed(problem=error.problem, detail=error.detail, retry=retry)
        if retry:
            on_retry(retry_delay(attempts=draft.attempts, retry_after=error.retry_after))
            return f"retry: {error.problem}"
        return f"failed: {error.problem}"
    except Exception as error:
        # A bug, not the model: record it so the draft is not left running, then fail
        # loudly with the traceback.
        draft.mark_failed(
            problem=PermanentSummaryError.default_problem,
            detail=f"{type(error).__name__}: {error}"[:500],
        )
        raise
    if draft.field == MachineTranslation.Field.TITLE:
        text = " ".join(text.split())  # A headline is one line.
    if not draft.mark_ready(text=text, backend=backend.name, model=model or backend.name):
        return "skipped: decided meanwhile"
    logger.info("Machine draft %s ready (%s)", draft.pk, model)
    return "ready"
