"""Snippets: a few lines of the text around the first matches, with the matches in
``<mark>``. The text is escaped; ``<mark>`` is the only markup a snippet carries."""

import regex
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import analysis

WORDS_BEFORE = 8
WORDS = 30
# Characters around the first match that surely hold the snippet's words.
BEFORE_CHARS, AFTER_CHARS = 400, 1200


def _beginning(term: str) -> str:
    # Snowball changes at most a word's last letter or two (English "happy" -> "happi"),
    # so a word whose stem is ``term`` starts with this.
    return term if len(term) <= 3 else term[:-1]


def _first_match(text: str, terms: list[str], language: str) -> int | None:
    """Where the first word matching ``terms`` starts in ``text`` (or None)."""
    lowered = analysis.lower(text, language)
    if len(lowered) != len(text):  # lower-casing moved the letters: look at every word
        lowered, starts = None, analysis.WORD.finditer(text)
    else:
        pattern = "|".join(regex.escape(_beginning(term)) for term in terms)
        starts = regex.finditer(rf"(?<![\p{{L}}\p{{N}}])(?:{pattern})", lowered)
    wanted, prefix = set(terms), terms[-1]
    for start in starts:
        word = analysis.WORD.match(text, start.start())
        if word is None:
            continue
        stem = analysis.stem_words([word.group()], language)[0]
        if stem in wanted or stem.startswith(prefix):
            return word.start()
    return None


def highlight(text: str, terms: list[str], language: str) -> SafeString:
    """SQLite's snippets, by the same stemming as its index."""
    first = _first_match(text, terms, language)
    offset = max(0, (first or 0) - BEFORE_CHARS)
    window = text[offset : (first or 0) + AFTER_CHARS]
    spans = list(analysis.WORD.finditer(window))
    if offset and spans:  # the first word may be cut: start at the next one
        spans = spans[1:]
    if not spans:
        return mark_safe("")  # noqa: S308 -- empty
    at = 0
    if first is not None:
        at = next((n for n, span in enumerate(spans) if span.start() + offset >= first), 0)
    start = max(0, at - WORDS_BEFORE)
    end = min(len(spans), start + WORDS)
    stems = analysis.stem_words([span.group() for span in spans[start:end]], language)
    wanted, prefix = set(terms), terms[-1]
    parts = ["… " if offset or start else ""]
    position = spans[start].start()
    for span, stem in zip(spans[start:end], stems, strict=True):
        parts.append(escape(window[position : span.start()]))
        word = escape(span.group())
        matched = stem in wanted or stem.startswith(prefix)
        parts.append(f"<mark>{word}</mark>" if matched else word)
        position = span.end()
    cut = end < len(spans) or offset + len(window) < len(text)
    parts.append(" …" if cut else escape(window[position:]))
    return mark_safe("".join(parts).strip())  # noqa: S308 -- every part escaped


def from_headline(headline: str, start: str, stop: str) -> SafeString:
    """PostgreSQL's ``ts_headline`` output, escaped, its markers turned into ``<mark>``."""
    escaped = escape(headline or "")
    return mark_safe(escaped.replace(start, "<mark>").replace(stop, "</mark>"))  # noqa: S308
