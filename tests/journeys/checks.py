"""Shared reader-side assertions of the journeys, collected rather than stopping at the
first, so a failing journey reports everything readers got wrong at once."""

import time
from email.utils import parsedate_to_datetime

from .reader import (
    CATEGORY_PATH,
    FEED_PATH,
    HOME_PATH,
    LANGUAGES,
    Reader,
    article_path,
    category_slug,
    shown,
    visible_text,
)


class Expect:
    def __init__(self, journey: str):
        self.journey = journey
        self.failures: list[str] = []

    def check(self, condition, message: str) -> bool:
        if not condition:
            self.failures.append(message)
        return bool(condition)

    def verify(self) -> None:
        if self.failures:
            raise AssertionError(
                f"{self.journey}: readers saw {len(self.failures)} thing(s) wrong:\n- "
                + "\n- ".join(self.failures)
            )


def prime_lists(reader: Reader, article: dict) -> None:
    """Home (every page), the article's category and the feed, cached in every language."""
    for language in LANGUAGES:
        reader.cached(FEED_PATH[language])
        reader.cached(HOME_PATH[language])
        reader.cached(CATEGORY_PATH[language].format(slug=category_slug(article, language)))


def prime_article(reader: Reader, article: dict) -> dict:
    """Every language of the article page, cached; returns their Last-Modified."""
    return {
        language: reader.cached(article_path(article, language)).header("Last-Modified")
        for language in LANGUAGES
    }


def expect_visible(expect: Expect, reader: Reader, article: dict, *, title_en=None, title_tr=None):
    """The article is everywhere a reader looks for a published article."""
    # A language with no text of its own (a third one) shows the English title.
    titles = {code: shown(article, "title", code) for code in LANGUAGES}
    titles |= {code: title_en or titles[code] for code in LANGUAGES if code != "tr"}
    titles["tr"] = title_tr or article["title_tr"]
    public_id = article["public_id"]
    sitemap = reader.sitemap()
    for language in LANGUAGES:
        page = reader.article(article, language)
        if expect.check(
            page.response.status == 200,
            f"[{language}] article page answered {page.response.status}, not 200",
        ):
            expect.check(
                page.title == titles[language],
                f"[{language}] article page title {page.title!r}, not {titles[language]!r}",
            )
        expect.check(
            public_id in reader.home_ids(language),
            f"[{language}] home page does not list the article",
        )
        expect.check(
            public_id in reader.category_ids(category_slug(article, language), language),
            f"[{language}] category page does not list the article",
        )
        feed = reader.feed(language)
        if expect.check(public_id in feed, f"[{language}] feed does not list the article"):
            expect.check(
                feed[public_id]["title"] == titles[language],
                f"[{language}] feed title {feed[public_id]['title']!r}, not {titles[language]!r}",
            )
        expect.check(
            article_path(article, language) in sitemap,
            f"[{language}] sitemap.xml lacks the article",
        )
        expect.check(
            public_id in reader.search_ids(titles[language], language),
            f"[{language}] search for its title does not find the article",
        )


def expect_gone(expect: Expect, reader: Reader, article: dict):
    """The article is nowhere a reader could find it."""
    public_id = article["public_id"]
    sitemap = reader.sitemap()
    for language in LANGUAGES:
        status = reader.article_status(article, language)
        expect.check(status == 404, f"[{language}] article page answered {status}, not 404")
        expect.check(
            public_id not in reader.home_ids(language),
            f"[{language}] home page still lists the article",
        )
        expect.check(
            public_id not in reader.category_ids(category_slug(article, language), language),
            f"[{language}] category page still lists the article",
        )
        expect.check(
            public_id not in reader.feed(language), f"[{language}] feed still lists the article"
        )
        expect.check(
            article_path(article, language) not in sitemap,
            f"[{language}] sitemap.xml still lists the article",
        )
        expect.check(
            public_id not in reader.search_ids(shown(article, "title", language), language),
            f"[{language}] search still finds the article",
        )


def snapshot(reader: Reader, paths: list[str]) -> dict[str, str]:
    """What readers read on ``paths`` (each cached first), for "nothing changed" checks."""
    return {path: visible_text(reader.cached(path).text) for path in paths}


def expect_unchanged(expect: Expect, reader: Reader, before: dict[str, str]):
    for path, text in before.items():
        response = reader.get(path)
        expect.check(response.status == 200, f"{path} answered {response.status}")
        expect.check(visible_text(response.text) == text, f"{path} changed for readers")


def expect_fresh_for_old_copy(
    expect: Expect, reader: Reader, path: str, last_modified: str | None, needle: str
):
    """A reader holding the old copy asks "changed since?": must get 200 with ``needle``."""
    if not expect.check(last_modified, f"{path} sent no Last-Modified"):
        return
    response = reader.get(path, **{"If-Modified-Since": last_modified})
    if expect.check(
        response.status == 200,
        f"{path} with If-Modified-Since of the old copy answered "
        f"{response.status}, not 200 with the new content",
    ):
        expect.check(needle in response.text, f"{path} conditional GET lacks {needle!r}")


def epoch(last_modified: str) -> float:
    return parsedate_to_datetime(last_modified).timestamp()


def wait_past(*last_modified: str | None) -> None:
    """Let the clock pass the second of every given Last-Modified (at most ~1 s)."""
    latest = max((epoch(v) for v in last_modified if v), default=0)
    while time.time() < latest + 1.05:
        time.sleep(0.05)
