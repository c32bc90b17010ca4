"""A worker is killed in the middle of a task: another picks it up, it completes once."""

import json
import subprocess
import threading
import time

import pytest
from django.conf import settings
from django_tasks_db.models import DBTaskResult
from werkzeug import Response

from articles.models import SummaryState
from articles.summaries.queueing import summaries_enqueue
from tests.factories import make_article
from tests.summaries.conftest import ENGLISH_BODY, TURKISH_REPLY, chat_reply
from tests.workers import copy_back, database_url_for_worker, wait_for, worker_command, worker_env

LEASE = "2"  # seconds a task may stay RUNNING before another worker takes it over


@pytest.mark.django_db(transaction=True)
def test_a_task_whose_worker_was_killed_is_run_again_and_completes_once(tmp_path, chat_server):
    first_call = threading.Event()
    release = threading.Event()
    calls = []

    def model(request):
        calls.append(time.monotonic())
        if len(calls) == 1:
            first_call.set()
            release.wait(30)  # the first worker dies while it waits for this answer
        return Response(json.dumps(chat_reply(TURKISH_REPLY)), content_type="application/json")

    chat_server.expect_request("/v1/chat/completions", method="POST").respond_with_handler(model)
    article = make_article(title_en="Docker images and containers", body_en=ENGLISH_BODY)
    assert summaries_enqueue(articles=[article], languages=["tr"]).queued == 1

    url = database_url_for_worker(tmp_path)
    env = worker_env(
        url,
        BROADSHEET_AI_BASE_URL=chat_server.url_for("/v1"),
        BROADSHEET_AI_MODEL="test-model",
        BROADSHEET_AI_API_KEY="test-key",
        BROADSHEET_TASK_LEASE_SECONDS=LEASE,
    )
    doomed = subprocess.Popen(
        worker_command("--interval", "0.2"),
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert first_call.wait(60), "the first worker never called the model"
        wait_for(lambda: DBTaskResult.objects.filter(status="RUNNING").exists())
    finally:
        doomed.kill()  # SIGKILL: no chance to clean up
        doomed.wait(30)
        release.set()
    assert DBTaskResult.objects.get().status == "RUNNING"  # abandoned

    time.sleep(float(LEASE) + 1)
    rescue = subprocess.run(
        worker_command("--batch", "--interval", "0"),
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert rescue.returncode == 0, rescue.stdout + rescue.stderr
    assert "Requeued 1 task(s) abandoned by a stopped worker." in rescue.stderr
    copy_back(url)

    results = list(DBTaskResult.objects.values_list("status", flat=True))
    assert results == ["SUCCESSFUL"]
    assert len(calls) == 2
    article.refresh_from_db()
    assert article.summary_tr == TURKISH_REPLY
    state = SummaryState.objects.get(article=article, language="tr")
    assert state.state == SummaryState.State.READY
    assert SummaryState.objects.filter(article=article, language="tr").count() == 1
