"""The summary backends' ``translate``: the OpenAI-compatible one over real HTTP, and
the plain refusals of the ones that cannot translate."""

import json

import pytest

from articles.summaries import get_backend
from articles.summaries.base import BaseSummaryBackend, CannotTranslate, Problem, SummaryError
from articles.summaries.extractive import ExtractiveBackend
from tests.summaries.conftest import chat_reply


def test_the_offline_default_and_the_base_say_they_cannot_translate():
    backend = ExtractiveBackend({})
    assert not backend.can_translate
    with pytest.raises(CannotTranslate) as raised:
        backend.translate(field="body", text="Hello.", source_language="en", language="tr")
    assert raised.value.problem == Problem.CANNOT_TRANSLATE
    assert "cannot translate" in raised.value.detail
    with pytest.raises(CannotTranslate):
        BaseSummaryBackend({}).translate(
            field="title", text="Hi", source_language="en", language="tr"
        )


def test_the_openai_compatible_backend_asks_for_a_faithful_translation(model_server):
    model_server.expect_oneshot_request("/v1/chat/completions", method="POST").respond_with_json(
        chat_reply("<think>hmm</think>Önce ⟦I1⟧ çalıştırın.", model="translator-7b")
    )
    backend = get_backend()
    assert backend.can_translate
    result = backend.translate(
        field="body", text="Run ⟦I1⟧ first.", source_language="en", language="tr"
    )
    assert result.text == "Önce ⟦I1⟧ çalıştırın."
    assert result.model == "translator-7b"
    (request, _response) = model_server.log[0]
    sent = json.loads(request.get_data(as_text=True))
    system, user = sent["messages"]
    assert user == {"role": "user", "content": "Run ⟦I1⟧ first."}
    assert "from English (en) into Turkish (tr)" in system["content"]
    assert "⟦C1⟧" in system["content"] and "exactly once" in system["content"]
    assert "max_tokens" not in sent  # a long body must not be cut at a summary's limit


@pytest.mark.parametrize(
    ("status", "transient"), [(503, True), (429, True), (400, False), (401, False)]
)
def test_server_errors_are_sorted_into_transient_and_permanent(model_server, status, transient):
    model_server.expect_oneshot_request("/v1/chat/completions").respond_with_data(
        "{}", status=status
    )
    with pytest.raises(SummaryError) as raised:
        get_backend().translate(field="title", text="Hi", source_language="en", language="tr")
    assert raised.value.transient is transient


def test_a_reply_cut_at_the_token_limit_is_refused(model_server):
    model_server.expect_oneshot_request("/v1/chat/completions").respond_with_json(
        chat_reply("Yarım kal", finish_reason="length")
    )
    with pytest.raises(SummaryError) as raised:
        get_backend().translate(field="body", text="Hi", source_language="en", language="tr")
    assert raised.value.problem == Problem.TOO_LONG
