"""The OpenAI-compatible backend against a real local chat-completions server."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from werkzeug import Response

from articles.models import SummaryState
from articles.summaries.generation import Outcome, summary_generate
from articles.summaries.queueing import summaries_enqueue
from tests.factories import make_article

from .conftest import ENGLISH_BODY, ENGLISH_REPLY, TURKISH_REPLY, chat_reply, state_of

pytestmark = pytest.mark.django_db

State = SummaryState.State
Problem = SummaryState.Problem
ENDPOINT = "/v1/chat/completions"


@pytest.fixture
def article():
    return make_article(title_en="Docker images and containers", body_en=ENGLISH_BODY)


def test_success_stores_a_ready_ai_summary_with_its_provenance(chat_server, article, run_worker):
    chat_server.expect_oneshot_request(ENDPOINT, method="POST").respond_with_json(
        chat_reply(TURKISH_REPLY)
    )
    report = summaries_enqueue(articles=[article], languages=["tr"])
    assert report.queued == 1
    assert state_of(article, "tr").state == State.QUEUED

    assert run_worker() == 1

    article.refresh_from_db()
    state = state_of(article, "tr")
    assert article.summary_tr == TURKISH_REPLY
    assert state.state == State.READY
    assert state.origin == SummaryState.Origin.AI
    assert state.backend == "openai-compatible"
    assert state.model_name == "test-model-2026"
    assert state.generated_at is not None
    assert state.written_from == article.summary_fingerprint()
    assert state.attempts == 1
    assert (state.problem, state.last_error) == ("", "")

    request, _response = chat_server.log[0]
    assert request.headers["Authorization"] == "Bearer test-key"
    payload = request.get_json()
    assert payload["model"] == "test-model"
    system, user = payload["messages"]
    assert "Turkish" in system["content"] and "one to three sentences" in system["content"]
    assert "Docker images and containers" in user["content"]
    assert "read-only template" in user["content"]


def test_reply_in_the_wrong_language_is_a_failed_attempt_never_a_summary(chat_server, article):
    chat_server.expect_oneshot_request(ENDPOINT).respond_with_json(chat_reply(ENGLISH_REPLY))
    outcome = summary_generate(article=article, language="tr")
    assert outcome.status == Outcome.FAILED
    article.refresh_from_db()
    assert not article.summary_tr
    state = state_of(article, "tr")
    assert state.state == State.FAILED
    assert state.problem == Problem.WRONG_LANGUAGE
    assert "'en'" in state.last_error
    assert article.reader_summary("tr") is None


def test_reply_in_a_third_language_is_rejected(chat_server, article):
    french = (
        "L’article explique que les images Docker sont des modèles en lecture seule et "
        "que les conteneurs en sont des instances en cours d’exécution."
    )
    chat_server.expect_oneshot_request(ENDPOINT).respond_with_json(chat_reply(french))
    assert summary_generate(article=article, language="en").status == Outcome.FAILED
    assert state_of(article, "en").problem == Problem.WRONG_LANGUAGE


@pytest.mark.parametrize("content", ["", "   \n ", None])
def test_empty_reply_is_a_failed_attempt(chat_server, article, content):
    chat_server.expect_oneshot_request(ENDPOINT).respond_with_json(chat_reply(content))
    assert summary_generate(article=article, language="en").status == Outcome.FAILED
    state = state_of(article, "en")
    assert (state.state, state.problem) == (State.FAILED, Problem.EMPTY)


@pytest.mark.parametrize(
    "content",
    [
        "**Docker** images are templates and containers are their running instances.",
        "<p>Docker images are templates and containers are their running instances.</p>",
        "## Summary\nDocker images are templates and containers are running instances.",
        "- Docker images are templates.\n- Containers are their running instances.",
        "Docker images are [templates](https://example.com) for running containers.",
    ],
)
def test_reply_with_markup_is_rejected(chat_server, article, content):
    chat_server.expect_oneshot_request(ENDPOINT).respond_with_json(chat_reply(content))
    assert summary_generate(article=article, language="en").status == Outcome.FAILED
    assert state_of(article, "en").problem == Problem.MARKUP


def test_overlong_reply_is_rejected(chat_server, article, settings):
    settings.BROADSHEET_SUMMARY_MAX_CHARS = 80
    chat_server.expect_oneshot_request(ENDPOINT).respond_with_json(chat_reply(ENGLISH_REPLY))
    assert summary_generate(article=article, language="en").status == Outcome.FAILED
    assert state_of(article, "en").problem == Problem.TOO_LONG


def test_reply_cut_off_at_the_token_limit_is_rejected(chat_server, article):
    chat_server.expect_oneshot_request(ENDPOINT).respond_with_json(
        chat_reply("The article explains that Docker", finish_reason="length")
    )
    assert summary_generate(article=article, language="en").status == Outcome.FAILED
    assert state_of(article, "en").problem == Problem.TOO_LONG


def test_thinking_of_local_models_is_dropped(chat_server, article):
    content = f"<think>The user wants English.</think>\n{ENGLISH_REPLY}"
    chat_server.expect_oneshot_request(ENDPOINT).respond_with_json(chat_reply(content))
    assert summary_generate(article=article, language="en").status == Outcome.GENERATED
    article.refresh_from_db()
    assert article.summary_en == ENGLISH_REPLY


def test_http_500_is_retried_with_back_off_then_succeeds(chat_server, article, run_worker):
    chat_server.expect_ordered_request(ENDPOINT).respond_with_json(
        {"error": {"message": "model is loading"}}, status=500
    )
    chat_server.expect_ordered_request(ENDPOINT).respond_with_json(chat_reply(TURKISH_REPLY))
    summaries_enqueue(articles=[article], languages=["tr"])
    before = timezone.now()
    run_worker()

    state = state_of(article, "tr")
    assert state.state == State.QUEUED
    assert state.attempts == 1
    assert state.problem == Problem.SERVER_ERROR
    assert "500" in state.last_error
    retry = DBTaskResult.objects.get(status="READY")
    # The first retry waits the configured back-off (30 s), not less.
    assert retry.run_after >= before + timedelta(seconds=30)
    assert run_worker() == 0, "the retry must wait for its time"

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    assert run_worker() == 1
    article.refresh_from_db()
    state = state_of(article, "tr")
    assert article.summary_tr == TURKISH_REPLY
    assert (state.state, state.attempts, state.problem) == (State.READY, 2, "")
    assert len(chat_server.log) == 2


def test_transient_failures_stop_after_the_attempt_limit(chat_server, article, run_worker):
    chat_server.expect_request(ENDPOINT).respond_with_json({"error": {}}, status=503)
    summaries_enqueue(articles=[article], languages=["en"])
    for _attempt in range(3):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_worker()
    state = state_of(article, "en")
    assert (state.state, state.attempts, state.problem) == (
        State.FAILED,
        3,
        Problem.SERVER_ERROR,
    )
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert len(chat_server.log) == 3


def test_rate_limit_respects_retry_after(chat_server, article):
    chat_server.expect_oneshot_request(ENDPOINT).respond_with_json(
        {"error": {"message": "slow down"}}, status=429, headers={"Retry-After": "300"}
    )
    delays = []
    outcome = summary_generate(article=article, language="en", on_retry=delays.append)
    assert outcome.status == Outcome.RETRY
    assert delays == [300]
    assert state_of(article, "en").problem == Problem.RATE_LIMITED


def test_timeout_is_a_transient_failure(chat_server, article, settings):
    settings.BROADSHEET_SUMMARY_OPTIONS = {
        **settings.BROADSHEET_SUMMARY_OPTIONS,
        "timeout": 0.2,
    }

    def slow(request):
        time.sleep(0.6)
        return Response("{}", content_type="application/json")

    chat_server.expect_oneshot_request(ENDPOINT).respond_with_handler(slow)
    delays = []
    outcome = summary_generate(article=article, language="en", on_retry=delays.append)
    assert outcome.status == Outcome.RETRY
    assert delays == [30]
    state = state_of(article, "en")
    assert (state.state, state.problem) == (State.QUEUED, Problem.TIMEOUT)


def test_connection_refused_is_a_transient_failure(settings, article):
    settings.BROADSHEET_SUMMARY_BACKEND = "articles.summaries.openai_compat.OpenAICompatibleBackend"
    settings.BROADSHEET_SUMMARY_OPTIONS = {"base_url": "http://127.0.0.1:9/v1", "model": "m"}
    delays = []
    outcome = summary_generate(article=article, language="en", on_retry=delays.append)
    assert outcome.status == Outcome.RETRY
    assert state_of(article, "en").problem == Problem.UNREACHABLE


@pytest.mark.parametrize(
    "body,content_type",
    [
        ('{"id": "x", "choices": [', "application/json"),
        ("<html><body>Bad gateway</body></html>", "text/html"),
        ('{"unexpected": true}', "application/json"),
    ],
)
def test_malformed_reply_is_a_permanent_failure(chat_server, article, body, content_type):
    chat_server.expect_oneshot_request(ENDPOINT).respond_with_data(body, content_type=content_type)
    delays = []
    outcome = summary_generate(article=article, language="en", on_retry=delays.append)
    assert outcome.status == Outcome.FAILED
    assert delays == []
    state = state_of(article, "en")
    assert (state.state, state.problem) == (State.FAILED, Problem.BAD_RESPONSE)
    article.refresh_from_db()
    assert not article.summary_en


def test_refused_request_is_permanent_and_says_why(chat_server, article):
    chat_server.expect_oneshot_request(ENDPOINT).respond_with_json(
        {"error": {"message": "Incorrect API key provided"}}, status=401
    )
    delays = []
    assert summary_generate(article=article, language="en", on_retry=delays.append).status == (
        Outcome.FAILED
    )
    assert delays == []
    state = state_of(article, "en")
    assert state.problem == Problem.REFUSED
    assert "401" in state.last_error and "Incorrect API key" in state.last_error
    assert "401" in state.problem_message()


def test_missing_model_setting_is_reported_not_raised(settings, article):
    settings.BROADSHEET_SUMMARY_BACKEND = "articles.summaries.openai_compat.OpenAICompatibleBackend"
    settings.BROADSHEET_SUMMARY_OPTIONS = {}
    assert summary_generate(article=article, language="en").status == Outcome.FAILED
    assert state_of(article, "en").problem == Problem.NOT_CONFIGURED
