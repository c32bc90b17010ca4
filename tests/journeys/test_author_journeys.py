"""Journeys of authors and tags: bylines on article pages and cards, author pages and
feeds, tag links and tag pages, as the admin adds, changes and deletes them."""

import pytest

from .checks import Expect
from .reader import LANGUAGES, Paths, article_path, first, shown, text_of

AUTHOR, TAG, ARTICLE = "articles.author", "articles.tag", "articles.article"
AUTHOR_PATH = Paths(en="/en/authors/{slug}/", tr="/tr/yazarlar/{slug}/")
AUTHOR_FEED_PATH = Paths(en="/en/authors/{slug}/feed/", tr="/tr/yazarlar/{slug}/akis/")
TAG_PATH = Paths(en="/en/tags/{slug}/", tr="/tr/etiketler/{slug}/")


def tags_of(page: str) -> str:
    return text_of(first(r'<nav class="article-tags"[^>]*>(.*?)</nav>', page) or "")


def author_pages(author: dict) -> list[str]:
    return [AUTHOR_PATH[code].format(slug=author["slug"]) for code in LANGUAGES]


def test_adding_an_author_and_naming_them_on_an_article(journeys):
    article = journeys.take("published")
    reader = journeys.reader()
    for language in LANGUAGES:
        reader.cached(article_path(article, language))
    name, slug = f"Ada Lovelace {article['word']}", f"ada-{article['word']}"
    journeys.newsroom.add(
        AUTHOR,
        name=name,
        slug=slug,
        bio_en="She wrote the first program.",
        bio_tr="İlk programı o yazdı.",
    )
    pk = journeys.newsroom.find(AUTHOR, slug)[0]
    journeys.newsroom.change(ARTICLE, article["pk"], authors=[pk])
    expect = Expect("author add, then the article's authors changed")
    for language, bio in (("en", "She wrote the first program."), ("tr", "İlk programı o yazdı.")):
        page = reader.article(article, language)
        expect.check(name in page.byline, f"[{language}] byline {page.byline!r} lacks {name!r}")
        author_page = reader.get(AUTHOR_PATH[language].format(slug=slug))
        expect.check(author_page.status == 200, f"[{language}] author page {author_page.status}")
        expect.check(bio in author_page.text, f"[{language}] author page lacks the bio")
        expect.check(
            article["public_id"] in author_page.text, f"[{language}] author page lacks the article"
        )
    expect.verify()


def test_changing_an_author_renews_bylines_and_their_page(journeys):
    article = journeys.take("authored")
    author = article["byline"]["author"]
    reader = journeys.reader()
    paths = author_pages(author)
    for language in LANGUAGES:
        reader.cached(paths[LANGUAGES.index(language)])
        assert author["name"] in reader.article(article, language).byline
    new_name = f"Grace Hopper {article['word']}"
    journeys.newsroom.change(
        AUTHOR,
        author["pk"],
        name=new_name,
        bio_en="Admiral and compiler writer.",
        bio_tr="Amiral ve derleyici yazarı.",
    )
    expect = Expect("author change: renamed, new bio")
    for language, bio in (
        ("en", "Admiral and compiler writer."),
        ("tr", "Amiral ve derleyici yazarı."),
    ):
        byline = reader.article(article, language).byline
        expect.check(new_name in byline, f"[{language}] byline {byline!r} lacks the new name")
        expect.check(author["name"] not in byline, f"[{language}] byline keeps the old name")
        page = reader.get(paths[LANGUAGES.index(language)]).text
        expect.check(bio in page, f"[{language}] author page lacks the new bio")
        expect.check(page.count(new_name) >= 2, f"[{language}] author page/card lacks the name")
    expect.verify()


@pytest.mark.parametrize("where", ["list", "form"])
def test_deleting_an_author_takes_them_off_every_byline(journeys, where):
    article = journeys.take("authored")
    author = article["byline"]["author"]
    reader = journeys.reader()
    for language in LANGUAGES:
        assert author["name"] in reader.article(article, language).byline
        reader.cached(author_pages(author)[LANGUAGES.index(language)])
    if where == "list":
        journeys.newsroom.list_action(AUTHOR, "delete_selected", [author["pk"]])
    else:
        journeys.newsroom.delete(AUTHOR, author["pk"])
    expect = Expect(f"author delete ({where})")
    for language in LANGUAGES:
        byline = reader.article(article, language).byline
        expect.check(author["name"] not in byline, f"[{language}] byline still names them")
        for path in (
            AUTHOR_PATH[language].format(slug=author["slug"]),
            AUTHOR_FEED_PATH[language].format(slug=author["slug"]),
        ):
            status = reader.get(path).status
            expect.check(status == 404, f"{path} answered {status}")
    expect.verify()


def test_adding_a_tag_gives_it_a_page(journeys):
    word = f"tag{journeys.cache}"
    journeys.newsroom.add(
        TAG,
        name_en=f"Fresh topic {word}",
        name_tr=f"Yeni konu {word}",
        slug_en=f"fresh-{word}",
        slug_tr=f"yeni-{word}",
    )
    reader = journeys.reader()
    expect = Expect("tag add")
    for language, slug, name in (
        ("en", f"fresh-{word}", "Fresh topic"),
        ("tr", f"yeni-{word}", "Yeni konu"),
    ):
        page = reader.get(TAG_PATH[language].format(slug=slug))
        expect.check(page.status == 200, f"[{language}] tag page {page.status}")
        expect.check(f"{name} {word}" in page.text, f"[{language}] tag page lacks its name")
    expect.verify()


def test_renaming_a_tag_renames_its_links(journeys):
    article = journeys.take("authored")
    tag = article["byline"]["tag"]
    reader = journeys.reader()
    for language in LANGUAGES:
        assert shown(tag, "name", language) in tags_of(reader.article(article, language).html)
        reader.cached(TAG_PATH[language].format(slug=shown(tag, "slug", language)))
    names = {"en": f"Renamed topic {article['word']}", "tr": f"Yeni adlı konu {article['word']}"}
    journeys.newsroom.change(TAG, tag["pk"], name_en=names["en"], name_tr=names["tr"])
    # A language without its own name (a third one) shows the English one.
    names = dict.fromkeys(LANGUAGES, names["en"]) | names
    expect = Expect("tag change: renamed")
    for language in LANGUAGES:
        links = tags_of(reader.article(article, language).html)
        expect.check(names[language] in links, f"[{language}] tag links {links!r}")
        page = reader.get(TAG_PATH[language].format(slug=shown(tag, "slug", language))).text
        expect.check(names[language] in page, f"[{language}] tag page keeps the old name")
        expect.check(article["public_id"] in page, f"[{language}] tag page lacks the article")
    expect.verify()


@pytest.mark.parametrize("where", ["list", "form"])
def test_deleting_a_tag_takes_it_off_its_articles(journeys, where):
    article = journeys.take("authored")
    tag = article["byline"]["tag"]
    reader = journeys.reader()
    for language in LANGUAGES:
        assert shown(tag, "name", language) in tags_of(reader.article(article, language).html)
    if where == "list":
        journeys.newsroom.list_action(TAG, "delete_selected", [tag["pk"]])
    else:
        journeys.newsroom.delete(TAG, tag["pk"])
    expect = Expect(f"tag delete ({where})")
    for language in LANGUAGES:
        links = tags_of(reader.article(article, language).html)
        expect.check(shown(tag, "name", language) not in links, f"[{language}] still tagged")
        status = reader.get(TAG_PATH[language].format(slug=shown(tag, "slug", language))).status
        expect.check(status == 404, f"[{language}] the deleted tag's page answered {status}")
    expect.verify()
