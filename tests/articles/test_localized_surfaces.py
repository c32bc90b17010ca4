"""Feeds, sitemap, hreflang, canonical, Open Graph, JSON-LD, search and casing."""

import gzip
import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
import time_machine
from django.template import Context, Template
from django.utils import timezone, translation

from articles.models import Article
from core.languages import LANGUAGE_CODES
from tests.factories import make_article, make_articles, make_category, make_source

pytestmark = pytest.mark.django_db

SITEMAP_NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def head_links(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def canonical(html: str) -> str:
    return re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)


def test_article_page_has_hreflang_for_every_language_and_x_default(client):
    article = make_article(title_en="Docker images", title_tr="Docker imajları")
    html = client.get(article.get_absolute_url("tr")).content.decode()
    links = head_links(html)
    assert links["en"] == f"http://testserver{article.get_absolute_url('en')}"
    assert links["tr"] == f"http://testserver{article.get_absolute_url('tr')}"
    assert links["x-default"] == links["en"]
    assert canonical(html) == links["tr"]


def test_republished_article_is_canonical_at_its_source(client):
    article = make_article(source=make_source(), original_url="https://dev.to/a/docker-images")
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert canonical(html) == "https://dev.to/a/docker-images"


@pytest.mark.parametrize(
    "path", ["/en/", "/tr/", "/en/search/?q=docker", "/tr/ara/?q=docker", "/en/?page=2"]
)
def test_list_pages_have_canonical_and_alternates(client, path):
    make_articles(12, title_en="Docker news")
    html = client.get(path).content.decode()
    assert set(head_links(html)) == {*LANGUAGE_CODES, "x-default"}
    assert canonical(html).startswith("http://testserver/")
    if "page=2" in path:
        assert canonical(html).endswith("?page=2")


def test_category_page_alternates_use_each_languages_slug(client):
    category = make_category(slug_en="software", slug_tr="yazilim")
    html = client.get(category.get_absolute_url("en")).content.decode()
    links = head_links(html)
    assert links["tr"] == "http://testserver/tr/kategori/yazilim/"
    assert canonical(html) == "http://testserver/en/category/software/"


