from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from core.languages import LANGUAGE_CODES
from tests.factories import make_article, make_articles, make_category, make_source
from tests.languages import UNCONFIGURED

pytestmark = pytest.mark.django_db


def test_root_redirects_by_accept_language(client):
    response = client.get("/", headers={"accept-language": "tr-TR,tr;q=0.9,en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/tr/"
    response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert response["Location"] == "/en/"


def test_root_defaults_to_english_for_other_languages(client):
    response = client.get("/", headers={"accept-language": f"{UNCONFIGURED}-XX"})
    assert response["Location"] == "/en/"


def test_home_lists_published_articles_with_their_metadata(client):
    article = make_article(
        title_en="Docker images explained", standfirst_en="Layers, tags and containers."
    )
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Docker images explained" in html
    assert "Layers, tags and containers." in html
    assert article.category.name_en in html
    assert "1 min read" in html
    assert article.get_absolute_url("en") in html


def test_drafts_future_and_review_articles_are_hidden_everywhere(client):
    hidden = [
        make_article(status=Article.Status.DRAFT, title_en="Secret draft"),
        make_article(status=Article.Status.REVIEW, title_en="Under review"),
        make_article(published_at=timezone.now() + timedelta(days=1), title_en="Tomorrow"),
    ]
    home = client.get("/en/").content.decode()
    for article in hidden:
        assert article.title_en not in home
        for language in LANGUAGE_CODES:
            assert client.get(article.get_absolute_url(language)).status_code == 404
        assert client.get(f"/a/{article.public_id}/").status_code == 404
        category = client.get(article.category.get_absolute_url("en")).content.decode()
        assert article.title_en not in category


def test_article_page_shows_everything_a_reader_expects(client):
    source = make_source(name="DEV Community")
    published = timezone.make_aware(timezone.datetime(2026, 6, 1, 16, 3))
    article = make_article(
        title_en="Images and containers",
        standfirst_en="Two words people mix up.",
        body_en="## Layers\n\n```python\nprint('hi')\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        source=source,
        original_url="https://dev.to/someone/images-and-containers",
        published_at=published,
    )
    response = client.get(article.get_absolute_url("en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 June 2026 · 16:03" in html
    assert "Images and containers" in html
    assert "Two words people mix up." in html
    assert 'href="https://dev.to/someone/images-and-containers"' in html
    assert "DEV Community" in html
    assert "1 min read" in html
    assert "0 comments" in html
    assert f"#{article.public_id}" in html
    assert '<h2 id="section-layers">Layers</h2>' in html
    assert 'class="codehilite"' in html
    assert "<table>" in html


def test_turkish_article_page_is_localized(client):
    published = timezone.make_aware(timezone.datetime(2026, 6, 1, 16, 3))
    article = make_article(title_tr="İmajlar ve kapsayıcılar", published_at=published)
    html = client.get(article.get_absolute_url("tr")).content.decode()
    assert '<html lang="tr"' in html
    assert "1 Haziran 2026 · 16:03" in html
    assert "İmajlar ve kapsayıcılar" in html
    assert "1 dk okuma" in html
    assert "0 yorum" in html


def test_untranslated_text_is_marked_with_its_own_language(client):
    article = make_article(title_en="Only in English", title_tr="", standfirst_tr="")
    html = client.get(article.get_absolute_url("tr")).content.decode()
    assert '<h1 lang="en">Only in English</h1>' in html


def test_turkish_page_uses_the_turkish_slug_and_redirects_foreign_slugs(client):
    article = make_article(title_en="Docker images", title_tr="Docker imajları")
    with translation.override("tr"):
        turkish_url = article.get_absolute_url()
    assert "docker-imajlari" in turkish_url
    wrong = turkish_url.replace("docker-imajlari", "docker-images")
    response = client.get(wrong)
    assert response.status_code == 301
    assert response["Location"] == turkish_url


def test_language_switcher_keeps_the_reader_on_the_same_article(client):
    article = make_article(title_en="Docker images", title_tr="Docker imajları")
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert f'href="{article.get_absolute_url("tr")}" hreflang="tr"' in html
    html = client.get(article.get_absolute_url("tr")).content.decode()
    assert f'href="{article.get_absolute_url("en")}" hreflang="en"' in html


def test_language_switcher_on_category_pages_uses_each_languages_slug(client):
    category = make_category(slug_en="software", slug_tr="yazilim")
    make_article(category=category)
    html = client.get("/en/category/software/").content.decode()
    assert 'href="/tr/kategori/yazilim/"' in html
    assert client.get("/tr/kategori/yazilim/").status_code == 200
    assert client.get("/tr/kategori/software/").status_code == 301


def test_category_page_lists_only_its_articles(client):
    mine, other = make_category(), make_category()
    make_article(category=mine, title_en="In this category")
    make_article(category=other, title_en="Somewhere else")
    html = client.get(mine.get_absolute_url("en")).content.decode()
    assert "In this category" in html
    assert "Somewhere else" not in html


def test_short_link_redirects_to_the_article_in_the_readers_language(client):
    article = make_article(title_tr="Türkçe başlık")
    response = client.get(f"/a/{article.public_id}/", headers={"accept-language": "tr"})
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url("tr")
    lower = client.get(f"/a/{article.public_id.lower()}/", headers={"accept-language": "en"})
    assert lower["Location"] == article.get_absolute_url("en")


def test_home_is_paginated_newest_first(client):
    articles = make_articles(12)
    newest = max(articles, key=lambda a: a.published_at)
    oldest = min(articles, key=lambda a: a.published_at)
    first = client.get("/en/").content.decode()
    # Page 1's stories (lead and cards) stop before the oldest; the category section
    # below them may show it.
    top = first.split('class="category-section"')[0]
    assert newest.title_en in top and oldest.title_en not in top
    second = client.get("/en/?page=2").content.decode()
    assert oldest.title_en in second


@pytest.mark.parametrize("page", ["0", "-1", "999999", "abc"])
def test_bad_page_numbers_are_404_not_500(client, page):
    make_articles(3)
    assert client.get(f"/en/?page={page}").status_code == 404


def test_unknown_pages_get_a_localized_404(client):
    response = client.get("/tr/boyle-bir-sayfa-yok/")
    assert response.status_code == 404
    assert "Sayfa bulunamadı" in response.content.decode()
    assert client.get("/xx/").status_code == 404


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Disallow: /en/admin/" in body and "Disallow: /tr/preview/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.parametrize("count", [5, 60])
def test_home_page_query_count_does_not_grow(client, django_assert_max_num_queries, count):
    make_articles(count)
    with django_assert_max_num_queries(11):  # 10 while no category section shows
        assert client.get(reverse("articles:home")).status_code == 200


@pytest.mark.parametrize("count", [5, 60])
def test_article_page_query_count_does_not_grow(client, django_assert_max_num_queries, count):
    article = make_articles(count)[0]
    # The article, its authors and tags, which articles "More in" shows, then their cards
    # and authors (read after their tokens: articles.views.ReadingOn), its comments, the
    # menu, the next scheduled time ("Related" needs tags: tests/articles/test_authors_tags).
    with django_assert_max_num_queries(11):
        assert client.get(article.get_absolute_url("en")).status_code == 200
