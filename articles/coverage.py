"""How far an article is translated: which fields a language still lacks.

A translation is complete when every field filled in the article's original language is
filled in that language too. The same rule exists twice, once in Python for rows already
loaded (the admin list) and once as a ``Q`` for filtering in the database.
"""

import operator
from functools import reduce

from django.db.models import Q

from core.languages import LANGUAGE_CODES

COVERAGE_FIELDS = ("title", "standfirst", "body")


def _empty(field: str, language: str) -> Q:
    name = f"{field}_{language}"
    return Q(**{name: ""}) | Q(**{f"{name}__isnull": True})


def missing_fields(article, language: str) -> list[str]:
    """Fields filled in the original language but empty in ``language``."""
    if language == article.original_language:
        return []
    return [
        field
        for field in COVERAGE_FIELDS
        if article.original_text(field) and not getattr(article, f"{field}_{language}", "")
    ]


def missing_q(language: str, fields: tuple[str, ...] = COVERAGE_FIELDS) -> Q:
    """Articles from another language that lack any of ``fields`` in ``language``."""
    return reduce(
        operator.or_,
        (
            Q(original_language=original) & ~_empty(field, original) & _empty(field, language)
            for original in LANGUAGE_CODES
            if original != language
            for field in fields
        ),
    )
