import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from articles.models import TranslationRecord
from articles.services import translation_mark_current
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def record(article, language="tr") -> TranslationRecord:
    return TranslationRecord.objects.get(article=article, language=language)


def test_a_new_translation_records_the_version_it_was_made_from():
    article = make_article(title_tr="Docker imajları")
    assert record(article).is_current
    assert not TranslationRecord.objects.filter(article=article, language="en").exists()


def test_changing_the_original_marks_the_translation_out_of_date():
    article = make_article(title_tr="Docker imajları")
    article.body_en = "A rewritten body."
    article.save()
    assert not record(article).is_current
    assert list(TranslationRecord.objects.out_of_date()) == [record(article)]


def test_editing_only_the_translation_does_not_touch_its_state():
    article = make_article(title_tr="Docker imajları")
    article.body_en = "Changed original."
    article.save()
    article.body_tr = "Değişen çeviri."
    article.save()
    assert not record(article).is_current


def test_a_translator_marks_it_current_explicitly():
    article = make_article(title_tr="Docker imajları")
    article.standfirst_en = "New standfirst."
    article.save()
    translator = get_user_model().objects.create_user("ceviri", password="x")
    translation_mark_current(article=article, language="tr", user=translator)
    assert record(article).is_current
    assert record(article).marked_current_by == translator


def test_marking_the_original_or_a_missing_translation_is_refused():
    article = make_article(title_tr="")
    with pytest.raises(ValidationError):
        translation_mark_current(article=article, language="en", user=None)
    with pytest.raises(ValidationError):
        translation_mark_current(article=article, language="tr", user=None)


def test_admin_lists_out_of_date_translations_for_translators(admin_client):
    stale = make_article(title_en="Stale one", title_tr="Eski", standfirst_tr="S", body_tr="M")
    make_article(title_en="Fresh one", title_tr="Taze", standfirst_tr="S", body_tr="M")
    stale.body_en = "Changed."
    stale.save()
    response = admin_client.get("/en/admin/articles/article/", {"translation": "tr_stale"})
    html = response.content.decode()
    assert "Stale one" in html and "Fresh one" not in html
    assert "TR out of date" in html
    response = admin_client.post(
        "/en/admin/articles/article/",
        {"action": "mark_translations_current", "_selected_action": [stale.pk]},
        follow=True,
    )
    assert "1 translation marked as up to date." in response.content.decode()
    assert record(stale).is_current
