import pytest
from django.db import DataError, IntegrityError, transaction

from comments.models import Comment
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db


def _violates(**fields) -> bool:
    try:
        with transaction.atomic():
            make_comment(**fields)
    except (IntegrityError, DataError):  # DataError: PostgreSQL's varchar length
        return True
    return False


def test_storage_is_bounded_by_a_database_constraint():
    """1200 characters as readers count them may take several code points each (the form
    checks that); the database bounds what is stored at four code points a character."""
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one character, five code points
    assert not _violates(text="😀" * 4800)  # counted in code points, not bytes
    assert not _violates(text=family * 960)
    assert _violates(text="x" * 4801)


def test_statuses_are_a_database_constraint():
    for status in Comment.Status.values:
        assert not _violates(status=status)
    assert _violates(status="published")
    assert _violates(status="")


def test_empty_and_overlong_names_and_texts_are_refused_by_the_database():
    assert _violates(name="")
    assert _violates(text="")
    assert _violates(name="n" * 81)


def test_a_decision_records_its_time():
    assert _violates(status=Comment.Status.APPROVED, moderated_at=None)
    assert _violates(status=Comment.Status.REJECTED, moderated_at=None)
    assert not _violates(status=Comment.Status.SPAM)  # the spam rules decide without a person


def test_approved_queryset_and_page_order():
    article = make_article()
    later = make_comment(article=article, text="second")
    earlier = make_comment(article=article, text="first")
    Comment.objects.filter(pk=earlier.pk).update(created_at=later.created_at.replace(year=2020))
    make_comment(article=article, status=Comment.Status.PENDING)
    make_comment(article=make_article())
    assert list(Comment.objects.for_page(article)) == [earlier, later]


def test_deleting_an_article_keeps_its_comments_and_their_moderation_history(
    django_user_model,
):
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    article = make_article()
    public_id = article.public_id
    comment = make_comment(article=article, moderated_by=editor)
    article.delete()
    comment.refresh_from_db()
    assert comment.article is None
    assert comment.article_public_id == public_id
    assert comment.status == Comment.Status.APPROVED
    assert comment.moderated_by == editor
    assert comment.moderated_at is not None
    assert str(comment) == f"Comment by Ayşe Reader on #{public_id}"


def test_spam_signal_labels():
    comment = make_comment(status=Comment.Status.SPAM, spam_signals="honeypot,links")
    assert comment.spam_signal_labels() == ["Hidden field filled in", "Too many links"]
    assert make_comment().spam_signal_labels() == []
