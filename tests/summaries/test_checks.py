"""What a summary must be before anyone reads it."""

import pytest

from articles.summaries.base import Problem, RejectedSummary
from articles.summaries.checks import check_summary, detect_language


@pytest.mark.parametrize(
    "text,language",
    [
        ("The article explains how Docker images differ from containers.", "en"),
        ("Makale, Docker imajlarının kapsayıcılardan nasıl ayrıldığını anlatıyor.", "tr"),
        ("2024. yılında yayımlanan Python 3.13, deneysel bir JIT derleyicisi getiriyor.", "tr"),
        ("Kubernetes 1.31 ships sidecar containers as stable; 5 * 3 is still 15.", "en"),
    ],
)
def test_plain_prose_in_the_right_language_passes(text, language):
    assert check_summary(f"  {text}\n", language=language) == text


def test_whitespace_is_tidied_into_one_paragraph():
    text = "Docker images are templates.\n\nContainers   run them."
    assert check_summary(text, language="en") == "Docker images are templates. Containers run them."


@pytest.mark.parametrize(
    "text,problem",
    [
        ("", Problem.EMPTY),
        ("The article explains Docker images. " * 30, Problem.TOO_LONG),
        ("Docker images are <b>templates</b> for containers.", Problem.MARKUP),
        ("Docker images are templates &amp; containers run them.", Problem.MARKUP),
        ("Docker images are `templates` for containers.", Problem.MARKUP),
        ("> Docker images are templates for containers.", Problem.MARKUP),
        ("Docker images are __templates__ for containers.", Problem.MARKUP),
        ("Docker images are *templates* for containers.", Problem.MARKUP),
        ("Docker images:\n1. templates\n2. layers", Problem.MARKUP),
        ("| Docker | images |", Problem.MARKUP),
        ("Makale, Docker imajlarının kapsayıcılardan nasıl ayrıldığını anlatıyor.", None),
    ],
)
def test_rejected_replies(text, problem):
    with pytest.raises(RejectedSummary) as raised:
        check_summary(text, language="en")
    assert raised.value.problem == (problem or Problem.WRONG_LANGUAGE)


def test_language_detection_is_limited_to_site_languages_unless_clearly_foreign():
    assert detect_language("Postgres 17 artımlı yedekleme ve daha hızlı VACUUM getiriyor.") == "tr"
    assert detect_language("Postgres 17 adds incremental backups and faster VACUUM.") == "en"
    german = "Docker-Images sind Vorlagen; ein Container ist eine laufende Instanz davon."
    assert detect_language(german) == "de"
