"""Requesting, generating (in this process), accepting and discarding machine drafts."""

import json

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django_tasks_db.models import DBTaskResult

from articles.machine_translation.generation import machine_translation_generate
from articles.machine_translation.services import (
    machine_translation_accept,
    machine_translation_discard,
    machine_translation_request,
)
from articles.models import Article, MachineTranslation, TranslationRecord
from core.languages import LANGUAGE_CODES
from tests.factories import make_article, make_user

from .conftest import ENGLISH_BODY, ENGLISH_STANDFIRST, ENGLISH_TITLE, TURKISH_TITLE

pytestmark = pytest.mark.django_db
Status = MachineTranslation.Status


def article(**fields):
    return make_article(
        title_en=ENGLISH_TITLE, standfirst_en=ENGLISH_STANDFIRST, body_en=ENGLISH_BODY, **fields
    )


def test_the_offline_default_says_plainly_that_it_cannot_translate(translator):
    with pytest.raises(ValidationError) as raised:
        machine_translation_request(article=article(), language="tr", user=translator)
    assert "cannot translate" in raised.value.messages[0]
    assert not MachineTranslation.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_the_original_language_and_people_without_rights_are_refused(model_server, roles):
    story = article()
    with pytest.raises(ValidationError):
        machine_translation_request(article=story, language="en", user=make_user(is_superuser=True))
    with pytest.raises(PermissionDenied):
        machine_translation_request(article=story, language="tr", user=make_user())


def test_a_request_queues_only_the_fields_the_original_has(model_server, translator):
    story = make_article(title_en=ENGLISH_TITLE, standfirst_en="", body_en=ENGLISH_BODY)
    drafts = machine_translation_request(article=story, language="tr", user=translator)
    assert sorted(d.field for d in drafts) == ["body", "title"]
    assert DBTaskResult.objects.count() == 2
    assert all(d.status == Status.QUEUED for d in drafts)


def test_a_new_request_supersedes_the_open_drafts(model_server, translator):
    story = article()
    first = machine_translation_request(article=story, language="tr", user=translator)
    machine_translation_request(article=story, language="tr", user=translator)
    assert {d.status for d in MachineTranslation.objects.filter(pk__in=[d.pk for d in first])} == {
        Status.DISCARDED
    }
    assert MachineTranslation.objects.open().count() == 3


def generate_all(story):
    for draft in MachineTranslation.objects.open().filter(article=story):
        machine_translation_generate(draft=draft)


def test_drafts_wait_for_review_and_are_accepted_field_by_field(model_server, translator):
    model_server.expect_request("/v1/chat/completions", method="POST").respond_with_handler(
        model_server.translate
    )
    story = article()
    machine_translation_request(article=story, language="tr", user=translator)
    generate_all(story)

    # The server saw placeholders, never the code.
    sent = json.dumps([body["messages"] for body in model_server.sent], ensure_ascii=False)
    assert "docker.from_env" not in sent and "`docker ps`" not in sent
    assert "⟦C" in sent and "⟦I" in sent

    assert MachineTranslation.objects.waiting().count() == 3
    assert MachineTranslation.objects.waiting_languages(story) == {"tr"}
    assert MachineTranslation.objects.waiting_by_language() == {
        code: int(code == "tr") for code in LANGUAGE_CODES
    }
    story.refresh_from_db()
    assert story.title_tr in ("", None)  # nothing reaches the article by itself

    title = MachineTranslation.objects.get(article=story, field="title")
    assert title.model_name == "translator-7b" and title.finished_at is not None
    machine_translation_accept(draft=title, user=translator)
    story.refresh_from_db()
    assert story.title_tr == TURKISH_TITLE
    assert not story.body_tr  # the body waits for its own decision
    title.refresh_from_db()
    assert title.status == Status.ACCEPTED and title.reviewed_by == translator
    record = TranslationRecord.objects.get(article=story, language="tr")
    assert record.marked_current_by == translator
    assert record.original_version == story.original_version
    assert LogEntry.objects.filter(object_id=str(story.pk), user=translator).exists()

    body = MachineTranslation.objects.get(article=story, field="body")
    machine_translation_accept(draft=body, user=translator)
    story.refresh_from_db()
    assert "```python\nclient = docker.from_env()" in story.body_tr
    assert "| `docker ps` | Çalışan kapsayıcıları listeler |" in story.body_tr

    standfirst = MachineTranslation.objects.get(article=story, field="standfirst")
    machine_translation_discard(draft=standfirst, user=translator)
    story.refresh_from_db()
    assert not story.standfirst_tr
    assert MachineTranslation.objects.waiting().count() == 0
    with pytest.raises(ValidationError):
        machine_translation_accept(draft=standfirst, user=translator)


def test_a_reply_that_breaks_the_table_is_a_failed_attempt_with_its_reason(
    model_server, translator
):
    def broken(request):
        response = model_server.translate(request)
        payload = json.loads(response.get_data(as_text=True))
        content = payload["choices"][0]["message"]["content"]
        content = content.replace("| Komut | Ne yapar |\n|---|---|", "| Komut |\n|---|")
        payload["choices"][0]["message"]["content"] = content
        response.set_data(json.dumps(payload))
        return response

    model_server.expect_request("/v1/chat/completions").respond_with_handler(broken)
    story = article()
    machine_translation_request(article=story, language="tr", user=translator)
    generate_all(story)
    body = MachineTranslation.objects.get(article=story, field="body")
    assert body.status == Status.FAILED
    assert body.problem_message() == ("A table changed shape (table 1): 2 columns became 1.")
    assert MachineTranslation.objects.get(article=story, field="title").status == Status.READY


def test_a_server_error_is_retried_then_fails_with_its_reason(model_server, translator):
    model_server.expect_request("/v1/chat/completions").respond_with_data("busy", status=503)
    story = make_article(title_en=ENGLISH_TITLE, standfirst_en="", body_en="")
    (draft,) = machine_translation_request(article=story, language="tr", user=translator)
    delays = []
    for _attempt in range(3):
        machine_translation_generate(draft=draft, on_retry=delays.append)
        draft.refresh_from_db()
    assert len(delays) == 2 and delays[1] > delays[0]
    assert draft.status == Status.FAILED and draft.attempts == 3
    assert "503" in draft.problem_message()


def test_a_draft_made_from_an_older_original_is_marked_and_does_not_mark_current(
    model_server, translator, editor
):
    model_server.expect_request("/v1/chat/completions").respond_with_handler(model_server.translate)
    story = make_article(title_en=ENGLISH_TITLE, standfirst_en="", body_en="")
    (draft,) = machine_translation_request(article=story, language="tr", user=translator)
    machine_translation_generate(draft=draft)
    story = Article.objects.get(pk=story.pk)
    story.title_en = "Containers in practice, updated"
    story.save()
    draft.refresh_from_db()
    assert draft.source_changed(story)
    machine_translation_accept(draft=draft, user=translator)
    record = TranslationRecord.objects.get(article=story, language="tr")
    assert record.marked_current_by is None
    assert Article.objects.translation_out_of_date("tr").filter(pk=story.pk).exists()
    # The comparison starts from the title the draft was made from.
    assert record.original_title == ENGLISH_TITLE
