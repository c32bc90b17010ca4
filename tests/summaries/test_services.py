"""Staleness, person-edited protection, idempotency and the publication trigger."""

import pytest
from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article, SummaryState
from articles.summaries import extractive
from articles.summaries.generation import Outcome, summary_generate
from articles.summaries.queueing import (
    Decision,
    summaries_enqueue,
    summaries_enqueue_for_publication,
)
from articles.summaries.reads import summary_dashboard_counts
from articles.summaries.services import summary_record_edit
from core.languages import LANGUAGE_CODES
from tests.factories import make_article

from .conftest import ENGLISH_BODY, human_summary, state_of

pytestmark = pytest.mark.django_db

State = SummaryState.State


@pytest.fixture
def calls(monkeypatch):
    """Counts the extractive backend's calls (it stands in for any model here)."""
    seen = []
    original = extractive.ExtractiveBackend.summarize

    def counting(self, **kwargs):
        seen.append(kwargs["language"])
        return original(self, **kwargs)

    monkeypatch.setattr(extractive.ExtractiveBackend, "summarize", counting)
    return seen


@pytest.fixture
def article():
    return make_article(title_en="Docker images", body_en=ENGLISH_BODY)


def ai_summary(article) -> SummaryState:
    assert summary_generate(article=article, language="en").status == Outcome.GENERATED
    return state_of(article, "en")


# Staleness


def test_changing_the_original_body_or_title_makes_ai_summaries_stale(article):
    ai_summary(article)
    article.body_en += "\n\nA new paragraph."
    article.save()
    assert state_of(article, "en").state == State.STALE
    assert article.reader_summary("en") is None

    assert summary_generate(article=article, language="en").status == Outcome.GENERATED
    article.title_en = "Docker images, revisited"
    article.save()
    assert state_of(article, "en").state == State.STALE


def test_other_changes_leave_the_summary_ready(article):
    ai_summary(article)
    article.standfirst_en = "A new standfirst."
    article.title_tr = "Docker imajları"
    article.category.name_en = "Elsewhere"
    article.save()
    assert state_of(article, "en").state == State.READY


def test_a_person_edited_summary_is_not_made_stale_but_the_change_is_noted(article):
    human_summary(article, "en", "Images are templates; containers run them.")
    article.body_en += "\n\nMore."
    article.save()
    state = state_of(article, "en")
    assert state.state == State.READY
    assert state.written_from != article.summary_fingerprint()


def test_generation_finishing_after_the_source_changed_is_stored_as_stale(article, monkeypatch):
    original = extractive.ExtractiveBackend.summarize

    def edit_meanwhile(self, **kwargs):
        fresh = Article.objects.get(pk=article.pk)
        fresh.body_en = "Edited while the model was writing. Second sentence."
        fresh.save()
        return original(self, **kwargs)

    monkeypatch.setattr(extractive.ExtractiveBackend, "summarize", edit_meanwhile)
    assert summary_generate(article=article, language="en").status == Outcome.GENERATED
    assert state_of(article, "en").state == State.STALE


# Person-edited summaries


def test_person_edited_summary_is_never_queued_without_force(article, calls):
    human_summary(article, "en", "Images are templates; containers run them.")
    for replace_ai in (False, True):
        report = summaries_enqueue(articles=[article], languages=["en"], replace_ai=replace_ai)
        assert report.counts[Decision.PROTECTED] == 1
    assert summaries_enqueue_for_publication(articles=[article]).counts[Decision.PROTECTED] == 1
    assert not DBTaskResult.objects.exists()
    assert calls == []


def test_an_edit_made_while_a_task_waits_wins(article, run_worker, calls):
    summaries_enqueue(articles=[article], languages=["en"])
    summary_record_edit(article=article, language="en", text="Written by an editor.")
    run_worker()
    article.refresh_from_db()
    assert article.summary_en == "Written by an editor."
    state = state_of(article, "en")
    assert (state.state, state.origin) == (State.READY, SummaryState.Origin.HUMAN)
    assert calls == []


def test_direct_generation_also_respects_the_edit(article, calls):
    human_summary(article, "en", "Written by an editor.")
    outcome = summary_generate(article=article, language="en")
    assert outcome.status == Outcome.SKIPPED
    assert calls == []


def test_force_replaces_a_person_edited_summary(article, run_worker):
    human_summary(article, "en", "Written by an editor.")
    report = summaries_enqueue(articles=[article], languages=["en"], force=True)
    assert report.queued == 1
    run_worker()
    article.refresh_from_db()
    assert article.summary_en.startswith("Docker images and containers are easy to confuse.")
    state = state_of(article, "en")
    assert (state.origin, state.edited_by) == (SummaryState.Origin.AI, None)


def test_clearing_an_edited_summary_makes_it_missing_again(article):
    human_summary(article, "en", "Written by an editor.")
    state = summary_record_edit(article=article, language="en", text="  ")
    assert (state.state, state.origin) == (State.MISSING, "")
    assert summaries_enqueue(articles=[article], languages=["en"]).queued == 1


