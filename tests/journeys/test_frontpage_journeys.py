"""Journeys of the front page and the footer: an editor features an article, or
publishes, edits, unpublishes and deletes a footer page, on server A; an anonymous
reader of server B sees it on pages that were in the page cache."""

import time

import pytest

from .checks import Expect
from .reader import HOME_PATH, LANGUAGES, Paths, footer_links, lead_id
from .reader import shown as shown_in

ARTICLE, PAGE = "articles.article", "pages.page"
PAGE_PATH = Paths(en="/en/pages/{slug}/", tr="/tr/sayfalar/{slug}/")


def run_action(journeys, where: str, action: str, article: dict):
    if where == "list":
        return journeys.newsroom.list_action(ARTICLE, action, [article["pk"]])
    return journeys.newsroom.form_action(ARTICLE, article["pk"], action)


def leads(reader) -> dict[str, str | None]:
    return {code: lead_id(reader.get(HOME_PATH[code]).text) for code in LANGUAGES}


@pytest.mark.parametrize("where", ["list", "form"])
def test_featuring_an_article_makes_it_the_lead_then_unfeaturing_restores_the_latest(
    journeys, where
):
    article = journeys.take("published")  # published earlier than the latest
    reader = journeys.reader()
    for code in LANGUAGES:
        reader.cached(HOME_PATH[code])
    latest = leads(reader)
    assert article["public_id"] not in latest.values(), latest

    run_action(journeys, where, "feature", article)
    expect = Expect(f"feature ({where})")
    for code, lead in leads(reader).items():
        expect.check(lead == article["public_id"], f"[{code}] the lead is {lead}, not the featured")
    expect.verify()

    for code in LANGUAGES:
        reader.cached(HOME_PATH[code])
    run_action(journeys, where, "unfeature", article)
    expect = Expect(f"stop featuring ({where})")
    expect.check(leads(reader) == latest, f"the leads are {leads(reader)}, not {latest}")
    expect.verify()


def page_fields(word: str, **changes) -> dict:
    fields = {
        "title_en": f"About the desk {word}",
        "title_tr": f"Masa hakkında {word}",
        "slug_en": f"about-{word}",
        "slug_tr": f"hakkinda-{word}",
        "body_en": f"The desk {word} writes **news**.",
        "body_tr": f"{word} masası **haber** yazar.",
        "status": "published",
        "position": "5",
    }
    return {**fields, **changes}


def expect_page(expect, reader, fields: dict, *, shown: bool) -> None:
    for code in LANGUAGES:
        path = PAGE_PATH[code].format(slug=shown_in(fields, "slug", code))
        title = shown_in(fields, "title", code)
        response = reader.get(path)
        links = footer_links(reader.get(HOME_PATH[code]).text)
        if shown:
            expect.check(response.status == 200, f"{path}: {response.status}")
            expect.check(title in response.text, f"{path} lacks the title {title!r}")
            expect.check(links.get(path) == title, f"[{code}] footer {links}, not {title!r}")
        else:
            expect.check(response.status == 404, f"{path}: {response.status}, not 404")
            expect.check(path not in links, f"[{code}] the footer still links {path}")


def test_an_editor_publishes_edits_and_unpublishes_a_footer_page(journeys):
    word = f"p{journeys.cache}{time.time_ns() % 10_000}"
    reader = journeys.reader()
    for code in LANGUAGES:
        reader.cached(HOME_PATH[code])
    fields = page_fields(word)
    journeys.newsroom.add(PAGE, **fields)
    expect = Expect("footer page add form")
    expect_page(expect, reader, fields, shown=True)
    expect.verify()

    [pk] = journeys.newsroom.find(PAGE, fields["title_en"])
    for code in LANGUAGES:
        reader.cached(HOME_PATH[code])
    edited = page_fields(word, title_en=f"Who we are {word}", title_tr=f"Biz kimiz {word}")
    journeys.newsroom.change(PAGE, pk, title_en=edited["title_en"], title_tr=edited["title_tr"])
    expect = Expect("footer page change form: edited")
    expect_page(expect, reader, edited, shown=True)
    expect.verify()

    journeys.newsroom.change(PAGE, pk, status="draft")
    expect = Expect("footer page change form: back to draft")
    expect_page(expect, reader, edited, shown=False)
    expect.verify()


@pytest.mark.parametrize("where", ["list", "form"])
def test_deleting_a_footer_page_takes_it_off_the_site(journeys, where):
    word = f"d{where}{journeys.cache}{time.time_ns() % 10_000}"
    fields = page_fields(word)
    journeys.newsroom.add(PAGE, **fields)
    [pk] = journeys.newsroom.find(PAGE, fields["title_en"])
    reader = journeys.reader()
    for code in LANGUAGES:
        reader.cached(HOME_PATH[code])
        reader.cached(PAGE_PATH[code].format(slug=shown_in(fields, "slug", code)))
    if where == "list":
        journeys.newsroom.list_action(PAGE, "delete_selected", [pk])
    else:
        journeys.newsroom.delete(PAGE, pk)
    expect = Expect(f"footer page delete ({where})")
    expect_page(expect, reader, fields, shown=False)
    expect.verify()
