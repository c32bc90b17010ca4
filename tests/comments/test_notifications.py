import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments import notifications
from comments.models import Comment
from tests.comments.conftest import comment_url, valid_post
from tests.factories import make_article, make_comment
from tests.workers import database_url_for_worker, worker_env

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def moderator(django_user_model):
    return django_user_model.objects.create_superuser("mod", "mod@example.com", "pw")


def _post_burst(client, article, count: int, **overrides) -> None:
    for n in range(count):
        response = client.post(
            comment_url(article),
            valid_post(article, text=f"Burst comment {n}", **overrides),
            REMOTE_ADDR=f"198.51.100.{n + 1}",
        )
        assert response.status_code == 302


# The digest itself


def test_one_digest_covers_every_waiting_comment_once(moderator):
    article = make_article(title_en="Docker images")
    for n in range(3):
        make_comment(article=article, status=Comment.Status.PENDING, text=f"Waiting {n}")
    make_comment(article=article, status=Comment.Status.SPAM, text="Spammy")
    make_comment(article=article, text="Already approved")
    assert notifications.moderator_digest_send() == 3
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mod@example.com"]
    assert message.subject == "[Broadsheet] 3 comments wait for review"
    assert "Waiting 0" in message.body and "Waiting 2" in message.body
    assert "Spammy" not in message.body and "Already approved" not in message.body
    assert "/en/admin/comments/comment/?status__exact=pending" in message.body
    assert "Docker images" in message.body
    # Nothing new: nothing sent.
    assert notifications.moderator_digest_send() == 0
    assert len(mail.outbox) == 1
    assert not Comment.objects.pending().filter(notified_at__isnull=True).exists()


def test_digest_text_is_not_html_escaped(moderator):
    make_comment(status=Comment.Status.PENDING, name="O'Brien & <Co>", text="Tom & Jerry's")
    notifications.moderator_digest_send()
    body = mail.outbox[0].body
    assert "O'Brien & <Co>" in body and "Tom & Jerry's" in body


def test_recipients_are_active_staff_allowed_to_moderate(django_user_model, moderator):
    perm = Permission.objects.get(codename="change_comment")
    direct = django_user_model.objects.create_user("d", "direct@example.com", is_staff=True)
    direct.user_permissions.add(perm)
    grouped = django_user_model.objects.create_user("g", "group@example.com", is_staff=True)
    group = Group.objects.create(name="Moderators")
    group.permissions.add(perm)
    grouped.groups.add(group)
    django_user_model.objects.create_user("w", "writer@example.com", is_staff=True)
    django_user_model.objects.create_user(
        "x", "gone@example.com", is_staff=True, is_active=False
    ).user_permissions.add(perm)
    django_user_model.objects.create_user("r", "reader@example.com").user_permissions.add(perm)
    assert notifications.moderator_emails() == [
        "direct@example.com",
        "group@example.com",
        "mod@example.com",
    ]


def test_configured_recipients_win(settings, moderator):
    settings.COMMENTS_MODERATOR_EMAILS = ["desk@example.com"]
    make_comment(status=Comment.Status.PENDING)
    notifications.moderator_digest_send()
    assert mail.outbox[0].to == ["desk@example.com"]


def test_without_recipients_comments_wait_for_a_later_digest():
    make_comment(status=Comment.Status.PENDING)
    assert notifications.moderator_digest_send() == 0
    assert mail.outbox == []
    assert Comment.objects.filter(notified_at__isnull=True).count() == 1


def test_a_failed_send_leaves_comments_for_the_next_digest(moderator, monkeypatch):
    make_comment(status=Comment.Status.PENDING)

    def broken(*args, **kwargs):
        raise OSError("SMTP server down")

    monkeypatch.setattr(notifications.EmailMessage, "send", broken)
    with pytest.raises(OSError):
        notifications.moderator_digest_send()
    assert Comment.objects.filter(notified_at__isnull=True).count() == 1
    monkeypatch.undo()
    assert notifications.moderator_digest_send() == 1


def test_long_digests_list_the_first_fifty(moderator):
    article = make_article()
    Comment.objects.bulk_create(
        Comment(article=article, article_public_id=article.public_id, name="n", text=f"c{n}")
        for n in range(60)
    )
    notifications.moderator_digest_send()
    assert "…and 10 more." in mail.outbox[0].body


# Scheduling: a digest, not one mail per comment


def test_a_burst_queues_a_single_deferred_digest(
    client, moderator, django_capture_on_commit_callbacks
):
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        _post_burst(client, article, 12)
    tasks = list(DBTaskResult.objects.all())
    assert len(tasks) == 1
    assert tasks[0].task_path == "comments.tasks.send_moderator_digest"
    assert tasks[0].run_after > timezone.now()
    assert mail.outbox == []  # sent later, by the worker


def test_spam_does_not_wake_moderators(client, moderator, django_capture_on_commit_callbacks):
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        _post_burst(client, article, 3, homepage="http://spam.example")
    assert not DBTaskResult.objects.exists()


def test_notifications_can_be_turned_off(
    client, settings, moderator, django_capture_on_commit_callbacks
):
    settings.COMMENTS_NOTIFY_MODERATORS = False
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        _post_burst(client, article, 2)
    assert not DBTaskResult.objects.exists()
    assert mail.outbox == []


def test_with_an_immediate_backend_the_digest_goes_out_at_once(
    client, settings, moderator, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        _post_burst(client, article, 1)
    assert len(mail.outbox) == 1
    assert "Burst comment 0" in mail.outbox[0].body


# A real worker process


@pytest.mark.django_db(transaction=True)
def test_a_real_db_worker_sends_one_digest_for_a_burst(client, moderator, tmp_path):
    url = database_url_for_worker(tmp_path)
    article = make_article()
    _post_burst(client, article, 8)  # autocommit: on_commit hooks run at once
    assert DBTaskResult.objects.count() == 1
    # Pretend the digest interval has passed.
    DBTaskResult.objects.update(run_after=timezone.now())
    env = worker_env(url, EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            "-v",
            "0",
        ],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Subject: [Broadsheet] 8 comments wait for review") == 1
    assert "To: mod@example.com" in result.stdout
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert not Comment.objects.filter(notified_at__isnull=True).exists()


def test_a_failure_to_queue_the_digest_does_not_fail_the_reader(
    client, moderator, monkeypatch, django_capture_on_commit_callbacks
):
    from comments import tasks

    def broken(*args, **kwargs):
        raise RuntimeError("task queue unavailable")

    monkeypatch.setattr(type(tasks.send_moderator_digest), "enqueue", broken)
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        _post_burst(client, article, 1)
    assert Comment.objects.get().notified_at is None
    # The next digest still covers it.
    monkeypatch.undo()
    assert notifications.moderator_digest_send() == 1
