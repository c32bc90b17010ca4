"""Footer pages: published ones in every page's footer, in the reader's language, at
their translated addresses, in the sitemap; drafts nowhere; the demo's three pages."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from pages.models import Page
from tests.articles.admin_helpers import change_url
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def make_page(**fields) -> Page:
    defaults = {
        "title_en": "About us",
        "title_tr": "Hakkımızda",
        "body_en": "We write **news**.",
        "body_tr": "**Haber** yazarız.",
        "status": Page.Status.PUBLISHED,
    }
    return Page.objects.create(**{**defaults, **fields})


def footer(client, path: str) -> str:
    page = client.get(path).content.decode()
    return page.split('<footer class="site-footer">')[1]


def test_a_published_page_is_in_every_footer_in_the_readers_language(client):
    page = make_page()
    article = make_article()
    assert page.get_absolute_url("en") == "/en/pages/about-us/"
    assert page.get_absolute_url("tr") == "/tr/sayfalar/hakkimizda/"
    for path in ("/en/", article.get_absolute_url("en"), "/en/search/"):
        assert '<a href="/en/pages/about-us/">About us</a>' in footer(client, path)
    assert '<a href="/tr/sayfalar/hakkimizda/">Hakkımızda</a>' in footer(client, "/tr/")
    assert "/tr/akis/" in footer(client, "/tr/") or "RSS" in footer(client, "/tr/")


def test_the_page_renders_its_markdown_and_links_its_other_language(client):
    page = make_page(body_en="We write **news**.\n\n<script>alert(1)</script>")
    html = client.get(page.get_absolute_url("en")).content.decode()
    assert "<h1" in html and "About us" in html
    assert "<strong>news</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert 'hreflang="tr" href="http://testserver/tr/sayfalar/hakkimizda/"' in html


def test_a_foreign_slug_redirects_and_an_untranslated_page_says_so(client):
    page = make_page(title_tr="", body_tr="")
    response = client.get("/tr/sayfalar/about-us/")
    assert response.status_code == 200  # No Turkish slug: the English one serves both.
    html = response.content.decode()
    assert "Henüz Türkçe diline çevrilmedi" in html and 'lang="en"' in html
    translated = make_page(title_en="Contact", title_tr="İletişim", slug_en="", slug_tr="")
    response = client.get("/tr/sayfalar/contact/")
    assert response.status_code == 301
    assert response["Location"] == translated.get_absolute_url("tr")
    assert page.get_absolute_url("tr") == "/tr/sayfalar/about-us/"


def test_drafts_are_404_and_absent_from_footer_and_sitemap(client):
    draft = make_page(status=Page.Status.DRAFT, title_en="Secret plans", slug_en="plans")
    assert client.get("/en/pages/plans/").status_code == 404
    assert "Secret plans" not in footer(client, "/en/")
    assert "/en/pages/plans/" not in client.get("/sitemap.xml").content.decode()
    draft.status = Page.Status.PUBLISHED
    draft.save()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/en/pages/plans/" in sitemap


def test_editing_a_page_renews_cached_pages(client, settings):
    page = make_page()
    assert "About us" in footer(client, "/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    page.title_en = "About Broadsheet"
    page.save()
    assert "About Broadsheet" in footer(client, "/en/")
    page.delete()
    assert "About Broadsheet" not in footer(client, "/en/")


def test_slugs_are_unique_across_languages_with_a_form_message(client, editor):
    make_page(slug_en="about", slug_tr="hakkinda")
    client.force_login(editor)
    response = client.post(
        reverse("admin:pages_page_add"),
        {
            "title_en": "Another",
            "slug_en": "hakkinda",
            "body_en": "Text.",
            "status": "published",
            "position": 1,
        },
    )
    assert response.status_code == 200
    assert "is already the Turkish slug of the page" in response.content.decode()


def test_editors_edit_pages_with_one_language_switch(client, editor):
    page = make_page()
    client.force_login(editor)
    response = client.get(change_url(page))
    html = response.content.decode()
    assert 'name="title_en"' in html and 'name="title_tr"' in html
    assert "admin-extra/language_switch.js" in html
    fields = response.context["form_languages"]["fields"]
    assert {"title_tr", "slug_tr", "body_tr"} == set(fields["tr"])


def test_load_demo_loads_about_contact_and_privacy_in_both_languages(client):
    call_command("load_demo", verbosity=0)
    slugs = list(Page.objects.published().values_list("slug_en", "slug_tr"))
    assert slugs == [("about", "hakkinda"), ("contact", "iletisim"), ("privacy", "gizlilik")]
    privacy = client.get("/en/pages/privacy/").content.decode()
    for fact in ("salted hash", "optional", "30 days", "csrftoken", "no analytics", "KVKK"):
        assert fact in privacy, fact
    gizlilik = client.get("/tr/sayfalar/gizlilik/").content.decode()
    for fact in ("tuzlanmış", "isteğe bağlı", "30 gün", "csrftoken", "KVKK"):
        assert fact in gizlilik, fact
    assert '<a href="/tr/sayfalar/gizlilik/">Gizlilik bildirimi</a>' in footer(client, "/tr/")
    call_command("load_demo", verbosity=0)  # again: the pages are updated, not doubled
    assert Page.objects.count() == 3


@pytest.mark.parametrize("count", [1, 6])
def test_the_footer_costs_one_query_whatever_the_number_of_pages(
    client, django_assert_num_queries, count
):
    for n in range(count):
        make_page(title_en=f"Page {n}", title_tr=f"Sayfa {n}", slug_en="", slug_tr="")
    page = Page.objects.first()
    # The page, the footer's pages, the menu, the next scheduled time.
    with django_assert_num_queries(4):
        assert client.get(page.get_absolute_url("en")).status_code == 200
