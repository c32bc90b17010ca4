"""Snippets: a few lines of the text around the first matches, with the matches in
``<mark>``. The text is escaped; ``<mark>`` is the only markup a snippet carries."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import analysis

WORDS_BEFORE = 8
WORDS = 30


def _matches(word: str, terms: set[str], prefix: str, language: str) -> bool:
    found = analysis.stems(word, language)
    return bool(found) and any(s in terms or s.startswith(prefix) for s in found)


def highlight(text: str, terms: list[str], language: str) -> SafeString:
    """SQLite's snippets, by the same stemming as its index."""
    spans = list(analysis.WORD.finditer(text))
    if not spans:
        return mark_safe("")  # noqa: S308 -- empty
    wanted, prefix = set(terms), terms[-1]
    marked = [_matches(m.group(), wanted, prefix, language) for m in spans]
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
    parts.append(" …" if end < len(spans) else escape(text[position:]))
    return mark_safe("".join(parts).strip())  # noqa: S308 -- every part escaped


def from_headline(headline: str, start: str, stop: str) -> SafeString:
    """PostgreSQL's ``ts_headline`` output, escaped, its markers turned into ``<mark>``."""
    escaped = escape(headline or "")
    return mark_safe(escaped.replace(start, "<mark>").replace(stop, "</mark>"))  # noqa: S308
