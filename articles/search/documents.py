"""What is indexed: an article's text as a reader of each language sees it."""

import html
import re
from dataclasses import dataclass

from core.languages import LANGUAGE_CODES

from ..rendering import render_markdown

TAG = re.compile(r"<[^>]+>")
# Where a heading, paragraph, list item or cell ends, a snippet shows a separator, so a
# heading does not run on into the paragraph after it.
BLOCK_END = re.compile(r"</(?:h[1-6]|p|li|pre|td|th|blockquote|dt|dd|figcaption)>", re.I)
# Control characters (NUL included) never reach an index or a snippet.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(markdown_text: str) -> str:
    """Markdown as the words a reader reads: rendered, tags dropped, entities decoded."""
    rendered = BLOCK_END.sub(" · ", str(render_markdown(markdown_text or "")))
    text = " ".join(CONTROL.sub(" ", html.unescape(TAG.sub(" ", rendered))).split())
    return text.removesuffix(" ·").removesuffix("·")


@dataclass(frozen=True)
class Document:
    article_id: int
    language: str
    title: str
    standfirst: str
    body: str


def _reader_text(article, field: str, language: str) -> str:
    """The field in ``language``, else the original's, else any language's (as
    ``Localized.get`` does for pages; also works on historical models)."""
    original = getattr(article, "original_language", None)
    for code in dict.fromkeys([language, original, *LANGUAGE_CODES]):
        value = getattr(article, f"{field}_{code}", None) if code else None
        if value:
            return value
    return ""


def documents(article) -> list[Document]:
    """One document per site language for ``article``."""
    body_cache = {}
    found = []
    for code in LANGUAGE_CODES:
        body = _reader_text(article, "body", code)
        if body not in body_cache:
            body_cache[body] = plain_text(body)
        found.append(
            Document(
                article_id=article.pk,
                language=code,
                title=CONTROL.sub(" ", _reader_text(article, "title", code)),
                standfirst=CONTROL.sub(" ", _reader_text(article, "standfirst", code)),
                body=body_cache[body],
            )
        )
    return found