def test_open_graph_and_json_ld_on_article_pages(client):
    source = make_source(name="DEV Community", url="https://dev.to/")
    article = make_article(
        title_en="Images </script><script>alert(1)</script>",
        title_tr="İmajlar",
        source=source,
        original_url="https://dev.to/x/images",
    )
    html = client.get(article.get_absolute_url("tr")).content.decode()
    assert '<meta property="og:locale" content="tr_TR">' in html
    assert '<meta property="og:locale:alternate" content="en_GB">' in html
    assert '<meta property="og:type" content="article">' in html
    block = re.search(
        r'<script type="application/ld\+json" nonce="[^"]+">(.*?)</script>', html, re.S
    )
    data = json.loads(block.group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "İmajlar"
    assert data["inLanguage"] == "tr"
    assert data["isBasedOn"] == "https://dev.to/x/images"
    assert data["sourceOrganization"]["name"] == "DEV Community"
    assert "datePublished" in data and "dateModified" in data
    # The English title tries to close the script block; it must stay inside the JSON.
    english = client.get(article.get_absolute_url("en")).content.decode()
    assert "<script>alert(1)</script>" not in english


def parse_feed(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content)


def test_feeds_are_per_language_with_translated_titles_and_no_drafts(client):
    article = make_article(title_en="Docker images", title_tr="Docker imajları")
    draft = make_article(title_en="Secret draft", status=Article.Status.DRAFT)
    future = make_article(title_en="Tomorrow", published_at=timezone.now() + timedelta(days=1))
    english = parse_feed(client.get("/en/feed/"))
    turkish = parse_feed(client.get("/tr/akis/"))
    assert english.find("channel/language").text == "en"
    assert turkish.find("channel/language").text == "tr"
    english_titles = [item.findtext("title") for item in english.iter("item")]
    turkish_titles = [item.findtext("title") for item in turkish.iter("item")]
    assert english_titles == ["Docker images"]
    assert turkish_titles == ["Docker imajları"]
    assert turkish.find("channel/item/link").text.endswith(article.get_absolute_url("tr"))
    assert draft.title_en not in english_titles and future.title_en not in english_titles


def test_the_sitemap_is_cached_until_an_article_or_its_time_changes(client):
    article = make_article(title_en="Docker images")
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "miss"
    plain = client.get("/sitemap.xml")
    assert plain["X-Page-Cache"] == "hit"
    compressed = client.get("/sitemap.xml", HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    another = make_article(title_en="Another story")
    fresh = client.get("/sitemap.xml")
    assert fresh["X-Page-Cache"] == "miss"
    assert another.get_absolute_url("en") in fresh.content.decode()
    article.slug_en = "renamed-images"
    article.save()
    assert "/renamed-images/" in client.get("/sitemap.xml").content.decode()
    now = timezone.now()
    scheduled = make_article(title_en="Embargoed", published_at=now + timedelta(minutes=10))
    assert scheduled.public_id not in client.get("/sitemap.xml").content.decode()
    with time_machine.travel(now + timedelta(minutes=11)):
        assert scheduled.public_id in client.get("/sitemap.xml").content.decode()


def test_every_page_links_its_feed(client):
    html = client.get("/tr/").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/tr/akis/"' in html


def test_sitemap_lists_articles_and_categories_with_alternates(client):
    article = make_article(title_en="Docker images", title_tr="Docker imajları")
    draft = make_article(status=Article.Status.DRAFT)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = root.findall("sm:url", SITEMAP_NS)
    locations = [url.findtext("sm:loc", namespaces=SITEMAP_NS) for url in urls]
    en_url = f"http://testserver{article.get_absolute_url('en')}"
    tr_url = f"http://testserver{article.get_absolute_url('tr')}"
    assert en_url in locations and tr_url in locations
    assert not any(draft.public_id in loc for loc in locations)
    entry = urls[locations.index(en_url)]
    alternates = {
        link.get("hreflang"): link.get("href") for link in entry.findall("xhtml:link", SITEMAP_NS)
    }
    every = {code: f"http://testserver{article.get_absolute_url(code)}" for code in LANGUAGE_CODES}
    assert alternates == {**every, "en": en_url, "tr": tr_url, "x-default": en_url}
    assert entry.findtext("sm:lastmod", namespaces=SITEMAP_NS)
    category_url = f"http://testserver{article.category.get_absolute_url('tr')}"
    assert category_url in locations


def test_turkish_upper_casing_keeps_the_dotted_capital_i(client):
    template = Template("{% load broadsheet %}{{ value|upper_locale }}")
    with translation.override("tr"):
        assert template.render(Context({"value": "1 Haziran 2026"})) == "1 HAZİRAN 2026"
        assert template.render(Context({"value": "ılık"})) == "ILIK"
    with translation.override("en"):
        assert template.render(Context({"value": "1 June 2026"})) == "1 JUNE 2026"


@time_machine.travel("2026-06-01 10:00 +0000", tick=False)
def test_header_dateline_is_upper_cased_by_the_pages_language(client):
    assert "PAZARTESİ, 1 HAZİRAN 2026" in client.get("/tr/").content.decode()
    assert "MONDAY, 1 JUNE 2026" in client.get("/en/").content.decode()


def test_search_finds_articles_in_the_pages_language_and_keeps_the_query(client):
    make_article(title_en="Docker images", title_tr="Kapsayıcı imajları")
    make_article(title_en="Passkeys explained", title_tr="", body_en="WebAuthn at last")
    english = client.get("/en/search/", {"q": "docker"}).content.decode()
    assert "Docker images" in english
    assert "Passkeys" not in english
    assert 'value="docker"' in english
    turkish = client.get("/tr/ara/", {"q": "kapsayıcı"}).content.decode()
    assert "Kapsayıcı imajları" in turkish
    # Untranslated articles are found by their original text on the Turkish page.
    fallback = client.get("/tr/ara/", {"q": "webauthn"}).content.decode()
    assert "Passkeys explained" in fallback
    assert "1 makale bulundu" in fallback


def test_search_escapes_the_query_and_handles_empty_and_long_input(client):
    response = client.get("/en/search/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert client.get("/en/search/").status_code == 200
    assert client.get("/en/search/", {"q": "x" * 100_000}).status_code == 200


@pytest.mark.parametrize("count", [5, 60])
def test_feed_and_sitemap_query_counts_do_not_grow(client, django_assert_max_num_queries, count):
    make_articles(count)
    # The feed: one query more for every item's authors; the sitemap two for authors, tags.
    with django_assert_max_num_queries(4):
        assert client.get("/en/feed/").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/sitemap.xml").status_code == 200


def test_feed_items_carry_the_summary_in_the_feeds_language(client):
    from articles.models import SummaryState
    from articles.summaries.services import summary_record_edit

    article = make_article(title_en="Docker images", title_tr="Docker imajları")
    summary_record_edit(article=article, language="tr", text="Türkçe özet.")
    turkish = parse_feed(client.get("/tr/akis/"))
    assert turkish.find("channel/item/description").text == "Türkçe özet."
    english = parse_feed(client.get("/en/feed/"))
    # No English summary yet: the English feed falls back to the standfirst, never Turkish.
    assert english.find("channel/item/description").text == article.standfirst_en
    assert SummaryState.objects.filter(article=article, language="tr").exists()
