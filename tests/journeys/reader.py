"""What an anonymous reader sees: pages read from a server with no cookies, and the
few things on them a person would notice (titles, counts, the summary, the form).
"""

import html
import os
import re
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .browser import Browser, Response

# The site's languages: the suite's BROADSHEET_LANGUAGES reaches the site too
# (site.SUITE_SETTINGS), so the CI run with a third language reads it in German as well.
LANGUAGES = tuple(
    code.strip().lower()
    for code in os.environ.get("BROADSHEET_LANGUAGES", "en,tr").split(",")
    if code.strip()
)


class Paths(dict):
    """Addresses by language. A language without its own catalogue (the third one of
    the CI run) keeps the English URL words under its own prefix."""

    def __init__(self, **paths: str):
        super().__init__(
            {
                code: paths.get(code) or paths["en"].replace("/en/", f"/{code}/", 1)
                for code in LANGUAGES
            }
        )


ARTICLE_PATH = Paths(en="/en/articles/{id}/{slug}/", tr="/tr/makaleler/{id}/{slug}/")
CATEGORY_PATH = Paths(en="/en/category/{slug}/", tr="/tr/kategori/{slug}/")
FEED_PATH = Paths(en="/en/feed/", tr="/tr/akis/")
SEARCH_PATH = Paths(en="/en/search/?q={q}", tr="/tr/ara/?q={q}")
HOME_PATH = Paths(en="/en/", tr="/tr/")
COMMENTS_WORD = {"en": "comment", "tr": "yorum"}
# Where an article's address starts, in any language: "/en/articles/", "/tr/makaleler/".
ARTICLE_PREFIXES = "|".join(re.escape(path.split("{")[0]) for path in ARTICLE_PATH.values())


def shown(item: dict, field: str, language: str) -> str:
    """What a reader of ``language`` sees of ``field``: that language's text, or the
    English original where it has none (the journeys' articles are written in English)."""
    return item.get(f"{field}_{language}") or item[f"{field}_en"]


def text_of(fragment: str) -> str:
    without_tags = re.sub(r"<[^>]+>", " ", fragment)
    return " ".join(html.unescape(without_tags).split())


def first(pattern: str, page: str, flags=re.S) -> str | None:
    match = re.search(pattern, page, flags)
    return match.group(1) if match else None


@dataclass
class ArticlePage:
    response: Response

    @property
    def html(self) -> str:
        return self.response.text

    @property
    def title(self) -> str:
        return text_of(first(r"<h1[^>]*>(.*?)</h1>", self.html) or "")

    @property
    def comment_count(self) -> int:
        """The count in the comment list's heading ("3 comments", "3 yorum")."""
        heading = first(r'<h2 id="comments-title">(.*?)</h2>', self.html)
        assert heading is not None, "the article page has no comment heading"
        return int(re.match(r"\s*(\d+)", text_of(heading)).group(1))

    @property
    def header_count(self) -> int:
        """The count the reader sees next to the reading time, under the title."""
        link = first(r'<a href="#comments">(.*?)</a>', self.html)
        assert link is not None, "the article page has no comment count under its title"
        return int(re.match(r"\s*(\d+)", text_of(link)).group(1))

    @property
    def comments(self) -> list[str]:
        return [
            text_of(t) for t in re.findall(r'<div class="comment-text"[^>]*>(.*?)</div>', self.html)
        ]

    @property
    def summary(self) -> str | None:
        block = first(r'<aside class="article-summary"(.*?)</aside>', self.html)
        if block is None:
            return None
        return text_of(first(r'<p class="article-summary-text">(.*?)</p>', block) or "")

    @property
    def offers_comment_form(self) -> bool:
        return 'id="comment-form-fields"' in self.html and 'name="answer"' in self.html

    @property
    def closed_notice(self) -> str | None:
        notice = first(r'<p class="comments-closed">(.*?)</p>', self.html)
        return text_of(notice) if notice is not None else None

    @property
    def kicker(self) -> str:
        return text_of(first(r'<p class="kicker">(.*?)</p>', self.html) or "")

    @property
    def byline(self) -> str:
        return text_of(first(r'<p class="byline">(.*?)</p>', self.html) or "")

    @property
    def nav(self) -> list[str]:
        return nav_of(self.html)


def nav_of(page: str) -> list[str]:
    nav = first(r'<nav class="container category-nav"[^>]*>(.*?)</nav>', page) or ""
    return [text_of(item) for item in re.findall(r"<li>(.*?)</li>", nav, re.S)]


