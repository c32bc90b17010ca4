"""Authors (bylines, their pages and feeds), tags, and the article page's reading on."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import Article, Tag
from tests.factories import make_article, make_author, make_category, make_tag

pytestmark = pytest.mark.django_db


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def byline(html: str) -> str:
    return re.search(r'<p class="byline">(.*?)</p>', html, re.S).group(1)


def text(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", fragment).split())


# Bylines ---------------------------------------------------------------------------


def test_the_byline_names_every_author_with_links_in_each_language(client):
    ada = make_author(name="Ada Lovelace", slug="ada-lovelace")
    grace = make_author(name="Grace Hopper", slug="grace-hopper")
    alan = make_author(name="Alan Turing", slug="alan-turing")
    article = make_article(title_tr="Başlık")
    article.authors.set([grace, ada, alan])
    english = byline(page(client, article.get_absolute_url("en")))
    assert text(english) == "By Ada Lovelace, Alan Turing and Grace Hopper"
    assert '<a href="/en/authors/ada-lovelace/" rel="author">Ada Lovelace</a>' in english
    turkish = byline(page(client, article.get_absolute_url("tr")))
    assert text(turkish) == "Yazan: Ada Lovelace, Alan Turing ve Grace Hopper"
    assert 'href="/tr/yazarlar/grace-hopper/"' in turkish


def test_a_republished_article_keeps_its_source_beside_the_authors(client):
    from tests.factories import make_source

    article = make_article(source=make_source(name="Python Insider"))
    article.authors.set([make_author(name="Łukasz Langa")])
    assert text(byline(page(client, article.get_absolute_url("en")))) == (
        "By Łukasz Langa · Originally published by Python Insider"
    )


def test_without_authors_the_byline_is_the_newsrooms(client):
    article = make_article()
    assert "newsroom" in text(byline(page(client, article.get_absolute_url("en"))))
    assert "By " not in text(byline(page(client, article.get_absolute_url("en"))))


def test_an_authors_name_is_escaped_everywhere(client):
    evil = make_author(name='<img src=x onerror="alert(1)">', slug="evil")
    article = make_article()
    article.authors.set([evil])
    for url in (article.get_absolute_url("en"), "/en/", "/en/authors/evil/"):
        html = page(client, url)
        assert "<img src=x" not in html, url
        assert "&lt;img src=x" in html, url
    feed = client.get("/en/authors/evil/feed/").content.decode()
    assert "<img" not in feed and "&lt;img" not in feed.replace("&amp;lt;img", "")


def test_cards_show_bylines_without_a_query_per_card(client, django_assert_max_num_queries):
    def measure(count):
        for _ in range(count):
            article = make_article()
            article.authors.set([make_author(), make_author()])
        # 11 once a category section shows (its cards' authors in one more).
        with django_assert_max_num_queries(11) as queries:
            html = page(client, "/en/")
        return html, len(queries)

    html, _ = measure(2)
    assert html.count('rel="author"') == 4
    client.get("/en/")  # (cached copies are renewed by the saves below)
    html, _ = measure(6)
    assert html.count('rel="author"') == 16


# Author pages ----------------------------------------------------------------------


def test_the_author_page_shows_bio_articles_and_feed(client):
    ada = make_author(name="Ada Lovelace", slug="ada", bio_en="Mathematician.", bio_tr="")
    mine = make_article(title_en="Notes on the engine")
    mine.authors.set([ada])
    draft = make_article(title_en="Unfinished", status=Article.Status.DRAFT, published_at=None)
    draft.authors.set([ada])
    make_article(title_en="Someone else's")
    english = page(client, "/en/authors/ada/")
    assert "<h1" in english and "Ada Lovelace" in english
    assert "Mathematician." in english
    assert "Notes on the engine" in english
    assert "Unfinished" not in english and "Someone else" not in english
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Broadsheet: articles by Ada '
        'Lovelace" href="/en/authors/ada/feed/">'
    ) in english
    # No Turkish bio yet: the English one, marked as English, with a notice.
    turkish = page(client, "/tr/yazarlar/ada/")
    assert '<div class="author-bio" lang="en">' in turkish
    assert "untranslated-notice" in turkish
    assert "untranslated-notice" not in english


def test_the_author_feed_lists_only_their_published_articles(client):
    ada = make_author(name="Ada & Co", slug="ada")
    mine = make_article(title_en="Notes <on> the engine")
    mine.authors.set([ada])
    make_article(title_en="Someone else's")
    response = client.get("/en/authors/ada/feed/")
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["Notes &lt;on&gt; the engine"]  # escaped as the main feed's
    assert channel.findtext("title") == "Broadsheet: articles by Ada &amp; Co"
    assert client.get("/tr/yazarlar/ada/akis/").status_code == 200
    assert client.get("/en/authors/nobody/feed/").status_code == 404


def test_an_unknown_author_is_404(client):
    assert client.get("/en/authors/nobody/").status_code == 404


def test_the_author_page_is_paginated(client, settings):
    ada = make_author(slug="ada")
    for _ in range(settings.BROADSHEET_ARTICLES_PER_PAGE + 1):
        make_article().authors.add(ada)
    assert 'rel="next"' in page(client, "/en/authors/ada/")
    assert client.get("/en/authors/ada/?page=2").status_code == 200
    assert client.get("/en/authors/ada/?page=9").status_code == 404


@pytest.mark.parametrize("count", [2, 7])
def test_author_page_queries_stay_fixed(client, django_assert_num_queries, count):
    ada = make_author(slug="ada")
    for _ in range(count):
        article = make_article()
        article.authors.set([ada, make_author()])
    # The author, the count, the page of articles, their authors; menu, next publication.
    with django_assert_num_queries(8):
        page(client, "/en/authors/ada/")


def test_author_changes_renew_bylines_and_their_page(client):
    ada = make_author(name="Ada Lovelace", slug="ada", bio_en="First bio.")
    article = make_article()
    article.authors.set([ada])
    urls = [article.get_absolute_url("en"), "/en/", "/en/authors/ada/"]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    ada.bio_en = "Second bio."
    ada.save()
    assert "Second bio." in page(client, "/en/authors/ada/")
    ada.name = "Augusta Ada King"
    ada.save()
    for url in urls:
        assert "Augusta Ada King" in page(client, url), url
    article.authors.clear()
    assert "Augusta" not in byline(page(client, urls[0]))


def test_author_pages_are_in_the_sitemap(client):
    ada = make_author(slug="ada")
    make_article().authors.set([ada])
    make_author(slug="nobody-yet")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/authors/ada/" in sitemap and "/tr/yazarlar/ada/" in sitemap
    assert "nobody-yet" not in sitemap


def test_structured_data_names_the_authors_as_people(client):
    ada = make_author(name="Ada Lovelace", slug="ada")
    article = make_article()
    article.authors.set([ada])
    html = page(client, article.get_absolute_url("en"))
    data = json.loads(re.search(r'application/ld\+json"[^>]*>(.*?)</script>', html, re.S)[1])
    assert data["author"] == [
        {"@type": "Person", "name": "Ada Lovelace", "url": "http://testserver/en/authors/ada/"}
    ]


# Tags ------------------------------------------------------------------------------


def test_tags_link_from_the_article_to_their_pages_in_each_language(client):
    tag = make_tag(name_en="Performance", name_tr="Performans", slug_en="perf", slug_tr="hiz")
    article = make_article(title_en="Fast pages", title_tr="Hızlı sayfalar")
    article.tags.set([tag])
    make_article(title_en="Untagged")
    html = page(client, article.get_absolute_url("en"))
    assert '<a href="/en/tags/perf/" rel="tag">Performance</a>' in html
    english = page(client, "/en/tags/perf/")
    assert "Fast pages" in english and "Untagged" not in english
    assert "Hızlı sayfalar" in page(client, "/tr/etiketler/hiz/")
    # The other language's slug redirects to this language's own.
    response = client.get("/tr/etiketler/perf/")
    assert response.status_code == 301 and response["Location"] == "/tr/etiketler/hiz/"
    assert client.get("/en/tags/nothing/").status_code == 404


def test_a_tag_slug_may_not_be_another_tags_in_any_language():
    make_tag(slug_en="python", slug_tr="piton")
    clash = Tag(name_en="Snake", slug_en="snake", slug_tr="python")
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "slug_tr" in error.value.message_dict


@pytest.mark.parametrize("count", [2, 6])
def test_tag_page_queries_stay_fixed(client, django_assert_num_queries, count):
    tag = make_tag(slug_en="perf")
    for _ in range(count):
        article = make_article()
        article.tags.set([tag, make_tag()])
        article.authors.set([make_author()])
    with django_assert_num_queries(8):
        page(client, "/en/tags/perf/")


# Reading on ------------------------------------------------------------------------


def section(html: str, heading_id: str) -> str:
    match = re.search(rf'aria-labelledby="{heading_id}">(.*?)</section>', html, re.S)
    return match.group(1) if match else ""


def test_more_in_the_category_and_related_by_shared_tags(client):
    desk, other_desk = make_category(name_en="Software"), make_category()
    python, web, git = make_tag(), make_tag(), make_tag()
    now = timezone.now()
    article = make_article(category=desk, published_at=now - timedelta(days=10))
    article.tags.set([python, web])
    same_desk = [
        make_article(category=desk, published_at=now - timedelta(hours=h)) for h in range(5)
    ]
    same_desk[0].tags.set([python, web])  # in "More in" already: not related again
    two_shared = make_article(category=other_desk, title_en="Shares two")
    two_shared.tags.set([python, web, git])
    one_shared = make_article(category=other_desk, title_en="Shares one")
    one_shared.tags.set([web])
    make_article(category=other_desk, title_en="Shares none").tags.set([git])
    make_article(
        category=other_desk, title_en="Draft sharing", status="draft", published_at=None
    ).tags.set([python])
    html = page(client, article.get_absolute_url("en"))
    more = section(html, "more-in-title")
    assert "More in Software" in html
    assert [a.public_id for a in same_desk[:4]] == re.findall(r"/articles/(\w+)/", more)
    assert article.public_id not in more
    related = section(html, "related-title")
    assert re.findall(r">(Shares \w+)</a>", related) == ["Shares two", "Shares one"]
    assert "Draft sharing" not in related and same_desk[0].public_id not in related


@pytest.mark.parametrize("count", [2, 6])
def test_article_page_queries_stay_fixed(client, django_assert_num_queries, count):
    desk = make_category()
    tags = [make_tag() for _ in range(count)]
    authors = [make_author() for _ in range(count)]
    article = None
    for _ in range(count + 6):  # enough for both lists
        article = make_article(category=desk)
        article.tags.set(tags)
        article.authors.set(authors)
    # The article, its authors, its tags; "More in" and its authors; "Related" and its
    # authors; comments, menu, next scheduled time.
    with django_assert_num_queries(12):  # the comments: counts, then threads with replies
        html = page(client, article.get_absolute_url("en"))
    assert html.count('rel="tag"') == count


# Updated ---------------------------------------------------------------------------


def test_a_text_change_after_publication_shows_the_updated_time(client):
    published = timezone.now() - timedelta(hours=3)
    article = make_article(published_at=published)
    url = article.get_absolute_url("en")
    assert "Updated" not in page(client, url)
    article.summary_en = "A summary is not the text."
    article.save()
    article.comments_closed = True
    article.save()
    article.refresh_from_db()
    assert article.revised_at is None
    article.body_en += " A correction."
    article.save()
    article.refresh_from_db()
    assert article.revised_at is not None
    html = page(client, url)
    stamp = timezone.localtime(article.revised_at).strftime("%H:%M")
    assert re.search(rf'<time class="updated" datetime="[^"]+">Updated [^<]*{stamp}</time>', html)
    assert (
        f'article:modified_time" content="{timezone.localtime(article.revised_at):%Y-%m-%dT%H:%M}'
        in html
    )
    data = json.loads(re.search(r'application/ld\+json"[^>]*>(.*?)</script>', html, re.S)[1])
    modified = datetime.fromisoformat(data["dateModified"])
    assert abs(modified - article.revised_at) < timedelta(seconds=1)


def test_a_correction_just_after_publication_is_no_update():
    with time_machine.travel(timezone.now(), tick=False) as clock:
        article = make_article(published_at=timezone.now())
        clock.shift(timedelta(minutes=3))
        article.title_en = "Typo fixed"
        article.save()
        article.refresh_from_db()
        assert article.revised_at is None
        clock.shift(timedelta(minutes=30))
        article.title_en = "Headline rewritten"
        article.save()
        article.refresh_from_db()
        assert article.revised_at is not None


# Table of contents -----------------------------------------------------------------

LONG_BODY = """Intro.

