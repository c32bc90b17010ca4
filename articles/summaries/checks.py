"""Checks a summary must pass before anyone reads it.

Whatever wrote it, a summary is stored only if it is not empty, fits the length bound,
is in the requested language and is plain text. A failed check is a failed attempt.
"""

import copy
import re
from functools import cache

from django.conf import settings
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from .base import Problem, RejectedSummary

# Above this confidence, a language outside the site's is taken as what the text is in.
FOREIGN_LANGUAGE_CONFIDENCE = 0.9

MARKUP_PATTERNS = {
    "HTML tag": re.compile(r"</?[a-zA-Z][\w:-]*(\s[^<>]*)?/?>|<!--"),
    "HTML entity": re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);"),
    "Markdown heading": re.compile(r"(?m)^\s{0,3}#{1,6}\s"),
    "Markdown list": re.compile(r"(?m)^\s*[-*+•]\s+\S|\n\s*\d+[.)]\s+\S"),
    "Markdown quote": re.compile(r"(?m)^\s*>\s"),
    "Markdown table": re.compile(r"(?m)^\s*\|.*\|\s*$"),
    "Markdown emphasis": re.compile(r"\*\*[^*]+\*\*|__[^_]+__|(?<![\w*])\*[^*\s][^*]*\*(?![\w*])"),
    "Markdown code": re.compile(r"`"),
    "Markdown link": re.compile(r"\[[^\]]*\]\([^)]*\)"),
}


@cache
def language_identifiers() -> tuple[LanguageIdentifier, LanguageIdentifier]:
    """One identifier limited to the site's languages, one that knows them all.

    Loading them takes about a second and 70 MB: the web processes do it as they start
    (``config.wsgi``), not at their first comment.
    """
    site_languages = [code for code, _name in settings.LANGUAGES]
    unrestricted = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # set_languages() swaps in narrowed copies of the model arrays, so a shallow copy
    # shares the loaded model instead of reading it from disk twice.
    restricted = copy.copy(unrestricted)
    restricted.set_languages(site_languages)
    return restricted, unrestricted


def detect_language(text: str) -> str:
    """The site language ``text`` is written in, or another code when clearly foreign."""
    restricted, unrestricted = language_identifiers()
    language, _confidence = restricted.classify(text)
    # Restricted to the site's languages, French reads as English; ask the full model
    # too, and believe it when it is sure the text is in another language.
    other, confidence = unrestricted.classify(text)
    if other not in restricted.labels and confidence >= FOREIGN_LANGUAGE_CONFIDENCE:
        return other
    return language


def find_markup(text: str) -> str | None:
    for name, pattern in MARKUP_PATTERNS.items():
        if pattern.search(text):
            return name
    return None


def check_summary(text: str, *, language: str) -> str:
    """Return ``text`` tidied (one paragraph, single spaces), or raise ``RejectedSummary``."""
    text = (text or "").strip()
    if not text:
        raise RejectedSummary("empty reply", problem=Problem.EMPTY)
    limit = settings.BROADSHEET_SUMMARY_MAX_CHARS
    if len(text) > limit:
        raise RejectedSummary(f"{len(text)} characters, limit {limit}", problem=Problem.TOO_LONG)
    markup = find_markup(text)
    if markup:
        raise RejectedSummary(markup, problem=Problem.MARKUP)
    detected = detect_language(text)
    if detected != language:
        raise RejectedSummary(
            f"written in {detected!r}, expected {language!r}", problem=Problem.WRONG_LANGUAGE
        )
    return " ".join(text.split())
