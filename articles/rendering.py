"""Markdown to safe HTML, and reading time.

The body is trusted to editors but still sanitised: a pasted ``<script>``, an event
handler or a ``javascript:`` link must never reach a reader.
"""

import hashlib
import re

import markdown
import nh3
from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

MARKDOWN_EXTENSIONS = ["fenced_code", "codehilite", "tables", "sane_lists", "smarty"]
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
    "td": {"align", "style"},
    "th": {"align", "style"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
ALIGN_STYLE = re.compile(r"^text-align:\s*(left|right|center);?$")

CACHE_VERSION = 1


def _keep_alignment(tag: str, attribute: str, value: str) -> str | None:
    # Markdown tables express column alignment as an inline style; keep only that.
    if attribute == "style":
        return value if ALIGN_STYLE.match(value) else None
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
