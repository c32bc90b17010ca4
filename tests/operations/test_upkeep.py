"""The upkeep schedule: each job once per interval, on a frozen clock and with workers."""

import os
import signal
import subprocess
import time
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments.models import Comment
from config.settings.base import upkeep_intervals
from operations import upkeep
from operations.models import JobRun, WorkerHeartbeat
from tests.factories import make_article, make_comment, make_user
from tests.workers import copy_back, database_url_for_worker, worker_command, worker_env

START = datetime(2026, 12, 1, 0, 0, 30, tzinfo=UTC)
ALL_JOBS = {
    "purge_comments",
    "moderator_digest",
    "retry_summaries",
    "prune_task_results",
    "search_index",
}


@pytest.fixture
def registry(monkeypatch):
    """The real jobs; a job a test adds is gone afterwards."""
    monkeypatch.setattr(upkeep, "_registry", dict(upkeep._registry))
    return upkeep._registry


def test_the_apps_register_their_jobs():
    assert {job.name for job in upkeep.jobs()} >= ALL_JOBS


@pytest.mark.django_db
def test_each_job_runs_once_per_interval_on_a_frozen_clock(registry, settings):
    settings.COMMENTS_MODERATOR_EMAILS = ["desk@example.org"]
    article = make_article()
    with time_machine.travel(START - timedelta(days=40), tick=False):
        old_spam = make_comment(article=article, status=Comment.Status.SPAM)
    with time_machine.travel(START, tick=False):
        waiting = make_comment(article=article, status=Comment.Status.PENDING)
        assert set(upkeep.run_due(worker="w1")) == ALL_JOBS
        # The old spam went, the waiting comment was announced to the moderators.
        assert not Comment.objects.filter(pk=old_spam.pk).exists()
        assert len(mail.outbox) == 1
        assert "1 comment waits" in mail.outbox[0].subject
        assert set(JobRun.objects.values_list("outcome", flat=True)) == {"ok"}
        # Within the same interval nothing runs again, by this worker or another.
        assert upkeep.run_due(worker="w1") == []
        assert upkeep.run_due(worker="w2") == []
    with time_machine.travel(START + timedelta(minutes=59), tick=False):
        assert upkeep.run_due(worker="w2") == []
    with time_machine.travel(START + timedelta(hours=1), tick=False):
        assert set(upkeep.run_due(worker="w2")) == {"moderator_digest", "retry_summaries"}
    with time_machine.travel(START + timedelta(days=1), tick=False):
        assert set(upkeep.run_due(worker="w1")) == ALL_JOBS
    assert JobRun.objects.filter(job="purge_comments").count() == 2
    assert JobRun.objects.filter(job="moderator_digest").count() == 3
    # Announced once only: the later digests found nothing new.
    assert len(mail.outbox) == 1
    assert Comment.objects.get(pk=waiting.pk).notified_at is not None


@pytest.mark.django_db
def test_intervals_come_from_settings_and_zero_turns_a_job_off(registry, settings):
    settings.BROADSHEET_UPKEEP = {"purge_comments": 0, "moderator_digest": 60}
    with time_machine.travel(START, tick=False):
        assert "purge_comments" not in upkeep.run_due()
        statuses = {status.job.name: status for status in upkeep.schedule()}
    assert statuses["purge_comments"].next_run is None
    assert statuses["purge_comments"].last_run is None
    # 00:00:30 is in the minute that started at 00:00; the next starts at 00:01.
    assert statuses["moderator_digest"].next_run == datetime(2026, 12, 1, 0, 1, tzinfo=UTC)
    assert statuses["prune_task_results"].next_run == datetime(2026, 12, 2, tzinfo=UTC)


def test_intervals_from_the_environment():
    env = {
        "BROADSHEET_UPKEEP_PURGE_COMMENTS": "3600",
        "BROADSHEET_UPKEEP_SEARCH_INDEX": "0",
        "BROADSHEET_UPKEEP_TICK_SECONDS": "5",
        "BROADSHEET_SITE_URL": "x",
    }
    assert upkeep_intervals(env) == {"purge_comments": 3600, "search_index": 0}


@pytest.mark.django_db
def test_a_failing_job_is_recorded_and_tried_again_next_interval(registry):
    calls = []

    def flaky():
        calls.append(timezone.now())
        if len(calls) == 1:
            raise RuntimeError("the index server is away")
        return "caught up"

    upkeep.register("flaky", label="Flaky", every=600, func=flaky)
    with time_machine.travel(START, tick=False):
        assert "flaky" in upkeep.run_due()
        assert "flaky" not in upkeep.run_due()
    failed = JobRun.objects.get(job="flaky")
    assert failed.outcome == JobRun.Outcome.FAILED
    assert "the index server is away" in failed.message
    with time_machine.travel(START + timedelta(minutes=10), tick=False):
        assert "flaky" in upkeep.run_due()
    assert JobRun.objects.filter(job="flaky").latest("slot").message == "caught up"


