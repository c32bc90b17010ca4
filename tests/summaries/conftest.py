import pytest
from django_tasks_db.management.commands import db_worker

from articles.models import SummaryState
from articles.summaries.services import summary_record_edit

ENGLISH_BODY = """\
Docker images and containers are easy to confuse. An image is a read-only template, \
e.g. a snapshot of a file system with an application and its dependencies. A container \
is a running instance of that image, with its own writable layer.

## Layers

Each instruction in a Dockerfile adds a layer.

```python
print("not prose")
```
"""

TURKISH_REPLY = (
    "Makale, Docker imajlarının salt okunur şablonlar, kapsayıcıların ise bu "
    "imajların çalışan örnekleri olduğunu anlatıyor."
)
ENGLISH_REPLY = (
    "The article explains that Docker images are read-only templates and containers "
    "are running instances of them."
)


def chat_reply(content, *, model="test-model-2026", finish_reason="stop") -> dict:
    """A chat-completions response body as an OpenAI-compatible server sends it."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1780000000,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": finish_reason,
            }
        ],
        "usage": {"prompt_tokens": 100, "completion_tokens": 30, "total_tokens": 130},
    }


def use_model_server(settings, httpserver) -> None:
    """Point the summary (and machine-translation) backend at a local test server."""
    settings.BROADSHEET_SUMMARY_BACKEND = "articles.summaries.openai_compat.OpenAICompatibleBackend"
    settings.BROADSHEET_SUMMARY_OPTIONS = {
        "base_url": httpserver.url_for("/v1"),
        "api_key": "test-key",
        "model": "test-model",
        "timeout": 2,
    }
    settings.BROADSHEET_SUMMARY_MAX_ATTEMPTS = 3


@pytest.fixture
def chat_server(httpserver, settings):
    """A real local HTTP server speaking chat completions, configured as the backend."""
    use_model_server(settings, httpserver)
    settings.BROADSHEET_SUMMARY_RETRY_BACKOFF = 30
    yield httpserver
    httpserver.clear()


@pytest.fixture
def run_worker(monkeypatch):
    """Run django_tasks_db's own worker in this process until the queue is empty.

    Its periodic ``close_old_connections`` would end the test's transaction on
    PostgreSQL, so it is switched off here; everything else is the real worker.
    """
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run() -> int:
        worker = db_worker.Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        )
        worker.run()
        return worker._run_tasks

    return run


def state_of(article, language) -> SummaryState | None:
    return SummaryState.objects.filter(article=article, language=language).first()


def human_summary(article, language, text):
    return summary_record_edit(article=article, language=language, text=text)
