"""Markdown to safe HTML, and reading time.

The body is trusted to editors but still sanitised: a pasted ``<script>``, an event
handler or a ``javascript:`` link must never reach a reader. No ``style`` attribute
survives either (the CSP's ``style-src 'self'`` would block it anyway): a table column's
alignment becomes a class (``align-left``, ``align-center``, ``align-right``) that the
site's stylesheet styles, and an empty header cell (a table's top-left corner) becomes a
plain cell, since a header must name what it heads.
"""

import hashlib
import re

import markdown
import nh3
from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALIGN_STYLE = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")
ALIGN_CLASSES = {"align-left", "align-center", "align-right"}


class TableCellsTreeprocessor(Treeprocessor):
    """Table cells as the sanitiser and the CSP allow them (see the module's docstring)."""

    def run(self, root):
        for cell in (element for element in root.iter() if element.tag in ("th", "td")):
            match = ALIGN_STYLE.match(cell.attrib.pop("style", ""))
            if match:
                cell.set("class", f"align-{match.group(1)}")
            if cell.tag == "th" and not (cell.text or "").strip() and not len(cell):
                cell.tag = "td"


class TableCellsExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 -- Markdown's API
        # After the tables extension has built the cells (it is a block processor).
        md.treeprocessors.register(TableCellsTreeprocessor(md), "broadsheet_table_cells", 5)


MARKDOWN_EXTENSIONS = [
    "fenced_code",
    "codehilite",
    "tables",
    "sane_lists",
    "smarty",
    TableCellsExtension(),
]
MARKDOWN_CONFIG = {"codehilite": {"css_class": "codehilite", "guess_lang": False}}

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "div", "em", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "div": {"class"},
    "span": {"class"},
    "code": {"class"},
    "td": {"class"},
    "th": {"class"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# Renewed when the rendered HTML changes, so no cached rendering of the old form is served.
CACHE_VERSION = 2


def _keep_alignment(tag: str, attribute: str, value: str) -> str | None:
    # A table cell's only class is its alignment (raw HTML may not bring others).
    if tag in ("td", "th") and attribute == "class":
        return value if value in ALIGN_CLASSES else None
    return value


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        attribute_filter=_keep_alignment,
        link_rel="noopener noreferrer nofollow",
    )


def render_markdown(text: str) -> SafeString:
    """Render and sanitise Markdown; the result is cached by the text's hash."""
    if not text:
        return mark_safe("")  # noqa: S308
    digest = hashlib.sha256(text.encode()).hexdigest()
    key = f"markdown:{CACHE_VERSION}:{digest}"
    html = cache.get(key)
    if html is None:
        raw = markdown.markdown(
            text, extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIG
        )
        html = sanitize(raw)
        cache.set(key, html, timeout=None)
    return mark_safe(html)  # noqa: S308 -- sanitised above


WORD = re.compile(r"\w+", re.UNICODE)


def reading_minutes(text: str) -> int:
    """Whole minutes to read ``text`` at the configured pace, never less than one."""
    words = len(WORD.findall(text or ""))
    return max(1, round(words / settings.BROADSHEET_READING_WPM))
