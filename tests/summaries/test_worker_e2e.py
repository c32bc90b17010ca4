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


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_writes_summaries_of_untranslated_bodies_first(tmp_path, chat_server):
    """Turkish readers of an article with no Turkish body get the summary instead of the
    text: its task outranks older ones, whatever the order they were queued in."""
    httpserver = chat_server
    httpserver.expect_request("/v1/chat/completions", method="POST").respond_with_json(
        chat_reply(TURKISH_REPLY)
    )
    translated = [
        make_article(
            title_en=f"Translated story {n}",
            title_tr=f"Çevrilmiş haber {n}",
            body_en=ENGLISH_BODY,
            body_tr="Türkçe metin.",
        )
        for n in range(2)
    ]
    untranslated = make_article(title_en="Untranslated story", body_en=ENGLISH_BODY)
    # Queued last, as a backfill in publication order would.
    assert summaries_enqueue(articles=[*translated, untranslated], languages=["tr"]).queued == 3
    priorities = dict(
        DBTaskResult.objects.values_list("args_kwargs__kwargs__article_id", "priority")
    )
    assert priorities == {translated[0].pk: 0, translated[1].pk: 0, untranslated.pk: 10}

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
        ],  # fmt: skip
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert worker.returncode == 0, worker.stdout + worker.stderr
    copy_back(url)
    titles = []
    for request, _response in httpserver.log:
        prompt = request.get_json()["messages"][-1]["content"]
        titles.append(prompt.splitlines()[0])
    assert titles == [
        "Title: Untranslated story",
        "Title: Translated story 0",
        "Title: Translated story 1",
    ]
    assert set(SummaryState.objects.values_list("state", flat=True)) == {"ready"}
