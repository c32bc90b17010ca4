"""The article in a fetched page, and the entries of a fetched feed.

Pages: readability-lxml finds the main content and keeps its markup (the classes that
name a code block's language included); markdownify writes it as Markdown (ATX
headings, ``-`` lists, links, fenced code with its language, pipe tables); the
metadata (title, description, author, date, lead image) comes from trafilatura's
metadata reader, which knows Open Graph, JSON-LD, Dublin Core and the usual meta tags.
trafilatura's own Markdown output was not used: it drops the language of code blocks.

Hostile markup inside the article's text (a script, an event handler, a
``javascript:`` or ``data:`` link, an embedded frame or object) refuses the whole page:
such a page is not one to republish, and nothing of it is stored. Scripts in the page's
own chrome (head, navigation, footer) are ordinary and ignored.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

import feedparser
import lxml.html
import py3langid
import trafilatura
from django.conf import settings
from django.utils.dateparse import parse_datetime
from lxml import etree
from markdownify import MarkdownConverter
from readability import Document

from .fetching import Fetched, FetchError

HOSTILE_MARK = "broadsheet-hostile-markup"
SCRIPT_SCHEMES = ("javascript:", "vbscript:")
HOSTILE_SCHEMES = (*SCRIPT_SCHEMES, "data:")
LINK_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href")
HOSTILE_TAGS = {"script": "script", "iframe": "frame", "object": "object", "embed": "object"}
NOT_A_LANGUAGE = {"highlight", "js-code-highlight", "code", "sourcecode", "hljs", "notranslate"}
LANGUAGE_CLASS = re.compile(r"^(?:language|lang|highlight-source)-([a-z0-9+#._-]+)$", re.I)
LANGUAGE_WORD = re.compile(r"^[a-z][a-z0-9+#._-]{0,30}$", re.I)
MIN_TEXT = 80


@dataclass
class ExtractedArticle:
    url: str
    title: str
    standfirst: str
    author: str
    published: datetime | None
    language: str
    body: str
    image_url: str
    image_credit: str


@dataclass
class ExtractedEntry:
    url: str
    title: str
    published: datetime | None


@dataclass
class ExtractedFeed:
    title: str
    entries: list[ExtractedEntry] = field(default_factory=list)


def decode(fetched: Fetched) -> str:
    for charset in (fetched.charset, "utf-8"):
        if charset:
            try:
                return fetched.content.decode(charset)
            except (LookupError, UnicodeDecodeError):
                continue
    return fetched.content.decode("utf-8", errors="replace")


def mark_hostile(tree) -> None:
    """Replace hostile markup with a visible marker, so that it survives readability's
    cleaning when it sits in the article's text, and goes with the chrome otherwise."""
    for element in list(tree.iter(*HOSTILE_TAGS)):
        if element.tag == "script" and (element.get("type") or "").endswith("ld+json"):
            continue
        marker = etree.Element("span")
        marker.text = f" {HOSTILE_MARK}:{HOSTILE_TAGS[element.tag]} "
        marker.tail = element.tail
        element.getparent().replace(element, marker)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in list(element.attrib.items()):
            if name.lower().startswith("on"):
                del element.attrib[name]
                _mark_after(element, "handler")
            elif name.lower() in LINK_ATTRIBUTES:
                squeezed = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                # data: images are ordinary (lazy-loading placeholders); data: links are not.
                schemes = SCRIPT_SCHEMES if name.lower() == "src" else HOSTILE_SCHEMES
                if squeezed.startswith(schemes):
                    element.attrib[name] = "#"
                    _mark_after(element, "link")


def _mark_after(element, kind: str) -> None:
    if element.getparent() is None:
        return
    marker = etree.Element("span")
    marker.text = f" {HOSTILE_MARK}:{kind} "
    element.addnext(marker)


def class_names(element) -> list[str]:
    value = element.get("class") or []  # BeautifulSoup gives a list
    return value.split() if isinstance(value, str) else list(value)


def code_language(element) -> str | None:
    """A code block's language, from its own or its ``<code>``'s classes."""
    code = element.find("code")
    classes = class_names(element)
    if code is not None:
        classes = class_names(code) + classes
    for name in classes:
        match = LANGUAGE_CLASS.match(name)
        if match:
            return match.group(1).lower()
    for name in classes:
        if name.lower() not in NOT_A_LANGUAGE and LANGUAGE_WORD.match(name):
            return name.lower()
    return None


class BodyConverter(MarkdownConverter):
    def convert_img(self, el, text, parent_tags):
        return ""  # lead image aside, images are not republished (their rights differ)


def to_markdown(html: str) -> str:
    converter = BodyConverter(
        heading_style="ATX",
        bullets="-",
        code_language_callback=code_language,
        escape_underscores=False,
        escape_asterisks=False,
        strip=["h1"],  # the title is the article's own
    )
    markdown = converter.convert(html)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def page_language(tree, text: str) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    declared = (tree.get("lang") or "").split("-")[0].lower()
    if declared in codes:
        return declared
    detected, _score = py3langid.classify(text[:5000])
    return detected if detected in codes else ""


def parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = parse_datetime(value)
    if parsed is None:
        try:
            parsed = datetime.fromisoformat(value[:10])
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def published_time(tree) -> str | None:
    """The page's own precise publication time, before trafilatura's (a date only)."""
    for xpath in (
        '//meta[@property="article:published_time"]/@content',
        '//meta[@itemprop="datePublished"]/@content',
        "//article//time/@datetime",
        "//time/@datetime",
    ):
        found = tree.xpath(xpath)
        if found:
            return str(found[0])
    return None


def extract_article(fetched: Fetched) -> ExtractedArticle:
    text = decode(fetched)
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise FetchError("no_article") from error
    metadata = trafilatura.extract_metadata(text, default_url=fetched.url)
    mark_hostile(tree)
    marked = lxml.html.tostring(tree, encoding="unicode")
    content = Document(marked, url=fetched.url).summary(html_partial=True)
    plain = lxml.html.fromstring(content).text_content() if content.strip() else ""
    plain = re.sub(rf"{HOSTILE_MARK}:\w+", "", plain)
    if len(plain.strip()) < MIN_TEXT:
        raise FetchError("no_article")
    found = sorted(set(re.findall(rf"{HOSTILE_MARK}:(\w+)", content)))
    if found:
        raise FetchError("hostile", ", ".join(found))
    body = to_markdown(content)
    title = (metadata.title if metadata else "") or Document(marked).short_title()
    return ExtractedArticle(
        url=fetched.url,
        title=(title or "").strip()[:200],
        standfirst=((metadata.description if metadata else "") or "").strip(),
        author=((metadata.author if metadata else "") or "").strip()[:120],
        published=parse_date(published_time(tree) or (metadata.date if metadata else None)),
        language=page_language(tree, plain),
        body=body,
        image_url=((metadata.image if metadata else "") or "").strip(),
        image_credit=((metadata.sitename if metadata else "") or "").strip()[:120],
    )


def extract_feed(fetched: Fetched) -> ExtractedFeed:
    parsed = feedparser.parse(fetched.content, sanitize_html=True, resolve_relative_uris=True)
    if parsed.bozo and not parsed.entries:
        raise FetchError("not_a_feed")
    if not parsed.get("version") and not parsed.entries:
        raise FetchError("not_a_feed")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if not link.startswith(("http://", "https://")):
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime(*stamp[:6], tzinfo=UTC) if stamp else None
        entries.append(
            ExtractedEntry(url=link, title=(entry.get("title") or link)[:300], published=published)
        )
    return ExtractedFeed(title=parsed.feed.get("title", ""), entries=entries)
