from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from articles.models import Article
from articles.services import (
    article_archive,
    article_publish,
    article_send_to_review,
    article_unpublish,
)
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

Status = Article.Status


def history(article) -> list[str]:
    entries = LogEntry.objects.filter(object_id=str(article.pk)).order_by("action_time", "pk")
    return [entry.get_change_message() for entry in entries]


def test_publishing_makes_an_article_visible_now_and_records_who(editor):
    article = make_article(status=Status.REVIEW, published_at=None)
    article_publish(article=article, user=editor)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.published_at <= timezone.now()
    assert Article.objects.published().filter(pk=article.pk).exists()
    entry = LogEntry.objects.get(object_id=str(article.pk))
    assert entry.user == editor
    assert entry.get_change_message() == "Changed status (published) and publication time."


def test_publishing_with_a_future_time_schedules(editor):
    article = make_article(status=Status.DRAFT, published_at=None)
    at = timezone.now() + timedelta(minutes=10)
    article_publish(article=article, user=editor, at=at)
    article.refresh_from_db()
    assert article.is_scheduled
    assert article.published_at == at
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert history(article) == ["Changed status (scheduled) and publication time."]


def test_history_is_shown_in_the_readers_language(editor):
    article = make_article(status=Status.DRAFT, published_at=None)
    article_send_to_review(article=article, user=editor)
    with translation.override("tr"):
        assert history(article) == ["Durum (incelemeye gönderildi) değiştirildi."]


def test_publishing_a_scheduled_article_brings_it_forward(editor):
    article = make_article(published_at=timezone.now() + timedelta(days=1))
    article_publish(article=article, user=editor)
    article.refresh_from_db()
    assert article.is_published


def test_an_article_already_live_cannot_be_published_again(editor):
    article = make_article()
    with pytest.raises(ValidationError, match="already published"):
        article_publish(article=article, user=editor)


def test_an_article_without_original_title_or_body_cannot_be_published(editor):
    article = make_article(
        status=Status.DRAFT,
        published_at=None,
        original_language="tr",
        title_tr="Başlık",
        body_tr="",
    )
    with pytest.raises(ValidationError) as error:
        article_publish(article=article, user=editor)
    assert error.value.messages == ["A published article needs a body in its original language."]
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize(
    "service", [article_publish, article_unpublish, article_archive], ids=lambda f: f.__name__
)
def test_only_publishers_may_publish_unpublish_or_archive(roles, translator, moderator, service):
    writer = make_user(permissions=["articles.view_article", "articles.change_article"])
    article = make_article(status=Status.REVIEW, published_at=None)
    if service is article_unpublish:
        article = make_article()
    for user in (writer, translator, moderator):
        with pytest.raises(PermissionDenied):
            service(article=article, user=user)
    article.refresh_from_db()
    assert article.status in (Status.REVIEW, Status.PUBLISHED)
    assert not LogEntry.objects.exists()


def test_sending_to_review_needs_edit_rights_and_a_draft(roles, translator):
    writer = make_user(permissions=["articles.view_article", "articles.change_article"])
    article = make_article(status=Status.DRAFT, published_at=None)
    with pytest.raises(PermissionDenied):
        article_send_to_review(article=article, user=translator)
    article_send_to_review(article=article, user=writer)
    assert Article.objects.get(pk=article.pk).status == Status.REVIEW
    with pytest.raises(ValidationError, match="Only drafts"):
        article_send_to_review(article=article, user=writer)


def test_unpublishing_takes_live_and_scheduled_articles_off_the_site(editor):
    live = make_article()
    scheduled = make_article(published_at=timezone.now() + timedelta(hours=2))
    for article in (live, scheduled):
        article_unpublish(article=article, user=editor)
        article.refresh_from_db()
        assert article.status == Status.DRAFT
        assert article.published_at is None
    assert not Article.objects.published().exists()
    with pytest.raises(ValidationError):
        article_unpublish(article=live, user=editor)


def test_archiving_keeps_the_publication_time_but_hides_the_article(editor):
    article = make_article()
    published_at = article.published_at
    article_archive(article=article, user=editor)
    article.refresh_from_db()
    assert article.status == Status.ARCHIVED
    assert article.published_at == published_at
    assert not Article.objects.published().exists()
    assert history(article) == ["Changed status (archived)."]
    with pytest.raises(ValidationError):
        article_archive(article=article, user=editor)
