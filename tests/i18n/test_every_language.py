"""What every configured language gets, however many there are: the CI run with a third
language (German, untranslated: README, "Adding a language") runs these with three."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import resolve, reverse
from django.utils import translation

from core.languages import LANGUAGE_CODES
from pages.models import Page
from tests.factories import make_article, make_author, make_tag
from tests.languages import OTHER_LANGUAGES

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NAMED_URLS = [
    ("articles:home", {}),
    ("articles:feed", {}),
    ("articles:search", {}),
    ("articles:category", {"slug": "x"}),
    ("articles:tag", {"slug": "x"}),
    ("articles:author", {"slug": "x"}),
    ("articles:author_feed", {"slug": "x"}),
    ("articles:detail", {"public_id": "ABC123", "slug": "x"}),
    ("pages:detail", {"slug": "x"}),
]


def head_links(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switcher(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'href="([^"]*)" hreflang="([^"]+)"', nav))


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_each_address_resolves_to_its_own_view(language):
    """Translated URL words (or the English ones a language without a catalogue falls
    back to) never make one pattern shadow another."""
    with translation.override(language):
        for name, kwargs in NAMED_URLS:
            url = reverse(name, kwargs=kwargs)
            assert url.startswith(f"/{language}/"), url
            match = resolve(url)
            assert f"{match.namespace}:{match.url_name}" == name, url


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_an_untranslated_article_is_read_in_english_under_each_language(client, language):
    article = make_article(title_en="Docker images explained", original_language="en")
    url = article.get_absolute_url(language)
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    # The English text is marked as English for screen readers.
    assert re.search(r'<h1[^>]* lang="en"[^>]*>\s*Docker images explained', html), html[:3000]
    assert set(head_links(html)) == {*LANGUAGE_CODES, "x-default"}
    assert set(switcher(html).values()) == set(LANGUAGE_CODES) - {language}
    # Every language's own page in the switcher answers.
    for href in switcher(html):
        assert client.get(href).status_code == 200, href
    home = client.get(f"/{language}/").content.decode()
    assert "Docker images explained" in home


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_a_translation_gets_its_own_slug_and_the_english_one_redirects(client, language):
    article = make_article(title_en="Shared title", **{f"title_{language}": "Eigener Titel"})
    url = article.get_absolute_url(language)
    assert url.endswith("/eigener-titel/")
    assert client.get(url).status_code == 200
    english_slug = url.replace("eigener-titel", "shared-title")
    response = client.get(english_slug)
    assert (response.status_code, response["Location"]) == (301, url)


def test_the_sitemap_lists_every_language_of_every_item(client):
    article = make_article()
    tag = make_tag()
    article.tags.add(tag)
    article.authors.add(make_author())
    page = Page.objects.create(
        title_en="About", body_en="Who we are.", slug_en="about", status=Page.Status.PUBLISHED
    )
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {url.findtext("sm:loc", namespaces=SITEMAP_NS) for url in root}
    for language in LANGUAGE_CODES:
        for item in (article, article.category, tag, page):
            assert f"http://testserver{item.get_absolute_url(language)}" in locations


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_each_language_has_its_feed_and_open_graph_locale(client, settings, language):
    make_article(title_en="Feed item")
    html = client.get(f"/{language}/").content.decode()
    current = settings.BROADSHEET_OG_LOCALES[language]
    assert f'<meta property="og:locale" content="{current}">' in html
    alternates = re.findall(r'<meta property="og:locale:alternate" content="([^"]+)">', html)
    assert sorted(alternates) == sorted(
        settings.BROADSHEET_OG_LOCALES[code] for code in LANGUAGE_CODES if code != language
    )
    with translation.override(language):
        feed_url = reverse("articles:feed")
    response = client.get(feed_url)
    assert response.status_code == 200
    assert b"Feed item" in response.content


def test_the_admin_form_has_a_tab_for_every_language(admin_client):
    article = make_article()
    html = admin_client.get(f"/en/admin/articles/article/{article.pk}/change/").content.decode()
    for language in LANGUAGE_CODES:
        for field in ("title", "standfirst", "body", "summary"):
            assert f'name="{field}_{language}"' in html, f"{field}_{language}"
