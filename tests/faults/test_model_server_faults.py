"""The model server is down, slow or talking nonsense while readers browse.

A real worker process runs the summary task against the faulty server while this test
keeps reading pages: pages answer as usual, the task is failed or scheduled for a
retry with the reason recorded, and no partial summary ever reaches a reader.
"""

import socket
import subprocess
import time

import pytest
from django.conf import settings
from django_tasks_db.models import DBTaskResult
from werkzeug import Response

from articles.models import SummaryState
from articles.summaries.queueing import summaries_enqueue
from tests.factories import make_article
from tests.summaries.conftest import ENGLISH_BODY
from tests.workers import copy_back, database_url_for_worker, worker_command, worker_env


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def slow(request):
    time.sleep(3)
    return Response("{}", content_type="application/json")


def garbage(request):
    return Response("<html><body>Bad gateway, try later</body>", content_type="text/html")


def half_json(request):
    return Response('{"choices": [{"message": {"content": "Makale, Doc', content_type="json")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("fault", ["down", "slow", "garbage", "truncated"])
def test_pages_are_unaffected_and_nothing_is_half_written(fault, tmp_path, chat_server, client):
    handlers = {"slow": slow, "garbage": garbage, "truncated": half_json}
    if fault == "down":
        base_url = f"http://127.0.0.1:{closed_port()}/v1"
    else:
        chat_server.expect_request("/v1/chat/completions").respond_with_handler(handlers[fault])
        base_url = chat_server.url_for("/v1")
    article = make_article(
        title_en="Docker images", title_tr="Docker imajları", body_en=ENGLISH_BODY
    )
    page = article.get_absolute_url("tr")
    before = client.get(page).content.decode()
    assert summaries_enqueue(articles=[article], languages=["tr"]).queued == 1

    url = database_url_for_worker(tmp_path)
    worker = subprocess.Popen(
        worker_command("--batch", "--interval", "0"),
        cwd=settings.BASE_DIR,
        env=worker_env(
            url,
            BROADSHEET_AI_BASE_URL=base_url,
            BROADSHEET_AI_MODEL="test-model",
            BROADSHEET_AI_API_KEY="test-key",
            BROADSHEET_AI_TIMEOUT="1",
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    served = 0
    while worker.poll() is None:
        response = client.get(page)
        assert response.status_code == 200
        assert client.get("/tr/").status_code == 200
        served += 1
    assert worker.returncode == 0, worker.stderr.read()
    copy_back(url)

    state = SummaryState.objects.get(article=article, language="tr")
    assert state.last_error or state.problem
    assert state.state in (SummaryState.State.FAILED, SummaryState.State.QUEUED)
    if state.state == SummaryState.State.QUEUED:  # transient: a retry is scheduled
        assert DBTaskResult.objects.filter(status="READY").exists()
    article.refresh_from_db()
    assert not article.summary_tr
    after = client.get(page).content.decode()
    assert 'class="article-summary' not in after
    assert served >= 1
    assert after.count("Docker imajları") == before.count("Docker imajları")