# Idempotency


def test_queuing_twice_queues_once(article):
    assert summaries_enqueue(articles=[article], languages=["en"]).queued == 1
    report = summaries_enqueue(articles=[article], languages=["en"])
    assert report.counts[Decision.ALREADY_QUEUED] == 1
    assert DBTaskResult.objects.count() == 1


def test_running_the_same_task_twice_leaves_one_summary(article, run_worker, calls):
    summaries_enqueue(articles=[article], languages=["en"])
    task = DBTaskResult.objects.get()
    run_worker()
    first = state_of(article, "en")
    # Deliver the very same task again, as a crashed-and-restarted worker might.
    DBTaskResult.objects.filter(pk=task.pk).update(status="READY", run_after=timezone.now())
    run_worker()
    second = state_of(article, "en")
    assert calls == ["en"]
    assert (second.state, second.attempts, second.generated_at) == (
        State.READY,
        1,
        first.generated_at,
    )
    assert SummaryState.objects.filter(article=article).count() == 1


def test_a_second_worker_on_the_same_summary_backs_off(article, monkeypatch, calls):
    summaries_enqueue(articles=[article], languages=["en"])
    token = state_of(article, "en").task_token
    original = extractive.ExtractiveBackend.summarize
    inner = []

    retries = []

    def while_writing(self, **kwargs):
        # A second worker picks up the same task while the first waits for the model.
        inner.append(
            summary_generate(article=article, language="en", token=token, on_retry=retries.append)
        )
        return original(self, **kwargs)

    monkeypatch.setattr(extractive.ExtractiveBackend, "summarize", while_writing)
    outcome = summary_generate(article=article, language="en", token=token)
    assert outcome.status == Outcome.GENERATED
    # It backs off until the first worker's claim runs out (in case that worker dies);
    # by then the summary is ready and the retry does nothing.
    assert inner[0].status == Outcome.RETRY
    assert "another worker" in inner[0].detail
    assert retries and 0 < retries[0] <= settings.BROADSHEET_TASK_LEASE_SECONDS + 1
    state = state_of(article, "en")
    assert (state.state, state.attempts, state.claimed_until) == (State.READY, 1, None)


def test_a_newer_request_supersedes_a_waiting_task(article, run_worker, calls):
    summaries_enqueue(articles=[article], languages=["en"])
    summaries_enqueue(articles=[article], languages=["en"], replace_ai=True)
    assert DBTaskResult.objects.count() == 2
    run_worker()
    assert calls == ["en"]
    results = sorted(DBTaskResult.objects.values_list("return_value", flat=True), key=str)
    assert results == ["generated", "skipped: superseded by a newer request"]


def test_an_abandoned_queued_summary_can_be_queued_again(article):
    summaries_enqueue(articles=[article], languages=["en"])
    SummaryState.objects.update(queued_at=timezone.now() - timezone.timedelta(hours=2))
    assert summaries_enqueue(articles=[article], languages=["en"]).queued == 1


def test_unexpected_errors_do_not_leave_the_summary_queued(article, run_worker, monkeypatch):
    def broken(self, **kwargs):
        raise RuntimeError("bug in a backend")

    monkeypatch.setattr(extractive.ExtractiveBackend, "summarize", broken)
    summaries_enqueue(articles=[article], languages=["en"])
    run_worker()
    state = state_of(article, "en")
    assert state.state == State.FAILED
    assert "bug in a backend" in state.last_error
    assert DBTaskResult.objects.get().status == "FAILED"


# Publication and the dashboard


def test_publishing_queues_the_missing_summaries(settings):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    report = summaries_enqueue_for_publication(articles=[draft])
    assert report.queued == 1  # English; the extractive backend cannot write Turkish.
    settings.BROADSHEET_SUMMARIES_ON_PUBLISH = False
    other = make_article()
    assert summaries_enqueue_for_publication(articles=[other]) is None
    assert not SummaryState.objects.filter(article=other).exists()


def test_a_broken_backend_setting_does_not_stop_publication(settings, article):
    settings.BROADSHEET_SUMMARY_BACKEND = "articles.summaries.nowhere.Backend"
    assert summaries_enqueue_for_publication(articles=[article]) is None


def test_dashboard_counts_published_articles_per_state(article):
    stale = make_article()
    ai_summary(stale)
    stale.body_en = "Changed. Entirely."
    stale.save()
    failed = make_article()
    SummaryState.objects.create(article=failed, language="tr", state=State.FAILED)
    ready = make_article()
    for code in LANGUAGE_CODES:
        human_summary(ready, code, "Hazır bir özet." if code == "tr" else "A ready summary.")
    make_article(status=Article.Status.DRAFT, published_at=None)
    assert summary_dashboard_counts() == {"missing": 3, "stale": 1, "failed": 1}


def test_unknown_languages_are_refused(article):
    with pytest.raises(ValueError, match="xx"):
        summaries_enqueue(articles=[article], languages=["xx"])
