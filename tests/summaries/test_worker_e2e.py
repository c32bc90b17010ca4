"""End to end: a task queued on the database backend, run by a real `db_worker` process.

The worker is a separate process, so it must see the test's database: on PostgreSQL
it connects to the test database itself; with SQLite, whose test database lives in
this process's memory, the database is copied to a file for the worker and copied
back afterwards (SQLite's online backup).
"""

import subprocess
import sys

import pytest
from django.conf import settings
from django_tasks_db.models import DBTaskResult

from articles.models import SummaryState
from articles.summaries.queueing import summaries_enqueue
from tests.factories import make_article
from tests.workers import copy_back, database_url_for_worker, worker_env

from .conftest import ENGLISH_BODY, TURKISH_REPLY, chat_reply


@pytest.mark.django_db(transaction=True)
def test_a_queued_summary_is_written_by_a_real_worker_process(tmp_path, chat_server, client):
    httpserver = chat_server
    httpserver.expect_oneshot_request("/v1/chat/completions", method="POST").respond_with_json(
        chat_reply(TURKISH_REPLY)
    )
    article = make_article(title_en="Docker images and containers", body_en=ENGLISH_BODY)
    report = summaries_enqueue(articles=[article], languages=["tr"])
    assert report.queued == 1
    task = DBTaskResult.objects.get()
    assert task.status == "READY"

    url = database_url_for_worker(tmp_path)
    env = worker_env(
        url,
        BROADSHEET_AI_BASE_URL=httpserver.url_for("/v1"),
        BROADSHEET_AI_MODEL="test-model",
        BROADSHEET_AI_API_KEY="test-key",
    )
    worker = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert worker.returncode == 0, worker.stdout + worker.stderr
    copy_back(url)

    task.refresh_from_db()
    assert task.status == "SUCCESSFUL", task.traceback
    assert task.return_value == "generated"
    assert len(httpserver.log) == 1
    article.refresh_from_db()
    assert article.summary_tr == TURKISH_REPLY
    state = SummaryState.objects.get(article=article, language="tr")
    assert (state.state, state.origin, state.model_name, state.backend) == (
        SummaryState.State.READY,
        SummaryState.Origin.AI,
        "test-model-2026",
        "openai-compatible",
    )
    html = client.get(article.get_absolute_url("tr")).content.decode()
    assert TURKISH_REPLY in html
    assert 'data-ai-disclosure="ai-generated-unreviewed"' in html
