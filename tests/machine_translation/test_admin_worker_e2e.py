"""End to end: a translator asks for a machine draft in the admin, a real ``db_worker``
process calls a real local model server, the translator reviews the draft and accepts
it field by field, and readers (page cache on) see each field only once accepted."""

import json
import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import MachineTranslation
from tests.factories import make_article
from tests.workers import copy_back, database_url_for_worker, run_batch_worker

from .conftest import ENGLISH_BODY, ENGLISH_STANDFIRST, ENGLISH_TITLE, TURKISH_TITLE, ai_env

Status = MachineTranslation.Status


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def csrf_token(page) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def button(page, name: str, value: str) -> str:
    """The ``formaction`` of the submit button ``name=value`` on the admin page."""
    for tag in re.findall(r"<button[^>]*>", page.text):
        if f'name="{name}"' in tag and f'value="{value}"' in tag:
            return unescape(re.search(r'formaction="([^"]+)"', tag).group(1))
    raise AssertionError(f"no {name}={value} button on the page")


def press(client, page, name: str, value: str, formaction: str | None = None):
    url = formaction or button(page, name, value)
    response = client.post(url, {"csrfmiddlewaretoken": csrf_token(page), name: value})
    assert response.status_code == 302, response.status_code
    return client.get(response["Location"])


def messages_of(page) -> str:
    return " ".join(str(m) for m in page.context["messages"])


@pytest.mark.django_db(transaction=True)
def test_a_translator_drafts_reviews_and_accepts_field_by_field(tmp_path, model_server, translator):
    model_server.expect_request("/v1/chat/completions", method="POST").respond_with_handler(
        model_server.translate
    )
    article = make_article(
        title_en=ENGLISH_TITLE, standfirst_en=ENGLISH_STANDFIRST, body_en=ENGLISH_BODY
    )
    admin = csrf_client(translator)
    change = reverse("admin:articles_article_change", args=[article.pk])
    reader = Client()
    turkish = article.get_absolute_url("tr")
    assert ENGLISH_TITLE in reader.get(turkish, follow=True).text  # cached: the English fallback

    page = admin.get(change)
    assert "Draft a translation into Turkish with AI" in page.text
    page = press(admin, page, "language", "tr")
    assert "3 fields queued for a machine translation into Turkish" in messages_of(page)
    assert "Waiting for the worker" in page.text

    url = database_url_for_worker(tmp_path)
    run_batch_worker(url, **ai_env(model_server))
    copy_back(url)

    # The model server was sent placeholders, never the code.
    sent = json.dumps([body["messages"] for body in model_server.sent], ensure_ascii=False)
    assert "from_env" not in sent and "docker ps" not in sent and "⟦C" in sent
    assert len(model_server.sent) == 3

    page = admin.get(change)
    assert page.text.count("Machine translation, needs review") == 3
    assert "translator-7b" in page.text
    body = MachineTranslation.objects.get(article=article, field="body")
    assert body.status == Status.READY
    # The body draft keeps its code block, inline code and table, shown as escaped text.
    assert "```python\nclient = docker.from_env()  # connect to the daemon\n" in body.text
    assert 'print("Containers start in seconds.")' in body.text
    assert "| `docker ps` | Çalışan kapsayıcıları listeler |" in body.text
    assert "| Komut | Ne yapar |\n|---|---|" in body.text
    assert "print(&quot;Containers start in seconds.&quot;)" in page.text

    # Drafts never reach readers by themselves (the cached page, and a fresh one).
    assert TURKISH_TITLE not in reader.get(turkish, follow=True).text
    assert TURKISH_TITLE not in reader.get(turkish, {"fresh": "1"}).text

    page = press(admin, page, "decision", "accept", button_of_field(page, "title", "accept"))
    assert "was accepted; readers see it now" in messages_of(page)
    shown = reader.get(turkish, follow=True).text
    assert TURKISH_TITLE in shown
    assert "Çalışan kapsayıcıları listeler" not in shown  # the body waits for its review

    page = press(admin, page, "decision", "accept", button_of_field(page, "body", "accept"))
    shown = reader.get(turkish, follow=True).text
    assert "<table" in shown and "Çalışan kapsayıcıları listeler" in shown
    assert "<code>docker ps</code>" in shown
    assert "connect to the daemon" in shown and "## Kurulum" not in shown

    page = press(admin, page, "decision", "discard", button_of_field(page, "standfirst", "discard"))
    assert "machine translation accepted by translator" in page.text
    for field in ("title", "body"):
        draft = MachineTranslation.objects.get(article=article, field=field)
        assert draft.status == Status.ACCEPTED
        assert draft.reviewed_by == translator and draft.reviewed_at is not None
    article.refresh_from_db()
    assert not article.standfirst_tr


def button_of_field(page, field: str, decision: str) -> str:
    block = re.search(
        rf'<div class="mt-draft[^"]*" data-field="{field}">(.*?)</div>', page.text, re.S
    )
    assert block, f"no draft of the {field} on the page"
    tag = re.search(rf'<button[^>]*value="{decision}"[^>]*>', block.group(1)).group(0)
    return unescape(re.search(r'formaction="([^"]+)"', tag).group(1))


@pytest.mark.django_db
def test_the_offline_default_button_says_it_cannot_translate(translator):
    article = make_article()
    admin = csrf_client(translator)
    page = admin.get(reverse("admin:articles_article_change", args=[article.pk]))
    page = press(admin, page, "language", "tr")
    assert "cannot translate" in messages_of(page)
    assert not MachineTranslation.objects.exists()


@pytest.mark.django_db
def test_without_the_csrf_token_or_with_get_nothing_happens(model_server, translator):
    article = make_article()
    admin = csrf_client(translator)
    url = reverse("admin:articles_article_machine_translation", args=[article.pk])
    assert admin.post(url, {"language": "tr"}).status_code == 403
    assert admin.get(url).status_code == 405
    assert not MachineTranslation.objects.exists()
