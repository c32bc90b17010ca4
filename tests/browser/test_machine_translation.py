"""The machine-translation panel in a real browser: review, accept field by field, axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import Page, expect

from articles.machine_translation.markdown import translate_safely
from articles.models import MachineTranslation
from tests.factories import make_article, make_user
from tests.machine_translation.conftest import (
    ENGLISH_BODY,
    ENGLISH_TITLE,
    TURKISH_TITLE,
    dictionary_translation,
)

from .test_back_office import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def seeded_article():
    article = make_article(title_en=ENGLISH_TITLE, body_en=ENGLISH_BODY)
    body = translate_safely(ENGLISH_BODY, dictionary_translation)
    for field, text in (("title", TURKISH_TITLE), ("body", body)):
        MachineTranslation.objects.create(
            article=article,
            language="tr",
            field=field,
            status="ready",
            text=text,
            source_text=getattr(article, f"{field}_en"),
            backend="openai-compatible",
            model_name="translator-7b",
            finished_at=timezone.now(),
        )
    MachineTranslation.objects.create(
        article=article,
        language="tr",
        field="standfirst",
        status="failed",
        problem="table_columns",
        problem_params={"position": 1, "original": 3, "reply": 2},
        finished_at=timezone.now(),
    )
    return article


def panel_violations(page) -> list[str]:
    results = Axe().run(page, context="#machine-translation")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("language", ["en", "tr"])
def test_a_translator_accepts_the_title_then_the_body(browser, live_server, roles, language):
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page: Page = context.new_page()
    translator = make_user(groups=["Translators"], username="tuba")
    article = seeded_article()
    log_in(page, live_server, "tuba")
    change = f"{live_server.url}/{language}/admin/articles/article/{article.pk}/change/"
    page.goto(change)
    panel = page.locator("#machine-translation")
    badge = "Machine translation, needs review" if language == "en" else "Makine çevirisi"
    expect(panel.locator(".mt-draft-ready .mt-badge").first).to_contain_text(badge)
    expect(panel.locator(".mt-draft-failed")).to_contain_text("3")
    expect(panel.locator("pre.mt-body")).to_contain_text("docker.from_env()")
    assert panel_violations(page) == []

    panel.locator('[data-field="title"] .mt-accept').click()
    expect(page.locator(".messagelist")).to_be_visible()
    expect(page.locator('.mt-draft[data-field="title"]')).to_have_count(0)
    expect(page.locator('.mt-draft[data-field="body"] .mt-accept')).to_be_visible()
    article.refresh_from_db()
    assert article.title_tr == TURKISH_TITLE and not article.body_tr

    page.locator('[data-field="body"] .mt-accept').click()
    expect(page.locator(".mt-history li")).to_have_count(2)
    article.refresh_from_db()
    assert "| `docker ps` |" in article.body_tr
    assert MachineTranslation.objects.filter(status="accepted", reviewed_by=translator).count() == 2
    assert panel_violations(page) == []
    context.close()
