"""AI summaries: pluggable backends, the checks a reply must pass, queueing, generation.

``queueing.py`` decides what to queue and queues tasks (``tasks.py``); ``generation.py``
runs one attempt in the worker; ``services.py`` records a person's edit; ``reads.py``
holds the back office's counts; ``admin.py`` the screens. The backend is chosen in
settings like Django's own backends::

    BROADSHEET_SUMMARY_BACKEND = "articles.summaries.openai_compat.OpenAICompatibleBackend"
    BROADSHEET_SUMMARY_OPTIONS = {"base_url": ..., "api_key": ..., "model": ...}

This package is imported by ``articles.models``, so nothing here imports the models.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .base import BaseSummaryBackend


def get_backend() -> BaseSummaryBackend:
    """A fresh instance of the configured backend."""
    path = settings.BROADSHEET_SUMMARY_BACKEND
    try:
        backend_class = import_string(path)
    except ImportError as error:
        raise ImproperlyConfigured(
            f"BROADSHEET_SUMMARY_BACKEND {path!r} cannot be imported: {error}"
        ) from error
    if not (isinstance(backend_class, type) and issubclass(backend_class, BaseSummaryBackend)):
        raise ImproperlyConfigured(
            f"BROADSHEET_SUMMARY_BACKEND {path!r} is not a BaseSummaryBackend subclass."
        )
    return backend_class(dict(getattr(settings, "BROADSHEET_SUMMARY_OPTIONS", {})))


def validate_languages(languages: Iterable[str] | None) -> list[str]:
    """The requested language codes without repeats (all the site's when none are given)."""
    site_languages = [code for code, _name in settings.LANGUAGES]
    languages = list(dict.fromkeys(languages)) if languages else site_languages
    unknown = [code for code in languages if code not in site_languages]
    if unknown:
        raise ValueError(f"Unknown language code(s): {', '.join(unknown)}")
    return languages
