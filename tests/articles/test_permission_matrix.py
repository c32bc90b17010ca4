"""Every newsroom role against every action, through the admin as a browser would use it.

Each attempt sends the real request (form POST or bulk action) and then looks in the
database: a forbidden action must have no effect whatever the page shows.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Category
from tests.articles.admin_helpers import change_url, post_change, run_action
from tests.factories import make_article, make_category, make_user

pytestmark = pytest.mark.django_db

Status = Article.Status


def draft(**fields):
    return make_article(status=Status.DRAFT, published_at=None, **fields)


def view_list(client):
    return client.get(reverse("admin:articles_article_changelist")).status_code == 200


def view_article(client):
    return client.get(change_url(draft())).status_code == 200


def preview_draft(client):
    article = draft(title_en="Embargoed draft")
    response = client.get(f"/en/preview/{article.public_id}/")
    return response.status_code == 200 and "Embargoed draft" in response.content.decode()


def add_article(client):
    category = make_category()
    data = {
        "title_en": "A brand new article",
        "body_en": "Text.",
        "category": category.pk,
        "original_language": "en",
        "status": Status.DRAFT,
        "_save": "Save",
    }
    client.post(reverse("admin:articles_article_add"), data)
    return Article.objects.filter(title_en="A brand new article").exists()


def edit_original_language(client):
    article = draft()
    post_change(client, article, title_en="Rewritten title", body_en="Rewritten body.")
    article.refresh_from_db()
    return article.title_en == "Rewritten title" or article.body_en == "Rewritten body."


def edit_translation(client):
    article = draft()
    post_change(client, article, title_tr="Türkçe başlık", body_tr="Türkçe metin.")
    article.refresh_from_db()
    return article.title_tr == "Türkçe başlık" and article.body_tr == "Türkçe metin."


def edit_original_of_turkish_article(client):
    article = draft(original_language="tr", title_tr="Özgün başlık", body_tr="Özgün metin.")
    post_change(client, article, title_tr="Değiştirilmiş başlık")
    article.refresh_from_db()
    return article.title_tr == "Değiştirilmiş başlık"


def translate_turkish_article_into_english(client):
    article = draft(original_language="tr", title_tr="Özgün başlık", body_tr="Özgün metin.")
    post_change(client, article, title_en="English title")
    article.refresh_from_db()
    return article.title_en == "English title"


def edit_metadata(client):
    article = draft()
    other = make_category()
    post_change(client, article, category=other.pk, original_url="https://example.com/x")
    article.refresh_from_db()
    return article.category_id == other.pk or article.original_url == "https://example.com/x"


def change_status_by_form(client):
    article = draft()
    post_change(client, article, status=Status.REVIEW)
    article.refresh_from_db()
    return article.status == Status.REVIEW


def send_to_review(client):
    article = draft()
    run_action(client, "send_to_review", article)
    article.refresh_from_db()
    return article.status == Status.REVIEW


def publish(client):
    article = make_article(status=Status.REVIEW, published_at=None)
    run_action(client, "publish", article)
    article.refresh_from_db()
    return article.is_published


def schedule(client):
    article = make_article(status=Status.REVIEW, published_at=None)
    post_change(
        client,
        article,
        status=Status.PUBLISHED,
        published_at=timezone.now() + timedelta(hours=1),
    )
    article.refresh_from_db()
    return article.is_scheduled


def unpublish(client):
    article = make_article()
    run_action(client, "unpublish", article)
    article.refresh_from_db()
    return not article.is_published


def archive(client):
    article = make_article()
    run_action(client, "archive", article)
    article.refresh_from_db()
    return article.status == Status.ARCHIVED


def delete(client):
    article = draft()
    client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    return not Article.objects.filter(pk=article.pk).exists()


def _post_category(client, category, **changes):
    data = {
        "name_en": category.name_en,
        "name_tr": category.name_tr or "",
        "slug_en": category.slug_en,
        "slug_tr": category.slug_tr or "",
        "position": category.position,
        "_save": "Save",
        **changes,
    }
    return client.post(change_url(category), data)


def translate_category(client):
    category = make_category(name_tr="", slug_tr="")
    _post_category(client, category, name_tr="Bulut", slug_tr="bulut")
    category.refresh_from_db()
    return category.name_tr == "Bulut"


def edit_category_original(client):
    category = make_category()
    _post_category(client, category, name_en="Cloud", position=7)
    category.refresh_from_db()
    return category.name_en == "Cloud" or category.position == 7


def reorder_categories_in_list(client):
    category = make_category(position=1)
    client.post(
        reverse("admin:articles_category_changelist"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": category.pk,
            "form-0-position": "9",
            "_save": "Save",
        },
    )
    category.refresh_from_db()
    return category.position == 9


def delete_category(client):
    category = make_category()
    client.post(reverse("admin:articles_category_delete", args=[category.pk]), {"post": "yes"})
    return not Category.objects.filter(pk=category.pk).exists()


ROLES = ["Editors", "Moderators", "Translators", None]

# action: allowed for (Editors, Moderators, Translators, staff without a role)
MATRIX = {
    view_list: (True, True, True, False),
    view_article: (True, True, True, False),
    preview_draft: (True, False, True, False),
    add_article: (True, False, False, False),
    edit_original_language: (True, False, False, False),
    edit_translation: (True, False, True, False),
    edit_original_of_turkish_article: (True, False, False, False),
    translate_turkish_article_into_english: (True, False, True, False),
    edit_metadata: (True, False, False, False),
    change_status_by_form: (True, False, False, False),
    send_to_review: (True, False, False, False),
    publish: (True, False, False, False),
    schedule: (True, False, False, False),
    unpublish: (True, False, False, False),
    archive: (True, False, False, False),
    delete: (True, False, False, False),
    translate_category: (True, False, True, False),
    edit_category_original: (True, False, False, False),
    reorder_categories_in_list: (True, False, False, False),
    delete_category: (True, False, False, False),
}

CASES = [
    pytest.param(role, action, allowed[index], id=f"{role or 'no role'}-{action.__name__}")
    for action, allowed in MATRIX.items()
    for index, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("role", "action", "allowed"), CASES)
def test_permission_matrix(client, roles, role, action, allowed):
    client.force_login(make_user(groups=[role] if role else []))
    assert action(client) is allowed
