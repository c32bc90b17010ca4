"""What the newsroom sees in the article admin: columns, filters, links, language."""

import re
from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.articles.admin_helpers import change_url
from tests.factories import make_article, make_articles, make_category, make_source

pytestmark = pytest.mark.django_db

Status = Article.Status
CHANGELIST = "/en/admin/articles/article/"


def listed(response) -> list[str]:
    return [article.title_en for article in response.context["cl"].result_list]


def row_of(html: str, title: str) -> str:
    for row in re.findall(r"<tr>.*?</tr>", html, re.S):
        if title in row:
            return row
    raise AssertionError(f"{title} is not in the list")


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_list_shows_status_with_scheduled_apart_and_translation_coverage(client, editor):
    make_article(title_en="Live one", title_tr="Canlı", standfirst_tr="Spot", body_tr="Metin")
    make_article(title_en="Later one", published_at=timezone.now() + timedelta(hours=5))
    make_article(title_en="Rough one", status=Status.DRAFT, published_at=None, title_tr="Taslak")
    client.force_login(editor)
    html = client.get(CHANGELIST).content.decode()
    live = text(row_of(html, "Live one"))
    assert "Published" in live
    assert "EN original" in live
    assert "TR complete" in live
    later = text(row_of(html, "Later one"))
    assert "Scheduled" in later
    assert "Published" not in later
    assert "TR missing: title, standfirst, body" in later
    rough = text(row_of(html, "Rough one"))
    assert "Draft" in rough
    assert "TR missing: standfirst, body" in rough


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=scheduled", ["Later"]),
        ("status=live", ["Live", "Turkish original"]),
        ("status=review", ["Waiting"]),
        ("status=archived", ["Old"]),
        ("status=current", ["Later", "Live", "Waiting", "Turkish original"]),
        ("translation=tr_title", ["Later", "Old"]),
        ("translation=tr_missing", ["Later", "Waiting", "Old"]),
        ("translation=tr_complete", ["Live", "Turkish original"]),
        ("translation=en_missing", ["Turkish original"]),
        ("translation=en_title", []),
    ],
)
def test_filters(client, editor, query, expected):
    full_tr = {"standfirst_tr": "Spot", "body_tr": "Metin"}
    make_article(title_en="Live", title_tr="Canlı", **full_tr)
    make_article(title_en="Later", published_at=timezone.now() + timedelta(hours=5))
    make_article(title_en="Waiting", title_tr="Bekleyen", status=Status.REVIEW, published_at=None)
    make_article(title_en="Old", status=Status.ARCHIVED)
    make_article(
        title_en="Turkish original",
        original_language="tr",
        title_tr="Türkçe özgün",
        standfirst_en="",
        body_en="",
        **full_tr,
    )
    client.force_login(editor)
    response = client.get(f"{CHANGELIST}?{query}")
    assert response.status_code == 200
    assert sorted(listed(response)) == sorted(expected)


def test_filter_labels_name_the_language(client, editor):
    client.force_login(editor)
    html = client.get(CHANGELIST).content.decode()
    assert "Missing Turkish title" in html
    assert "Incomplete Turkish translation" in html
    assert "Scheduled" in html


def test_search_by_title_in_any_language_and_by_public_id(client, editor):
    wanted = make_article(title_en="Kubernetes basics", title_tr="Kubernetes temelleri")
    make_article(title_en="Something else")
    client.force_login(editor)
    for query in ("temelleri", "basics", wanted.public_id, wanted.public_id.lower()):
        assert listed(client.get(CHANGELIST, {"q": query})) == ["Kubernetes basics"]


def test_date_hierarchy_and_autocomplete_for_category_and_source(client, editor):
    category = make_category(name_en="Databases")
    make_source(name="Hacker News")
    make_article(category=category)
    client.force_login(editor)
    assert "published_at__year" in client.get(CHANGELIST).content.decode()
    found = client.get(
        "/en/admin/autocomplete/",
        {
            "term": "Datab",
            "app_label": "articles",
            "model_name": "article",
            "field_name": "category",
        },
    ).json()
    assert [item["text"] for item in found["results"]] == ["Databases"]
    found = client.get(
        "/en/admin/autocomplete/",
        {"term": "hack", "app_label": "articles", "model_name": "article", "field_name": "source"},
    ).json()
    assert [item["text"] for item in found["results"]] == ["Hacker News"]


