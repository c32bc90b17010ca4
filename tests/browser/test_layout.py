"""What a reader sees of the layout at phone and desktop widths, measured in Chromium."""

import pytest

from core.languages import LANGUAGE_CODES
from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TABLE = """Intro.

| | Image | Container |
|---|---|---|
| Mutability | Immutable, layered template | Writable layer on top |
| Listing | `docker images` | `docker ps -a` |
"""

TARGETS = ".category-nav a, .language-switcher a, .kicker a, .search-link, .footer-links a"


@pytest.fixture
def article():
    return make_article(title_en="Docker images", title_tr="Docker imajları", body_en=TABLE)


def open_page(browser, url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(url)
    return page


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_phone_header_is_compact_and_every_target_is_large_enough(
    browser, live_server, article, language
):
    page = open_page(browser, live_server.url + article.get_absolute_url(language), 390)
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 120  # was 260 px: a third of the first screen
    assert page.locator(".search-link").is_visible()
    assert not page.locator(".search-form").is_visible()
    small = page.evaluate(
        f"""[...document.querySelectorAll({TARGETS!r})]
            .filter(a => a.offsetParent !== null)
            .map(a => [a.textContent.trim(), a.getBoundingClientRect().height])
            .filter(([, height]) => height < 24)"""
    )
    assert small == []
    page.close()


def test_words_in_table_cells_and_inline_commands_are_not_broken(browser, live_server, article):
    for width in (390, 1280):
        page = open_page(browser, live_server.url + article.get_absolute_url("en"), width)
        lines = page.evaluate(
            """[...document.querySelectorAll('.article-body td')].map(cell => {
                 const range = document.createRange();
                 range.selectNodeContents(cell);
                 const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                 return [cell.textContent.trim(), tops.size];
               })"""
        )
        words = {text: count for text, count in lines if text and " " not in text}
        # A single word or command sits on one line (the table scrolls instead).
        assert words and all(count == 1 for count in words.values()), (width, words)
        commands = page.evaluate(
            """[...document.querySelectorAll('.article-body td code')]
                 .map(code => code.getClientRects().length)"""
        )
        assert commands == [1, 1], width
        page.close()


def test_skipping_to_the_content_draws_no_frame_round_the_page(browser, live_server, article):
    page = open_page(browser, live_server.url + article.get_absolute_url("en"), 1280)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    style = page.evaluate(
        "(s => [s.outlineStyle, s.boxShadow])(getComputedStyle(document.activeElement))"
    )
    assert style == ["none", "none"]
    page.close()


def test_the_article_column_is_centred_with_its_comments_on_desktop(browser, live_server, article):
    page = open_page(browser, live_server.url + article.get_absolute_url("en"), 1280)
    main = page.locator("main").bounding_box()
    for selector in (".article", ".comment-form-section"):
        box = page.locator(selector).bounding_box()
        left = box["x"] - main["x"]
        right = main["x"] + main["width"] - (box["x"] + box["width"])
        assert abs(left - right) <= 2, (selector, left, right)
    page.close()
