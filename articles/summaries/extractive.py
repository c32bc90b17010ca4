"""The offline default: the article's lead sentences, in its original language only.

Nothing is downloaded or sent anywhere. Sentences are split with pysbd, which works
from rules, so abbreviations such as "e.g." or "Dr." do not end a sentence. It cannot
translate, and says so instead of pretending.
"""

from html.parser import HTMLParser

import markdown
import pysbd
from django.utils.translation import get_language_info

from .base import (
    BaseSummaryBackend,
    CannotTranslate,
    PermanentSummaryError,
    Problem,
    SummaryResult,
    UnsupportedLanguage,
)

# Block elements whose text is not prose: code, tables, lists, headings, quotes.
SKIPPED_BLOCKS = {"pre", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}


class _ParagraphText(HTMLParser):
    """Collects the text of top-level paragraphs of rendered Markdown."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._skip_depth = 0
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_BLOCKS:
            self._skip_depth += 1
        elif tag == "p" and self._skip_depth == 0:
            self._current = []

    def handle_endtag(self, tag):
        if tag in SKIPPED_BLOCKS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "p" and self._current is not None:
            text = " ".join("".join(self._current).split())
            if text:
                self.paragraphs.append(text)
            self._current = None

    def handle_data(self, data):
        if self._current is not None and self._skip_depth == 0:
            self._current.append(data)


def lead_paragraphs(markdown_text: str) -> list[str]:
    """The prose paragraphs of a Markdown text, as plain text, in order."""
    html = markdown.markdown(markdown_text or "", extensions=["fenced_code", "tables", "smarty"])
    parser = _ParagraphText()
    parser.feed(html)
    parser.close()
    return parser.paragraphs


def segmenter_language(language: str) -> str:
    # pysbd has no Turkish rules; its English rules split Turkish prose correctly
    # apart from a few abbreviations.
    return language if language in pysbd.languages.LANGUAGE_CODES else "en"


class ExtractiveBackend(BaseSummaryBackend):
    """Options: ``max_sentences`` (default 2) and ``max_chars`` (default 400)."""

    name = "extractive"

    def can_write(self, *, language: str, source_language: str) -> bool:
        return language == source_language

    def summarize(self, *, title, text, language, source_language):
        if not self.can_write(language=language, source_language=source_language):
            name = get_language_info(language)["name"]
            raise UnsupportedLanguage(
                f"Extractive summaries cannot write {name}; "
                "they only quote the article's original language. "
                "Configure a language model to write this summary."
            )
        max_sentences = int(self.options.get("max_sentences", 2))
        max_chars = int(self.options.get("max_chars", 400))
        chosen: list[str] = []
        for sentence in self._sentences(text, language):
            if chosen and len(" ".join([*chosen, sentence])) > max_chars:
                break
            chosen.append(sentence)
            if len(chosen) >= max_sentences:
                break
        if not chosen:
            raise PermanentSummaryError(
                "no prose paragraphs in the body", problem=Problem.NO_SOURCE
            )
        summary = " ".join(chosen)
        if len(summary) > max_chars:
            # One very long lead sentence: cut it at a word, and say so with an ellipsis.
            summary = summary[: max_chars - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        return SummaryResult(text=summary, model="lead sentences (pysbd)")

    @staticmethod
    def _sentences(text: str, language: str):
        segmenter = pysbd.Segmenter(language=segmenter_language(language), clean=False)
        for paragraph in lead_paragraphs(text):
            for sentence in segmenter.segment(paragraph):
                if sentence.strip():
                    yield sentence.strip()

    def translate(self, *, field, text, source_language, language):
        raise CannotTranslate(
            "The offline extractive backend cannot translate: it only quotes the "
            "original. Configure a language model (BROADSHEET_AI_MODEL) to draft translations."
        )
