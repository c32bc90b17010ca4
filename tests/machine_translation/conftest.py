import json

import pytest

from tests.summaries.conftest import (  # noqa: F401 (run_worker: a fixture)
    chat_reply,
    run_worker,
    use_model_server,
)

ENGLISH_TITLE = "Containers in practice"
ENGLISH_STANDFIRST = "How to start one, and what to type."
ENGLISH_BODY = """\
Containers start in seconds.

## Install

Run `pip install docker` first, then read [the guide](https://docs.docker.com/get-started/).

```python
client = docker.from_env()  # connect to the daemon
print("Containers start in seconds.")
```

| Command | What it does |
|---|---|
| `docker ps` | Lists running containers |
| `docker images` | Lists images |
| (none) | Shows the help |

That is all.
"""
# A dictionary translator: what the model server does with each English phrase. The
# code block repeats a sentence of the prose, so translating code would show.
PHRASES = {
    ENGLISH_TITLE: "Uygulamada kapsayıcılar",
    ENGLISH_STANDFIRST: "Nasıl başlatılır ve ne yazılır.",
    "Containers start in seconds.": "Kapsayıcılar saniyeler içinde başlar.",
    "## Install": "## Kurulum",
    "Run ": "Önce ",
    " first, then read [the guide](": " komutunu çalıştırın, sonra [kılavuzu](",
    "get-started/).": "get-started/) okuyun.",
    "| Command | What it does |": "| Komut | Ne yapar |",
    "Lists running containers": "Çalışan kapsayıcıları listeler",
    "Lists images": "İmajları listeler",
    "| (none) | Shows the help |": "| (hiçbiri) | Yardımı gösterir |",
    "That is all.": "Hepsi bu.",
}
TURKISH_TITLE = PHRASES[ENGLISH_TITLE]


def dictionary_translation(text: str, phrases: dict = PHRASES) -> str:
    for english, turkish in phrases.items():
        text = text.replace(english, turkish)
    return text


@pytest.fixture
def model_server(httpserver, settings):
    """A real local HTTP server speaking chat completions, configured as the backend.

    It translates with ``PHRASES`` and records what it was sent (``model_server.sent``).
    """
    use_model_server(settings, httpserver)
    httpserver.sent = []

    def translate(request):
        from werkzeug import Response

        body = json.loads(request.get_data(as_text=True))
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        httpserver.sent.append(body)
        reply = chat_reply(dictionary_translation(user), model="translator-7b")
        return Response(json.dumps(reply), content_type="application/json")

    httpserver.translate = translate
    yield httpserver
    httpserver.clear()


def ai_env(httpserver) -> dict[str, str]:
    """The worker process's settings for the same model server."""
    return {
        "BROADSHEET_AI_BASE_URL": httpserver.url_for("/v1"),
        "BROADSHEET_AI_MODEL": "test-model",
        "BROADSHEET_AI_API_KEY": "test-key",
        "BROADSHEET_AI_TIMEOUT": "5",
    }
