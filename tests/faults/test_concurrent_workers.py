"""Several workers claim tasks from one queue at once: no task runs twice.

Runs on whatever database the suite runs on; `make test-postgres` (CI) covers the
PostgreSQL path, where workers claim with SELECT … FOR UPDATE SKIP LOCKED.
"""

import subprocess

import pytest
from django.conf import settings
from django_tasks_db.models import DBTaskResult

from articles.models import SummaryState
from articles.summaries.queueing import summaries_enqueue
from tests.factories import make_articles
from tests.summaries.conftest import ENGLISH_BODY
from tests.workers import copy_back, database_url_for_worker, worker_command, worker_env

TASKS = 24
WORKERS = 3


@pytest.mark.django_db(transaction=True)
def test_three_workers_run_every_task_exactly_once(tmp_path):
    articles = make_articles(TASKS, body_en=ENGLISH_BODY)
    assert summaries_enqueue(articles=articles, languages=["en"]).queued == TASKS
    url = database_url_for_worker(tmp_path)
    env = worker_env(
        url, BROADSHEET_SUMMARY_BACKEND="articles.summaries.extractive.ExtractiveBackend"
    )
    workers = [
        subprocess.Popen(
            worker_command("--batch", "--interval", "0", "--worker-id", f"w{n}"),
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WORKERS)
    ]
    for worker in workers:
        _out, err = worker.communicate(timeout=180)
        assert worker.returncode == 0, err
    copy_back(url)

    results = list(DBTaskResult.objects.all())
    assert len(results) == TASKS
    assert {result.status for result in results} == {"SUCCESSFUL"}
    # Each task was claimed by exactly one worker, once.
    assert all(len(result.worker_ids) == 1 for result in results)
    states = SummaryState.objects.filter(language="en")
    assert states.count() == TASKS
    assert set(states.values_list("attempts", flat=True)) == {1}
    assert set(states.values_list("state", flat=True)) == {SummaryState.State.READY}
