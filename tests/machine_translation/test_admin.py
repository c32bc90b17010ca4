"""The panel on the article page: who sees what, and its cost in queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import MachineTranslation
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def draft(article, field, status="ready", **fields):
    return MachineTranslation.objects.create(
        article=article,
        language="tr",
        field=field,
        status=status,
        text=fields.pop("text", f"<b>{field}</b> taslağı"),
        model_name="translator-7b",
        finished_at=timezone.now(),
        **fields,
    )


def queries(client, url) -> int:
    client.get(url)  # warm caches that have nothing to do with drafts
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_panel_costs_the_same_queries_however_many_drafts(admin_client, admin_user):
    empty = make_article()
    busy = make_article()
    draft(busy, "title", status="accepted", reviewed_by=admin_user, reviewed_at=timezone.now())
    draft(busy, "standfirst", status="failed", text="", problem="lost_code_block")
    draft(busy, "body")
    draft(busy, "title")
    assert queries(admin_client, change_url(busy)) == queries(admin_client, change_url(empty))


def test_draft_text_is_escaped_and_marked_as_turkish(admin_client):
    article = make_article()
    draft(
        article,
        "body",
        text="<script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |",
        source_text="<i>Original</i> body",
    )
    page = admin_client.get(change_url(article)).text
    assert "Show the original it was made from" in page
    assert '<pre class="mt-text" lang="en">&lt;i&gt;Original&lt;/i&gt; body</pre>' in page
    assert "<script>alert(1)</script>" not in page
    assert '<pre class="mt-text mt-body" lang="tr">&lt;script&gt;alert(1)&lt;/script&gt;' in page
    assert "Machine translation, needs review" in page and "translator-7b" in page


def test_the_original_language_gets_no_button_and_readers_of_the_admin_no_buttons(
    client, admin_client, roles
):
    article = make_article(original_language="en")
    draft(article, "title")
    page = admin_client.get(change_url(article)).text
    assert 'name="language" value="tr"' in page
    assert 'name="language" value="en"' not in page
    viewer = make_user(groups=["Moderators"])  # may view articles, not translate
    client.force_login(viewer)
    page = client.get(change_url(article)).text
    assert "Machine translation, needs review" in page
    assert 'name="decision"' not in page and 'name="language"' not in page
    url = reverse("admin:articles_article_machine_translation", args=[article.pk])
    assert client.post(url, {"language": "tr"}).status_code == 403


def test_the_panel_speaks_turkish(admin_client):
    article = make_article()
    draft(article, "title")
    draft(article, "standfirst", status="failed", text="", problem="table_columns",
          problem_params={"position": 1, "original": 3, "reply": 2})  # fmt: skip
    url = reverse("admin:articles_article_change", args=[article.pk]).replace("/en/", "/tr/", 1)
    page = admin_client.get(url).text
    assert "Makine çevirisi, incelenmesi gerekiyor" in page
    assert "Yapay zekâyla Türkçe çeviri taslağı hazırla" in page
    assert "Bir tablonun biçimi değişti (1. tablo): 3 sütun 2 oldu." in page


def test_the_article_list_filters_articles_with_drafts_waiting(admin_client):
    waiting = make_article(title_en="Waiting for a translator")
    draft(waiting, "title")
    accepted = make_article(title_en="Already reviewed")
    draft(accepted, "title", status="accepted", reviewed_at=timezone.now())
    url = reverse("admin:articles_article_changelist")
    page = admin_client.get(url, {"machine_draft": "tr"}).text
    assert "Waiting for a translator" in page and "Already reviewed" not in page
    assert "Waiting for review in Turkish" in admin_client.get(url).text