def listed_ids(page: str) -> list[str]:
    """Public IDs of the articles a list page links to, in order."""
    cards = re.findall(r'<article class="card[ "].*?>(.*?)</article>', page, re.S)
    ids = []
    for card in cards:
        match = re.search(rf'href="(?:{ARTICLE_PREFIXES})([0-9A-Z]+)/', card)
        if match:
            ids.append(match.group(1))
    return ids


def lead_id(page: str) -> str | None:
    """The public ID of the front page's lead story."""
    lead = first(r'<article class="card lead-story"(.*?)</article>', page)
    if lead is None:
        return None
    match = re.search(rf'href="(?:{ARTICLE_PREFIXES})([0-9A-Z]+)/', lead)
    return match.group(1) if match else None


def footer_links(page: str) -> dict[str, str]:
    """The footer's links: address -> text."""
    footer = first(r'<footer class="site-footer">(.*?)</footer>', page) or ""
    return {
        href: text_of(label)
        for href, label in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', footer, re.S)
    }


def visible_text(page: str) -> str:
    """The page as a reader reads it, minus what is made anew for each reader
    (the comment form with its human check, the CSRF token) and scripts."""
    page = re.sub(r"<form[^>]*comment-form-fields.*?</form>", "", page, flags=re.S)
    page = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S)
    return text_of(page)


class Reader:
    """An anonymous reader of one server: no cookies, ever."""

    def __init__(self, base_url: str):
        self.http = Browser(base_url, cookies=False)

    def get(self, path: str, **headers) -> Response:
        return self.http.get(path, headers=headers)

    def cached(self, path: str) -> Response:
        """Read ``path`` until a copy comes from the page cache, so that a later read
        proves the change reached the cached copy. (A few tries: the file cache culls
        random entries once it holds MAX_ENTRIES files, Django's default 300.)"""
        for _attempt in range(4):
            response = self.get(path)
            assert response.status == 200, f"{path}: {response.status}"
            if response.cache == "hit":
                return response
        raise AssertionError(f"{path} was not served from the page cache ({response.cache})")

    # Pages ----------------------------------------------------------------------

    def article(self, article: dict, language: str) -> ArticlePage:
        return ArticlePage(self.get(article_path(article, language)))

    def article_status(self, article: dict, language: str) -> int:
        return self.get(article_path(article, language)).status

    def home_ids(self, language: str, *, max_pages: int = 20) -> list[str]:
        """Every article on the home page, following "Older articles" like a reader."""
        path, ids = HOME_PATH[language], []
        for _page in range(max_pages):
            response = self.get(path)
            assert response.status == 200, f"{path}: {response.status}"
            ids += listed_ids(response.text)
            older = first(r'<a href="([^"]+)" rel="next">', response.text)
            if not older:
                return ids
            path = HOME_PATH[language] + html.unescape(older)
        return ids

    def category_ids(self, slug: str, language: str) -> list[str]:
        response = self.get(CATEGORY_PATH[language].format(slug=slug))
        assert response.status == 200, f"category {slug}: {response.status}"
        return listed_ids(response.text)

    def feed(self, language: str) -> dict[str, dict]:
        """Items of the RSS feed by public ID: title, description, link."""
        response = self.get(FEED_PATH[language])
        assert response.status == 200, f"feed: {response.status}"
        return parse_feed(response.text)

    def sitemap(self) -> set[str]:
        response = self.get("/sitemap.xml")
        assert response.status == 200, f"sitemap: {response.status}"
        return {
            urllib.parse.urlsplit(loc).path
            for loc in re.findall(r"<loc>(.*?)</loc>", response.text)
        }

    def search_ids(self, query: str, language: str) -> list[str]:
        path = SEARCH_PATH[language].format(q=urllib.parse.quote(query))
        response = self.get(path)
        assert response.status == 200, f"search: {response.status}"
        return listed_ids(response.text)


def parse_feed(text: str) -> dict[str, dict]:
    items = {}
    for item in ET.fromstring(text).iter("item"):
        guid = item.findtext("guid") or ""
        public_id = guid.split(":")[1] if guid.count(":") == 2 else guid
        items[public_id] = {
            "title": item.findtext("title") or "",
            "description": item.findtext("description") or "",
            "link": item.findtext("link") or "",
        }
    return items


def article_path(article: dict, language: str) -> str:
    slug = shown(article, "slug", language)
    return ARTICLE_PATH[language].format(id=article["public_id"], slug=slug)


def category_slug(article: dict, language: str) -> str:
    return shown(article["category"], "slug", language)
