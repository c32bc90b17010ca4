"""SQLite's write lock is held for longer than the worker's busy timeout: the worker says
so, waits, and goes on (it used to exit on "database is locked").

SQLite only: PostgreSQL has no database-wide write lock (its workers claim tasks with row
locks, and the rows a worker claims are never the ones another process holds).
"""

import signal
import sqlite3
import subprocess
import threading
import time

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import SummaryState
from articles.summaries.queueing import summaries_enqueue
from tests.factories import make_article
from tests.summaries.conftest import ENGLISH_BODY
from tests.workers import database_url_for_worker, wait_for, worker_command, worker_env

pytestmark = pytest.mark.django_db(transaction=True)

BUSY_TIMEOUT = 1  # seconds the worker's SQLite connections wait for the write lock


@pytest.fixture(autouse=True)
def _sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's database-wide write lock")


class Worker:
    """``manage.py worker`` on the test database, its output collected as it comes."""

    def __init__(self, tmp_path, *args: str, **env: str):
        url = f"{database_url_for_worker(tmp_path)}?timeout={BUSY_TIMEOUT}"
        self.process = subprocess.Popen(
            worker_command("--interval", "0.2", "--no-upkeep", *args),
            cwd=settings.BASE_DIR,
            env=worker_env(
                url,
                BROADSHEET_SUMMARY_BACKEND="articles.summaries.extractive.ExtractiveBackend",
                **env,
            ),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines = []
        threading.Thread(target=self._read, daemon=True).start()
        wait_for(lambda: "Starting worker" in self.output or self.process.poll() is not None)

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(10)


def hold_the_write_lock(seconds: float) -> None:
    other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        time.sleep(seconds)
        other.execute("ROLLBACK")
    finally:
        other.close()


def queue_a_summary():
    article = make_article(body_en=ENGLISH_BODY)
    assert summaries_enqueue(articles=[article], languages=["en"]).queued == 1
    return article


def test_the_worker_waits_out_a_locked_database_and_runs_the_next_task(tmp_path):
    worker = Worker(tmp_path)
    try:
        hold_the_write_lock(3 * BUSY_TIMEOUT)
        assert worker.process.poll() is None, worker.output
        assert "The database is locked" in worker.output

        article = queue_a_summary()
        wait_for(lambda: DBTaskResult.objects.filter(status="SUCCESSFUL").exists())
        state = SummaryState.objects.get(article=article, language="en")
        assert state.state == SummaryState.State.READY
        assert worker.process.poll() is None, worker.output
    finally:
        returncode = worker.stop()
    # SIGTERM still stops it at once, and cleanly.
    assert returncode == 0, worker.output
    assert "Traceback" not in worker.output


def test_a_locked_database_does_not_stop_the_worker_putting_back_abandoned_tasks(tmp_path):
    lease = 2  # the worker looks for abandoned tasks every 5 seconds (the least it waits)
    worker = Worker(tmp_path, BROADSHEET_TASK_LEASE_SECONDS=str(lease))
    try:
        # A task another worker claimed and died in, too recently to be put back at start.
        with transaction.atomic():
            queue_a_summary()
            DBTaskResult.objects.update(status=TaskResultStatus.RUNNING, started_at=timezone.now())
        # Held across the worker's first look (about 5 s after it started).
        hold_the_write_lock(7)
        assert worker.process.poll() is None, worker.output
        # It looks again 5 s later, puts the task back, and runs it.
        wait_for(lambda: DBTaskResult.objects.get().status == "SUCCESSFUL", timeout=30)
        assert "Requeued 1 task(s) abandoned by a stopped worker." in worker.output
    finally:
        assert worker.stop() == 0, worker.output
