"""Markdown to safe HTML, and reading time.

The body is trusted to editors but still sanitised: a pasted ``<script>``, an event
handler or a ``javascript:`` link must never reach a reader. No ``style`` attribute
survives either (the CSP's ``style-src 'self'`` would block it anyway): a table column's
alignment becomes a class (``align-left``, ``align-center``, ``align-right``) that the
site's stylesheet styles, and an empty header cell (a table's top-left corner) becomes a
plain cell, since a header must name what it heads.

Each ``h2`` and ``h3`` gets an anchor, ``section-`` and an ASCII slug of its text (with
``-2``, ``-3`` after repeats), for the table of contents and for links to a section; the
sanitiser keeps only ids of that form, so raw HTML cannot bring others.
"""

import hashlib
import html as html_lib
import re
from dataclasses import dataclass

import markdown
import nh3
from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from markdown.extensions import Extension
from markdown.extensions.toc import render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor

from .text import ascii_slug

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


SECTION_PREFIX = "section-"
SECTION_ID = re.compile(r"section-[a-z0-9]+(?:-[a-z0-9]+)*")
SECTION_HEADING = re.compile(
    r'<(h[23]) id="(section-[a-z0-9-]+)">(.*?)</\1>', re.S
)  # as sanitize() writes them


class SectionAnchorsTreeprocessor(Treeprocessor):
    """Stable, unique ASCII ids on h2 and h3, from the heading's text."""

    def run(self, root):
        seen: dict[str, int] = {}
        for heading in (element for element in root.iter() if element.tag in ("h2", "h3")):
            # Smart quotes and inline HTML sit in the stash as placeholders by now.
            text = strip_tags(render_inner_html(heading, self.md))
            base = ascii_slug(html_lib.unescape(text), max_length=60) or "part"
            seen[base] = seen.get(base, 0) + 1
            suffix = f"-{seen[base]}" if seen[base] > 1 else ""
            heading.set("id", f"{SECTION_PREFIX}{base}{suffix}")


class SectionAnchorsExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 -- Markdown's API
        md.treeprocessors.register(SectionAnchorsTreeprocessor(md), "broadsheet_sections", 4)


MARKDOWN_EXTENSIONS = [
    "fenced_code",
    "codehilite",
    "tables",
    "sane_lists",
    "smarty",
    TableCellsExtension(),
    SectionAnchorsExtension(),
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
    "h2": {"id"},
    "h3": {"id"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# Renewed when the rendered HTML changes, so no cached rendering of the old form is served.
CACHE_VERSION = 3


def _keep_alignment(tag: str, attribute: str, value: str) -> str | None:
    # A table cell's only class is its alignment (raw HTML may not bring others).
    if tag in ("td", "th") and attribute == "class":
        return value if value in ALIGN_CLASSES else None
    # Only the anchors made above: no id that could clash with the page's own.
    if attribute == "id":
        return value if SECTION_ID.fullmatch(value) else None
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


@dataclass(frozen=True)
class Section:
    level: int  # 2 or 3
    anchor: str
    title: str  # plain text


def sections(html: str) -> list[Section]:
    """The h2 and h3 headings of HTML made by ``render_markdown``, in order (each anchor
    once, and only headings with words: raw HTML may repeat an id or have none)."""
    found, seen = [], set()
    for tag, anchor, inner in SECTION_HEADING.findall(html):
        title = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", inner)).split())
        if title and anchor not in seen:
            seen.add(anchor)
            found.append(Section(int(tag[1]), anchor, title))
    return found


WORD = re.compile(r"\w+", re.UNICODE)


def reading_minutes(text: str) -> int:
    """Whole minutes to read ``text`` at the configured pace, never less than one."""
    words = len(WORD.findall(text or ""))
    return max(1, round(words / settings.BROADSHEET_READING_WPM))
