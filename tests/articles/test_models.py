import pytest
from django.db import IntegrityError
from django.utils import translation

from articles import public_ids
from articles.models import Article, IssuedPublicId
from articles.rendering import reading_minutes
from articles.text import ascii_slug
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_public_id_is_six_uppercase_letters_or_digits_and_stable():
    article = make_article()
    assert public_ids.is_valid(article.public_id)
    first = article.public_id
    article.title_en = "A new title"
    article.save()
    article.refresh_from_db()
    assert article.public_id == first


def test_public_ids_are_unique_across_many_articles():
    ids = {make_article().public_id for _ in range(60)}
    assert len(ids) == 60


def test_public_id_of_a_deleted_article_is_never_issued_again(monkeypatch):
    article = make_article()
    taken = article.public_id
    article.delete()
    candidates = iter([taken, taken, "ZZZ999"])
    monkeypatch.setattr(public_ids, "random_public_id", lambda: next(candidates))
    assert make_article().public_id == "ZZZ999"
    assert IssuedPublicId.objects.filter(code=taken).exists()


def test_public_id_unique_in_the_database():
    article = make_article()
    other = make_article()
    other.public_id = article.public_id
    with pytest.raises(IntegrityError):
        Article.objects.filter(pk=other.pk).update(public_id=article.public_id)


def test_reading_time_is_computed_from_the_original_body_and_updated_on_save():
    article = make_article(body_en="word " * 50)
    assert article.reading_time == 1
    article.body_en = "word " * 1000
    article.save()
    assert Article.objects.get(pk=article.pk).reading_time == 5


def test_reading_time_counts_words_not_characters():
    assert reading_minutes("") == 1
    assert reading_minutes("kelime " * 600) == 3


def test_published_requires_a_publication_time():
    with pytest.raises(IntegrityError):
        make_article(status=Article.Status.PUBLISHED, published_at=None)


def test_turkish_slug_keeps_dotless_i_readable():
    assert ascii_slug("Kapsayıcı imajları ve İstanbul") == "kapsayici-imajlari-ve-istanbul"


def test_slug_is_filled_per_language_from_the_title():
    article = make_article(title_en="Docker images", title_tr="Docker imajları")
    assert article.slug_en == "docker-images"
    assert article.slug_tr == "docker-imajlari"


def test_missing_translation_falls_back_to_the_original_language_and_says_so():
    article = make_article(title_en="Docker images", title_tr="", standfirst_tr="Türkçe özet")
    with translation.override("tr"):
        assert article.local.title == "Docker images"
        assert article.local.title.lang == "en"
        assert article.local.standfirst == "Türkçe özet"
        assert article.local.standfirst.lang == "tr"


def test_turkish_original_falls_back_to_turkish():
    article = make_article(
        original_language="tr", title_en="", title_tr="Yerel haber", body_tr="Metin"
    )
    with translation.override("en"):
        assert article.local.title == "Yerel haber"
        assert article.local.title.lang == "tr"