@pytest.mark.django_db
def test_a_command_job_in_one_line(registry):
    """How another app adds its job (the search index's catch-up, for one)."""
    upkeep.register("check_job", label="Check", every=60, command="check", args=["--tag", "urls"])
    with time_machine.travel(START, tick=False):
        upkeep.run_due()
    run = JobRun.objects.get(job="check_job")
    assert run.outcome == JobRun.Outcome.OK
    assert "System check identified" in run.message


@pytest.mark.django_db
def test_the_dashboard_shows_each_jobs_last_run_outcome_and_next_run(client, registry):
    upkeep.register("broken", label="Broken job", every=3600, func=lambda: 1 / 0)
    with time_machine.travel(START, tick=False):
        upkeep.run_due()
    admin = make_user(is_superuser=True, username="boss")
    client.force_login(admin)
    with time_machine.travel(START + timedelta(minutes=5), tick=False):
        page = client.get(reverse("admin:index")).content.decode()
    assert 'id="upkeep-schedule"' in page
    assert "Purge old spam, rejected comments and expired nonces" in page
    row = page.split('class="upkeep-broken"')[1].split("</tr>")[0]
    assert "Failed" in row
    # Next run: the start of the next hour.
    assert 'datetime="2026-12-01T01:00:00+00:00"' in row or "T04:00:00+03:00" in row
    row = page.split('class="upkeep-purge_comments"')[1].split("</tr>")[0]
    assert "Succeeded" in row


@pytest.mark.django_db
def test_the_dashboard_in_turkish_and_hidden_from_those_without_the_permission(client, moderator):
    admin = make_user(is_superuser=True, username="boss")
    client.force_login(admin)
    page = client.get("/tr/admin/").content.decode()
    assert "Bakım" in page and "Hiç" in page
    client.force_login(moderator)
    assert 'id="upkeep-schedule"' not in client.get(reverse("admin:index")).content.decode()


@pytest.mark.django_db(transaction=True)
def test_two_workers_run_each_job_once_per_interval(tmp_path):
    """Two real worker processes on one database (PostgreSQL in CI's postgres run), ticking
    five times a second, with the digest due every second: every interval has exactly
    one run, claimed by one or the other worker, and both were alive throughout."""
    url = database_url_for_worker(tmp_path)
    env = worker_env(
        url,
        BROADSHEET_UPKEEP_TICK_SECONDS="0.2",
        BROADSHEET_UPKEEP_MODERATOR_DIGEST="1",
        BROADSHEET_UPKEEP_RETRY_SUMMARIES="0",
        COMMENTS_NOTIFY_MODERATORS="off",
    )
    workers = [
        subprocess.Popen(
            worker_command("--worker-id", f"w{n}", "--interval", "0.5"),
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        for n in range(2)
    ]
    try:
        time.sleep(6)
    finally:
        for worker in workers:
            os.killpg(worker.pid, signal.SIGTERM)
        for worker in workers:
            _out, err = worker.communicate(timeout=60)
            assert "Traceback" not in err, err
    copy_back(url)

    assert WorkerHeartbeat.objects.count() == 2
    digests = list(JobRun.objects.filter(job="moderator_digest").order_by("slot"))
    slots = [run.slot for run in digests]
    assert len(slots) >= 3
    assert len(set(slots)) == len(slots)
    # No interval was skipped while both ran.
    assert slots == list(range(slots[0], slots[0] + len(slots)))
    assert {run.outcome for run in digests} == {"ok"}
    assert set(JobRun.objects.filter(job="prune_task_results").values_list("slot", flat=True))
    assert JobRun.objects.filter(job="prune_task_results").count() == 1
    assert JobRun.objects.filter(job="retry_summaries").count() == 0
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_the_daily_index_catch_up_finds_what_bypassed_save(registry, client):
    """A queryset update skips Article.save() and the index; the upkeep job catches up."""
    from articles.models import Article

    article = make_article(title_en="Containers explained")
    Article.objects.filter(pk=article.pk).update(title_en="Kubernetes operators explained")
    found = "1 article found for “kubernetes”"
    assert found not in client.get("/en/search/?q=kubernetes").content.decode()
    with time_machine.travel(START, tick=False):
        assert "search_index" in upkeep.run_due(worker="w1")
    assert found in client.get("/en/search/?q=kubernetes").content.decode()
