"""The offline default backend: lead sentences in the original language only."""

import pytest

from articles.models import SummaryState
from articles.summaries.base import PermanentSummaryError, Problem, UnsupportedLanguage
from articles.summaries.extractive import ExtractiveBackend
from articles.summaries.generation import summary_generate
from articles.summaries.queueing import Decision, summaries_enqueue
from core.languages import LANGUAGE_CODES
from tests.factories import make_article

from .conftest import ENGLISH_BODY, human_summary, state_of

REAL_TEXT = """\
Python 3.13 ships with an experimental just-in-time compiler, which is off by default. \
Dr. Brandt Bucher, who leads the work, says the first goal is correctness, e.g. passing \
the whole test suite, not speed. The free-threaded build, which removes the global \
interpreter lock, is also available as a separate binary.

| Build | GIL |
|-------|-----|
| default | yes |

Most users will notice neither change yet.
"""


def backend(**options):
    return ExtractiveBackend({"max_sentences": 2, "max_chars": 400, **options})


def test_lead_sentences_of_real_english_text():
    result = backend().summarize(
        title="Python 3.13", text=REAL_TEXT, language="en", source_language="en"
    )
    assert result.text == (
        "Python 3.13 ships with an experimental just-in-time compiler, which is off by "
        "default. Dr. Brandt Bucher, who leads the work, says the first goal is "
        "correctness, e.g. passing the whole test suite, not speed."
    )
    assert result.model == "lead sentences (pysbd)"


def test_headings_code_and_tables_are_not_summary_material():
    result = backend(max_sentences=5, max_chars=2000).summarize(
        title="Docker", text=ENGLISH_BODY, language="en", source_language="en"
    )
    assert "Layers" not in result.text
    assert "print" not in result.text
    assert "Each instruction in a Dockerfile adds a layer." in result.text


def test_a_sentence_that_would_break_the_length_bound_is_left_out():
    result = backend(max_chars=120).summarize(
        title="Python 3.13", text=REAL_TEXT, language="en", source_language="en"
    )
    assert result.text == (
        "Python 3.13 ships with an experimental just-in-time compiler, which is off by default."
    )


def test_a_single_overlong_lead_sentence_is_cut_at_a_word_with_an_ellipsis():
    result = backend(max_chars=40).summarize(
        title="Python", text=REAL_TEXT, language="en", source_language="en"
    )
    assert len(result.text) <= 40
    assert result.text.endswith("…")
    assert result.text.startswith("Python 3.13 ships with")


def test_markdown_inline_syntax_becomes_plain_text():
    text = "Read **the release notes** and [the docs](https://docs.python.org/). Then upgrade."
    result = backend().summarize(title="x", text=text, language="en", source_language="en")
    assert result.text == "Read the release notes and the docs. Then upgrade."


def test_refuses_to_write_turkish_for_an_english_article():
    with pytest.raises(UnsupportedLanguage) as raised:
        backend().summarize(title="x", text=REAL_TEXT, language="tr", source_language="en")
    assert "cannot write Turkish" in raised.value.detail
    assert raised.value.problem == Problem.UNSUPPORTED_LANGUAGE
    assert not backend().can_write(language="tr", source_language="en")


def test_writes_turkish_for_a_turkish_original():
    text = (
        "Python 3.13 deneysel bir JIT derleyicisiyle geliyor. Derleyici varsayılan olarak "
        "kapalı. Çoğu kullanıcı henüz farkı görmeyecek."
    )
    result = backend().summarize(title="x", text=text, language="tr", source_language="tr")
    assert result.text == (
        "Python 3.13 deneysel bir JIT derleyicisiyle geliyor. Derleyici varsayılan olarak kapalı."
    )


def test_an_article_without_prose_cannot_be_summarised():
    with pytest.raises(PermanentSummaryError) as raised:
        backend().summarize(
            title="x", text="```\ncode only\n```", language="en", source_language="en"
        )
    assert raised.value.problem == Problem.NO_SOURCE


@pytest.mark.django_db
def test_turkish_stays_missing_and_the_admin_is_told_why():
    article = make_article(body_en=REAL_TEXT)
    report = summaries_enqueue(articles=[article])
    # English is queued; every other language (Turkish, and any third) it cannot write.
    assert sorted(decision for _a, _l, decision in report.pairs) == sorted(
        [Decision.QUEUE] + [Decision.UNSUPPORTED] * (len(LANGUAGE_CODES) - 1)
    )
    state = state_of(article, "tr")
    assert state.state == SummaryState.State.MISSING
    assert state.problem == Problem.UNSUPPORTED_LANGUAGE
    assert state.problem_message() == "The extractive backend cannot write Turkish."


@pytest.mark.django_db
def test_generated_extractive_summary_is_ready_and_shown(client):
    article = make_article(body_en=REAL_TEXT)
    assert summary_generate(article=article, language="en").status == "generated"
    state = state_of(article, "en")
    assert (state.state, state.backend) == (SummaryState.State.READY, "extractive")
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert "Python 3.13 ships with an experimental just-in-time compiler" in html


@pytest.mark.django_db
def test_a_refused_language_never_touches_an_existing_summary():
    article = make_article(body_en=REAL_TEXT)
    human_summary(article, "tr", "Masanın yazdığı özet.")
    report = summaries_enqueue(articles=[article], languages=["tr"], force=True)
    assert report.counts[Decision.UNSUPPORTED] == 1
    state = state_of(article, "tr")
    assert (state.state, state.origin, state.problem) == (SummaryState.State.READY, "human", "")
    article.refresh_from_db()
    assert article.summary_tr == "Masanın yazdığı özet."
