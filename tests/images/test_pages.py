"""What readers' pages show of a lead image, and when."""

import json
import re

import pytest
from django.urls import reverse

from articles.images.renditions import renditions_make
from tests.factories import make_article, make_category

from .conftest import with_image


def picture_of(html: str) -> str:
    found = re.search(r"<picture.*?</picture>", html, re.S)
    assert found, "no <picture> on the page"
    return found.group(0)


def img_attrs(html: str) -> dict:
    tag = re.search(r"<img [^>]*>", picture_of(html)).group(0)
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag))


def test_the_article_page_shows_the_lead_picture_eagerly_with_its_caption(client, illustrated):
    article = illustrated()
    html = client.get(article.get_absolute_url("en")).content.decode()
    picture = picture_of(html)
    assert '<source type="image/avif" srcset="/media/' in picture
    assert '<source type="image/webp" srcset="/media/' in picture
    for width in (360, 640, 960, 1280, 1600):
        assert f".avif {width}w" in picture and f".webp {width}w" in picture
    img = img_attrs(html)
    assert img["src"].endswith(".jpg") and " 1600w" in img["srcset"]
    assert (img["width"], img["height"]) == ("1600", "900")
    assert img["alt"] == "Red and blue halves"
    assert img["fetchpriority"] == "high" and "loading" not in img
    assert img["sizes"] == "(min-width: 44rem) 42rem, calc(100vw - 2rem)"
    figure = re.search(r'<figure class="lead-figure">.*?</figure>', html, re.S).group(0)
    assert "Two halves" in figure and "Broadsheet illustration" in figure
    # Under the header, before the body.
    assert html.index("</header>") < html.index("<picture") < html.index('class="article-body"')


def test_text_in_another_language_than_the_page_says_so(client, illustrated):
    article = illustrated()  # Caption and credit in English only, alt in both.
    html = client.get(article.get_absolute_url("tr")).content.decode()
    img = img_attrs(html)
    assert img["alt"] == "Kırmızı ve mavi yarımlar" and "lang" not in img
    assert '<span class="caption" lang="en">Two halves</span>' in html
    assert '<span lang="en">Broadsheet illustration</span>' in html


def test_cards_load_their_picture_lazily(client, illustrated):
    article = illustrated()
    illustrated(category=article.category)  # the lead (eager) is the other one
    html = client.get(reverse("articles:home")).content.decode()
    html = html[html.index('class="lead-picture lead-picture-card"') - 10 :]
    img = img_attrs(html)
    assert img["loading"] == "lazy" and img["decoding"] == "async"
    assert "fetchpriority" not in img
    assert img["sizes"] == "(min-width: 40rem) 14rem, 7.5rem"
    html = client.get(article.category.get_absolute_url("en")).content.decode()
    html = html[html.index('class="lead-picture lead-picture-card"') - 10 :]
    assert img_attrs(html)["loading"] == "lazy"


def test_sharing_and_search_engines_get_a_1200_px_jpeg(client, illustrated):
    article = illustrated()
    html = client.get(article.get_absolute_url("en")).content.decode()
    meta = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html))
    assert re.fullmatch(r"http://testserver/media/.+/share\.jpg", meta["og:image"])
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "675")
    assert meta["og:image:alt"] == "Red and blue halves"
    assert meta["twitter:card"] == "summary_large_image"
    data = json.loads(re.search(r"application/ld\+json[^>]*>(.*?)</script>", html, re.S).group(1))
    assert data["image"] == {
        "@type": "ImageObject",
        "url": meta["og:image"],
        "width": 1200,
        "height": 675,
    }
    assert client.get(meta["og:image"]).status_code == 200


def test_until_the_worker_has_made_the_copies_pages_show_no_picture(client, db):
    article = with_image(make_article())
    for url in (article.get_absolute_url("en"), reverse("articles:home")):
        html = client.get(url).content.decode()
        assert "<picture" not in html and "og:image" not in html
    assert (
        'name="twitter:card" content="summary"'
        in client.get(article.get_absolute_url("en")).content.decode()
    )
    renditions_make(article=article)
    assert "<picture" in client.get(article.get_absolute_url("en")).content.decode()


def test_a_finished_rendition_renews_the_cached_pages(client, db, settings):
    settings.BROADSHEET_PAGE_CACHE = True
    article = with_image(make_article())
    url = article.get_absolute_url("en")
    assert "<picture" not in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"
    renditions_make(article=article)
    assert "<picture" in client.get(url).content.decode()
    assert "<picture" in client.get(reverse("articles:home")).content.decode()


def test_removing_the_image_takes_it_off_every_page_at_once(client, illustrated):
    article = illustrated()
    article.lead_image = None
    article.save()
    for url in (article.get_absolute_url("en"), reverse("articles:home")):
        assert "<picture" not in client.get(url).content.decode()


def test_articles_without_an_image_show_none(client, db):
    article = make_article()
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert "<picture" not in html and "<figure" not in html and "og:image" not in html


# The same numbers as pages with no image at all (tests/articles/test_views.py,
# test_front_page.py: the lead, the sections, comment counts and the footer's pages; an
# article's "More in" reads which articles it shows, then their cards).
QUERIES = {"home": 10, "category": 10, "article": 11}


@pytest.mark.parametrize("count", [2, 6])
@pytest.mark.parametrize("page", QUERIES)
def test_pages_with_pictures_make_as_many_queries_as_ever(
    client, illustrated, django_assert_num_queries, count, page
):
    category = make_category()
    small = {"width": 400, "height": 225}
    articles = [illustrated(category=category, image=small) for _ in range(count)]
    url = {
        "home": reverse("articles:home"),
        "category": category.get_absolute_url("en"),
        "article": articles[0].get_absolute_url("en"),
    }[page]
    with django_assert_num_queries(QUERIES[page]):
        html = client.get(url).content.decode()
    assert html.count("<picture") == (1 if page == "article" else count)


def test_the_front_pages_lead_story_variant_is_wide_and_eager(rf, illustrated):
    from django.template.loader import render_to_string

    article = illustrated()
    html = render_to_string("articles/_lead_picture.html", {"article": article, "variant": "lead"})
    img = img_attrs(html)
    assert img["fetchpriority"] == "high" and "loading" not in img
    assert img["sizes"] == "(min-width: 62rem) 58rem, calc(100vw - 2rem)"
    assert "<figure" not in html
    bare = make_article()
    assert (
        render_to_string(
            "articles/_lead_picture.html", {"article": bare, "variant": "card"}
        ).strip()
        == ""
    )
