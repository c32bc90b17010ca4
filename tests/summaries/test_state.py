"""The transitions on ``SummaryState`` and its article filter, without a backend."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from articles.models import Article, SummaryState
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

State = SummaryState.State
Problem = SummaryState.Problem


@pytest.fixture
def state():
    return SummaryState.objects.create(article=make_article(), language="en")


@pytest.mark.parametrize(
    ("problem", "retry", "expected"),
    [
        (Problem.TIMEOUT, True, State.QUEUED),
        (Problem.TIMEOUT, False, State.FAILED),
        (Problem.UNSUPPORTED_LANGUAGE, True, State.MISSING),
    ],
)
def test_a_failed_attempt_is_queued_again_failed_or_missing(state, problem, retry, expected):
    state.claim(until=timezone.now())
    state.mark_failed(problem=problem, error="x" * 3000, retry=retry)
    state.refresh_from_db()
    assert (state.state, state.problem, state.claimed_until) == (expected, problem, None)
    assert len(state.last_error) == 2000


def test_a_generated_summary_is_stale_when_the_source_changed_meanwhile(state):
    state.mark_generated(backend="b", model="m", fingerprint="old", current_fingerprint="new")
    assert (state.state, state.origin, state.written_from) == (State.STALE, "ai", "old")


def test_an_edit_by_no_saved_user_records_no_editor(state):
    state.mark_queued(token="t", now=timezone.now())
    state.mark_edited(editor=AnonymousUser(), fingerprint="f")
    state.refresh_from_db()
    assert state.is_protected and state.edited_by is None and state.task_token == ""
    state.mark_edited(editor=make_user(), fingerprint="f")
    assert state.edited_by is not None
    state.mark_missing()
    assert (state.state, state.origin, state.edited_by) == (State.MISSING, "", None)


def test_the_article_filter_counts_absent_rows_as_missing(state):
    bare = make_article()
    articles = Article.objects.filter(pk__in=[state.article_id, bare.pk])
    missing_en = articles.filter(SummaryState.objects.article_filter(State.MISSING, "en"))
    assert set(missing_en) == {state.article, bare}
    state.mark_failed(problem=Problem.TIMEOUT, error="")
    failed = articles.filter(SummaryState.objects.article_filter(State.FAILED))
    assert list(failed) == [state.article]