@pytest.mark.parametrize("count", [5, 200])
def test_change_list_query_count_does_not_grow_with_rows(
    client, editor, django_assert_num_queries, count
):
    make_articles(count, title_tr="Başlık")
    make_articles(2, published_at=timezone.now() + timedelta(days=1))
    client.force_login(editor)
    # Session, user, two for permissions, category and source filters, two counts, the
    # page of rows, its summary states, two for the date hierarchy: the same for 7 rows
    # as for 100.
    with django_assert_num_queries(13):
        response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == min(count + 2, 100)


def test_view_on_site_only_for_articles_readers_can_see(client, editor):
    live = make_article()
    scheduled = make_article(published_at=timezone.now() + timedelta(hours=1))
    draft = make_article(status=Status.DRAFT, published_at=None)
    client.force_login(editor)
    page = client.get(change_url(live)).content.decode()
    assert f'href="{live.get_absolute_url("en")}" class="viewsitelink"' in page
    for article in (scheduled, draft):
        assert "viewsitelink" not in client.get(change_url(article)).content.decode()


def test_every_article_page_links_to_its_preview_in_each_language(client, editor):
    draft = make_article(status=Status.DRAFT, published_at=None)
    client.force_login(editor)
    page = client.get(change_url(draft)).content.decode()
    assert f'href="/en/preview/{draft.public_id}/" class="previewlink"' in page
    assert f'href="/tr/preview/{draft.public_id}/" class="previewlink"' in page
    assert "Preview in Turkish" in page


def test_every_translated_form_loads_the_language_switch_from_this_site(client, editor, admin_user):
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    for path in (
        "admin-extra/language_switch.js",
        "admin-extra/language_switch.css",
        "admin-extra/articles.css",
    ):
        assert f"/static/{path}" in page
        assert finders.find(path)
    # One switch for the form, not modeltranslation's tabs per field (nor jQuery UI).
    assert "tabbed_translation_fields.js" not in page and "jquery-ui" not in page
    assert '<script id="form-languages" type="application/json">' in page
    assert "<script>" not in page  # no inline code, so a strict CSP can forbid it
    client.force_login(admin_user)
    for name in ("articles_category", "articles_tag", "articles_author", "pages_page"):
        page = client.get(reverse(f"admin:{name}_add")).content.decode()
        assert "/static/admin-extra/language_switch.js" in page, name
        assert 'id="form-languages"' in page, name


def test_the_admin_speaks_turkish_under_tr(client, editor):
    make_article(title_en="Later", published_at=timezone.now() + timedelta(hours=5))
    client.force_login(editor)
    html = client.get("/tr/admin/articles/article/").content.decode()
    assert '<html lang="tr"' in html
    assert "Zamanlanmış" in html
    assert "Türkçe başlık eksik" in html
    assert "Seçili makaleleri şimdi yayımla" in html
    assert "TR eksik: başlık, spot, metin" in text(row_of(html, "Later"))
    # The tab marker's words come from the admin's JavaScript catalogue.
    assert "hatal\\u0131 alanlar var" in client.get("/tr/admin/jsi18n/").content.decode()


@pytest.mark.parametrize(
    "query",
    ["status=bogus", "translation=xx_missing", "translation=tr_", "translation=tr_bogus"],
)
def test_odd_filter_values_show_the_list_rather_than_fail(client, editor, query):
    make_article()
    client.force_login(editor)
    assert client.get(f"{CHANGELIST}?{query}").status_code in (200, 302)


def test_a_nul_character_in_the_admin_search_is_a_clear_400(client, editor):
    client.force_login(editor)
    assert client.get(f"{CHANGELIST}?q=%00").status_code == 400
