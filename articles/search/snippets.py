"""Snippets: a few lines of the text around the first matches, with the matches in
``<mark>``. The text is escaped; ``<mark>`` is the only markup a snippet carries."""

import itertools

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import analysis

WORDS_BEFORE = 8
WORDS = 30
# Matches are looked for in the first this many words; past them the snippet shows the start.
SCANNED = 1500


def highlight(text: str, terms: list[str], language: str) -> SafeString:
    """SQLite's snippets, by the same stemming as its index."""
    spans = list(itertools.islice(analysis.WORD.finditer(text), SCANNED))
    if not spans:
        return mark_safe("")  # noqa: S308 -- empty
    wanted, prefix = set(terms), terms[-1]
    stems = analysis.stem_words([span.group() for span in spans], language)
    marked = [stem in wanted or stem.startswith(prefix) for stem in stems]
    first = marked.index(True) if True in marked else 0
    start = max(0, first - WORDS_BEFORE)
    end = min(len(spans), start + WORDS)
    parts = ["… " if start else ""]
    position = spans[start].start()
    for index in range(start, end):
        span = spans[index]
        parts.append(escape(text[position : span.start()]))
        word = escape(span.group())
        parts.append(f"<mark>{word}</mark>" if marked[index] else word)
        position = span.end()
    parts.append(" …" if end < len(spans) or len(spans) == SCANNED else escape(text[position:]))
    return mark_safe("".join(parts).strip())  # noqa: S308 -- every part escaped


def from_headline(headline: str, start: str, stop: str) -> SafeString:
    """PostgreSQL's ``ts_headline`` output, escaped, its markers turned into ``<mark>``."""
    escaped = escape(headline or "")
    return mark_safe(escaped.replace(start, "<mark>").replace(stop, "</mark>"))  # noqa: S308
