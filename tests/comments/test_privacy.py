from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from comments import limits
from comments.models import Comment, SubmissionCount, UsedChallenge
from tests.comments.conftest import comment_url, valid_post
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db


def test_raw_ip_addresses_are_never_stored(client, settings):
    settings.BROADSHEET_TRUSTED_PROXIES = 1
    article = make_article()
    ip = "198.51.100.77"
    client.post(comment_url(article), valid_post(article), headers={"x-forwarded-for": ip})
    comment = Comment.objects.get()
    stored = " ".join(str(getattr(comment, f.attname)) for f in Comment._meta.concrete_fields)
    assert ip not in stored
    assert comment.client_hash and len(comment.client_hash) >= 32


def test_purge_deletes_old_spam_and_rejected_only():
    old = timezone.now() - timedelta(days=40)
    recent = timezone.now() - timedelta(days=5)
    kept = [
        make_comment(status=Comment.Status.APPROVED, created_at=old),
        make_comment(status=Comment.Status.PENDING, created_at=old),
        make_comment(status=Comment.Status.SPAM, created_at=recent),
        make_comment(status=Comment.Status.REJECTED, created_at=recent),
    ]
    make_comment(status=Comment.Status.SPAM, created_at=old)
    make_comment(status=Comment.Status.REJECTED, created_at=old)
    out = StringIO()
    call_command("purge_comments", "--days", "30", "--dry-run", stdout=out)
    assert "Would delete 2 spam or rejected comment(s)" in out.getvalue()
    assert Comment.objects.count() == 6
    call_command("purge_comments", "--days", "30", stdout=StringIO())
    assert set(Comment.objects.all()) == set(kept)


def test_purge_uses_the_configured_age_and_forgets_expired_nonces_and_counts(settings):
    settings.COMMENTS_PURGE_AFTER_DAYS = 3
    make_comment(status=Comment.Status.SPAM, created_at=timezone.now() - timedelta(days=4))
    UsedChallenge.objects.create(nonce="old", used_at=timezone.now() - timedelta(days=1))
    UsedChallenge.objects.create(nonce="fresh")
    with time_machine.travel(timezone.now() - timedelta(seconds=settings.COMMENTS_RATE_WINDOW)):
        limits.count_one(client="earlier", kind=SubmissionCount.Kind.COMMENT)
    limits.count_one(client="now", kind=SubmissionCount.Kind.COMMENT)
    limits.count_one(client="now", kind=SubmissionCount.Kind.WRONG_ANSWER)
    out = StringIO()
    call_command("purge_comments", "--dry-run", stdout=out)
    assert "1 expired submission count(s)" in out.getvalue()
    assert SubmissionCount.objects.count() == 3
    call_command("purge_comments", stdout=out)
    assert "Deleted 1 spam or rejected comment(s) older than 3 day(s)" in out.getvalue()
    assert "1 expired submission count(s) and 0 unconfirmed" in out.getvalue()
    assert list(UsedChallenge.objects.values_list("nonce", flat=True)) == ["fresh"]
    assert set(SubmissionCount.objects.values_list("client", "kind")) == {
        ("now", "comment"),
        ("now", "wrong_answer"),
    }


def test_purge_forgets_addresses_never_confirmed_and_counts_comments_not_their_reports(settings):
    from comments.models import NotificationAddress, Report

    long_ago = timezone.now() - timedelta(seconds=settings.COMMENTS_CONFIRM_MAX_AGE + 60)
    NotificationAddress.objects.create(
        email="never@example.com", language="en", created_at=long_ago
    )
    NotificationAddress.objects.create(
        email="asked-again@example.com", language="en", created_at=long_ago,
        confirmation_sent_at=timezone.now(),
    )  # fmt: skip
    NotificationAddress.objects.create(
        email="kept@example.com", language="en", created_at=long_ago, confirmed_at=long_ago
    )
    NotificationAddress.objects.create(email="new@example.com", language="en")
    spam = make_comment(status=Comment.Status.SPAM, created_at=long_ago - timedelta(days=40))
    Report.objects.create(comment=spam, reason="spam", client_hash="a")
    out = StringIO()
    call_command("purge_comments", stdout=out)
    assert "Deleted 1 spam or rejected comment(s)" in out.getvalue()
    assert "and 1 unconfirmed e-mail address(es)" in out.getvalue()
    assert set(NotificationAddress.objects.values_list("email", flat=True)) == {
        "asked-again@example.com",
        "kept@example.com",
        "new@example.com",
    }
    assert not Report.objects.exists()
