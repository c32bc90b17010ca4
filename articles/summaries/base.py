"""What every summary backend shares: its interface, its result and its errors.

A backend has one job: given an article's title and text, write a summary in the
requested language, or raise a ``SummaryError`` that says why not. Backends that can
also translate (``can_translate``) draft translations of an article's fields for
``articles.machine_translation``. A backend neither reads nor writes the database;
``generation.py`` does that.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Problem(models.TextChoices):
    """Why the last attempt did not give a summary (stored on the summary status)."""

    NOT_CONFIGURED = "not_configured", _("The summary backend is not configured.")
    UNSUPPORTED_LANGUAGE = "unsupported_language", _("This backend cannot write this language.")
    NO_SOURCE = "no_source", _("The article has no text to summarise.")
    TIMEOUT = "timeout", _("The model server did not answer in time.")
    UNREACHABLE = "unreachable", _("The model server could not be reached.")
    RATE_LIMITED = "rate_limited", _("The model server asked us to slow down.")
    SERVER_ERROR = "server_error", _("The model server reported an error.")
    REFUSED = "refused", _("The model server refused the request.")
    BAD_RESPONSE = "bad_response", _("The model server's reply could not be read.")
    EMPTY = "empty", _("The reply was empty.")
    TOO_LONG = "too_long", _("The reply was too long.")
    WRONG_LANGUAGE = "wrong_language", _("The reply was not in the requested language.")
    MARKUP = "markup", _("The reply contained markup.")
    INTERNAL = "internal", _("An unexpected error stopped the generation.")
    CANNOT_TRANSLATE = "cannot_translate", _("This backend cannot translate.")


class SummaryError(Exception):
    """A summary could not be written. ``detail`` is technical, for the admin and logs."""

    transient = False
    default_problem = Problem.INTERNAL

    def __init__(
        self, detail: str = "", *, problem: Problem | None = None, retry_after: int | None = None
    ):
        self.detail = detail
        self.problem = problem or self.default_problem
        self.retry_after = retry_after
        super().__init__(f"{self.problem.value}: {detail}" if detail else self.problem.value)


class TransientSummaryError(SummaryError):
    """Worth trying again later: a timeout, a refused connection, HTTP 429 or 5xx."""

    transient = True
    default_problem = Problem.SERVER_ERROR


class PermanentSummaryError(SummaryError):
    """Trying again will not help until something changes; recorded with its reason."""

    default_problem = Problem.REFUSED


class UnsupportedLanguage(PermanentSummaryError):
    """The backend cannot write the requested language; the summary stays missing."""

    default_problem = Problem.UNSUPPORTED_LANGUAGE


class RejectedSummary(PermanentSummaryError):
    """The reply failed a check before publication (see ``checks.py``)."""


class CannotTranslate(PermanentSummaryError):
    """The backend has no way to translate (the offline default, for one)."""

    default_problem = Problem.CANNOT_TRANSLATE


@dataclass(frozen=True)
class TranslationResult:
    text: str
    model: str  # The model that translated it, recorded with the draft.


@dataclass(frozen=True)
class SummaryResult:
    text: str
    model: str  # The model (or method) that wrote it, recorded as provenance.


class BaseSummaryBackend:
    """Subclass, set ``name`` and implement ``summarize``; nothing else needs changing."""

    name = ""  # A short label recorded with every summary this backend writes.

    def __init__(self, options: dict):
        self.options = options

    def can_write(self, *, language: str, source_language: str) -> bool:
        """Whether a summary in ``language`` can be written from a ``source_language`` text."""
        return True

    def summarize(
        self, *, title: str, text: str, language: str, source_language: str
    ) -> SummaryResult:
        """Summarise ``title`` and ``text`` (written in ``source_language``) in ``language``.

        Raise ``TransientSummaryError`` for failures worth retrying and
        ``PermanentSummaryError`` for the others.
        """
        raise NotImplementedError

    # Translation (machine-translation drafts): off unless a backend implements it.

    can_translate = False

    def translate(
        self, *, field: str, text: str, source_language: str, language: str
    ) -> TranslationResult:
        """Translate ``text`` (the article's ``field``: title, standfirst or Markdown body)
        from ``source_language`` into ``language``, keeping Markdown and every ``⟦…⟧``
        placeholder exactly as it is. Raises ``SummaryError`` subclasses like
        ``summarize``."""
        raise CannotTranslate(f"the {self.name or type(self).__name__} backend cannot translate")
