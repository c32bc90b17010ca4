"""`manage.py generate_summaries`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult

from articles.models import Article, SummaryState
from core.languages import LANGUAGE_CODES
from tests.factories import make_article

from .conftest import human_summary, state_of

pytestmark = pytest.mark.django_db

State = SummaryState.State


def run(*args) -> str:
    out = StringIO()
    call_command("generate_summaries", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def articles(settings):
    # A backend that can write every language, so every language can be queued.
    settings.BROADSHEET_SUMMARY_BACKEND = "articles.summaries.openai_compat.OpenAICompatibleBackend"
    settings.BROADSHEET_SUMMARY_OPTIONS = {"model": "m", "base_url": "http://127.0.0.1:9/v1"}
    missing = make_article(title_en="Missing one")
    stale = make_article(title_en="Stale one")
    failed = make_article(title_en="Failed one")
    edited = make_article(title_en="Edited one")
    for article, state in ((stale, State.STALE), (failed, State.FAILED)):
        for code in LANGUAGE_CODES:
            SummaryState.objects.create(article=article, language=code, state=state, origin="ai")
    for code in LANGUAGE_CODES:
        human_summary(edited, code, "Özet." if code == "tr" else "Summary.")
    draft = make_article(title_en="Draft one", status=Article.Status.DRAFT, published_at=None)
    return {"missing": missing, "stale": stale, "failed": failed, "edited": edited, "draft": draft}


def test_dry_run_lists_and_changes_nothing(articles):
    out = run("--dry-run")
    assert f"Would queue #{articles['missing'].public_id} [tr] Missing one" in out
    assert "Stale one" in out and "Failed one" in out
    assert "Edited one" not in out and "Draft one" not in out
    # Three articles (missing, stale, failed), each in every language.
    queued = 3 * len(LANGUAGE_CODES)
    assert f"Dry run: {queued} summaries would be queued." in out
    assert not DBTaskResult.objects.exists()
    assert state_of(articles["missing"], "en") is None


def test_default_queues_missing_stale_and_failed(articles):
    out = run()
    queued, edited = 3 * len(LANGUAGE_CODES), len(LANGUAGE_CODES)
    assert (
        f"Queued {queued} summaries ({edited} edited by a person left alone, 0 already queued)."
    ) in out
    assert DBTaskResult.objects.count() == queued
    assert state_of(articles["edited"], "en").state == State.READY
    assert run().startswith("Queued 0 summaries")


@pytest.mark.parametrize(
    "flag,expected", [("--missing", "missing"), ("--stale", "stale"), ("--failed", "failed")]
)
def test_selection_flags(articles, flag, expected):
    run(flag)
    queued = set(
        SummaryState.objects.filter(state=State.QUEUED).values_list("article__title_en", flat=True)
    )
    assert queued == {articles[expected].title_en}


def test_language_option(articles):
    run("--language", "tr", "--missing")
    assert state_of(articles["missing"], "tr").state == State.QUEUED
    assert state_of(articles["missing"], "en") is None


def test_article_and_all_statuses_options(articles):
    draft = articles["draft"]
    run("--article", draft.public_id, "--all-statuses", "-v", "2")
    assert state_of(draft, "en").state == State.QUEUED
    with pytest.raises(CommandError, match="No such article: NOPE00"):
        run("--article", "NOPE00")


def test_unknown_language_is_refused(articles):
    with pytest.raises(CommandError):
        run("--language", "xx")


def test_extractive_backend_reports_what_it_cannot_write(settings):
    article = make_article()
    settings.BROADSHEET_SUMMARY_BACKEND = "articles.summaries.extractive.ExtractiveBackend"
    out = run()
    assert f"Cannot write #{article.public_id} [tr] with this backend; left missing." in out


def test_broken_backend_setting_is_a_clear_error(settings):
    make_article()
    settings.BROADSHEET_SUMMARY_BACKEND = "articles.summaries.nowhere.Backend"
    with pytest.raises(CommandError, match="cannot be imported"):
        run()
