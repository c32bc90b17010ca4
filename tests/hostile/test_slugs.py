"""Slugs are unique across languages: a translator cannot take another category's address."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.models import Category
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db


def test_a_translated_slug_cannot_take_another_categorys_address():
    software = make_category(slug_en="software", slug_tr="yazilim")
    security = make_category(slug_en="security", slug_tr="guvenlik")
    security.slug_tr = "software"
    with pytest.raises(ValidationError) as error:
        security.full_clean()
    message = " ".join(error.value.messages)
    assert "software" in message and str(software) in message
    assert "slug_tr" in error.value.message_dict


def test_two_categories_cannot_share_a_slug_in_the_database():
    make_category(slug_en="software", slug_tr="yazilim")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_category(slug_en="software", slug_tr="baska")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_category(slug_en="other", slug_tr="yazilim")


def test_one_category_may_use_the_same_slug_in_both_languages():
    make_category(slug_en="docker", slug_tr="docker").full_clean()


def post_category(client, category, language: str, **slugs):
    return client.post(
        f"/{language}/admin/articles/category/{category.pk}/change/",
        {"name_en": category.name_en, "name_tr": category.name_tr, "position": 0, **slugs},
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "is already the English slug of the category"), ("tr", "kategorisinin İngilizce")],
)
def test_the_admin_form_names_the_conflict(admin_client, language, expected):
    software = make_category(slug_en="software", slug_tr="yazilim", name_en="Software")
    security = make_category(slug_en="security", slug_tr="guvenlik")
    response = post_category(
        admin_client, security, language, slug_en="security", slug_tr="software"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    assert "software" in html and software.name_en in html
    security.refresh_from_db()
    assert security.slug_tr == "guvenlik"


def test_the_category_page_prefers_the_slug_of_its_own_language(client):
    """Rows made before the check (or by ``update()``) still cannot hijack an address."""
    software = make_category(slug_en="software", slug_tr="yazilim", position=5)
    hijacker = make_category(slug_en="other", slug_tr="diger", position=0)
    Category.objects.filter(pk=hijacker.pk).update(slug_tr="software")
    make_article(category=software, title_en="About software")
    response = client.get("/en/category/software/")
    assert response.status_code == 200
    assert "About software" in response.content.decode()
    # A slug of another language still leads to this language's address.
    assert client.get("/en/category/yazilim/").url == "/en/category/software/"


def test_an_articles_slug_cannot_repeat_another_articles_slug():
    first = make_article(title_en="Docker images", slug_en="docker-images")
    second = make_article(title_en="Something else", slug_en="something-else")
    second.slug_tr = "docker-images"
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "slug_tr" in error.value.message_dict
    assert first.public_id in " ".join(error.value.messages)


def test_articles_sharing_a_title_still_save_and_edit():
    """Slugs filled from the title may repeat (the address carries the public ID): only a
    slug someone types is checked, so an older pair does not block later edits."""
    first = make_article(title_en="Weekly roundup")
    second = make_article(title_en="Weekly roundup")
    assert first.slug_en == second.slug_en == "weekly-roundup"
    second.body_en = "Edited."
    second.full_clean()
