"""Addresses of articles and categories, in any language, remembered per process.

A page links to every category in its menu and to a dozen articles; ``reverse()`` under
``translation.override()`` for each link was a tenth of an article page's rendering.
An address depends only on the arguments, the language and the script prefix, so each
is worked out once (a slug edited later simply makes a new entry).
"""

from functools import lru_cache

from django.urls import get_script_prefix, reverse
from django.utils import translation


def localized_reverse(view_name: str, language: str | None = None, **kwargs) -> str:
    language = language or translation.get_language()
    return _reverse(get_script_prefix(), language, view_name, tuple(sorted(kwargs.items())))


@lru_cache(maxsize=16384)
def _reverse(_prefix: str, language: str, view_name: str, kwargs: tuple) -> str:
    with translation.override(language):
        return reverse(view_name, kwargs=dict(kwargs))