## Why it matters

Text.

### In detail

More.

## Why it matters

Again.

```python
print("hi")
```
"""


def test_long_articles_get_a_table_of_contents_with_stable_anchors(client):
    article = make_article(body_en=LONG_BODY)
    html = page(client, article.get_absolute_url("en"))
    assert '<h2 id="section-why-it-matters">Why it matters</h2>' in html
    assert '<h3 id="section-in-detail">In detail</h3>' in html
    assert '<h2 id="section-why-it-matters-2">Why it matters</h2>' in html
    toc = re.search(r'<nav class="toc" aria-labelledby="toc-title">(.*?)</nav>', html, re.S)[1]
    assert re.findall(r'href="#([\w-]+)"', toc) == [
        "section-why-it-matters",
        "section-in-detail",
        "section-why-it-matters-2",
    ]


def test_short_articles_have_no_table_of_contents(client):
    article = make_article(body_en="## One\n\nText.\n\n## Two\n\nText.")
    assert 'class="toc"' not in page(client, article.get_absolute_url("en"))


def test_the_sanitiser_keeps_only_section_anchors():
    from articles.rendering import render_markdown

    html = render_markdown('<h2 id="main">x</h2>\n\n<p id="section-a">y</p>\n\n## Çalışma ı')
    assert 'id="main"' not in html and "<p id=" not in html
    assert '<h2 id="section-calisma-i">Çalışma ı</h2>' in html
    # A smart quote or inline code is no stash placeholder in the anchor.
    assert 'id="section-dont-stop"' in render_markdown("## Don't `stop`")


def test_share_and_copy_buttons_wait_for_javascript(client):
    html = page(client, make_article(body_en=LONG_BODY).get_absolute_url("en"))
    assert re.search(r'<p class="share-tools" id="share-tools" hidden', html)
    assert '<p class="visually-hidden" id="reading-status" aria-live="polite"></p>' in html
    assert '<script src="/static/js/reading.js" defer></script>' in html
    assert 'data-copied-link="Link copied"' in html


# The back office -------------------------------------------------------------------


def test_editors_add_authors_and_tags_and_pick_them_on_an_article(client, editor):
    client.force_login(editor)
    response = client.post(
        "/en/admin/articles/author/add/",
        {"name": "Ada Lovelace", "slug": "ada", "bio_en": "Wrote.", "bio_tr": "Yazdı."},
    )
    assert response.status_code == 302
    response = client.post(
        "/en/admin/articles/tag/add/",
        {"name_en": "Python", "slug_en": "python", "name_tr": "Python", "slug_tr": "piton"},
    )
    assert response.status_code == 302
    clash = client.post(
        "/en/admin/articles/tag/add/",
        {"name_en": "Snake", "slug_en": "snake", "name_tr": "Yılan", "slug_tr": "python"},
    )
    assert clash.status_code == 200
    assert "“python” is already the English slug of the tag “Python”." in clash.content.decode()
    article = make_article()
    form = client.get(f"/en/admin/articles/article/{article.pk}/change/").content.decode()
    assert 'name="authors"' in form and 'name="tags"' in form
    assert (
        client.get(
            "/en/admin/autocomplete/",
            {
                "app_label": "articles",
                "model_name": "article",
                "field_name": "authors",
                "term": "Ada",
            },
        ).json()["results"][0]["text"]
        == "Ada Lovelace"
    )


def test_translators_translate_bios_but_never_pick_an_articles_authors(client, translator):
    ada = make_author(name="Ada Lovelace", slug="ada", bio_en="Wrote.")
    article = make_article(title_tr="Başlık")
    client.force_login(translator)
    form = client.get(f"/en/admin/articles/author/{ada.pk}/change/").content.decode()
    assert 'name="bio_tr"' in form and 'name="bio_en"' not in form and 'name="name"' not in form
    form = client.get(f"/en/admin/articles/article/{article.pk}/change/").content.decode()
    assert 'name="authors"' not in form and 'name="tags"' not in form
