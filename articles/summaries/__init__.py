"""AI summaries: pluggable backends, the checks a reply must pass, services and admin.

The backend is chosen in settings like Django's own backends::

    BROADSHEET_SUMMARY_BACKEND = "articles.summaries.openai_compat.OpenAICompatibleBackend"
    BROADSHEET_SUMMARY_OPTIONS = {"base_url": ..., "api_key": ..., "model": ...}
"""

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
