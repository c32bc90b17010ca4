import shutil
from io import StringIO

import polib
import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db


def run_status(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("i18n_status", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_real_catalogues_are_complete_and_current():
    out, _err = run_status("--check", "--no-content")
    assert "All interface catalogues are complete." in out
    assert "tr django.po    100%" in out


@pytest.fixture
def broken_locale(tmp_path, settings):
    """A copy of the catalogues with one untranslated, one fuzzy and one dropped entry."""
    locale = tmp_path / "locale"
    shutil.copytree(settings.BASE_DIR / "locale", locale, ignore=shutil.ignore_patterns("*.mo"))
    path = locale / "tr" / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    catalogue.find("Skip to content").msgstr = ""
    catalogue.find("Latest news").flags.append("fuzzy")
    catalogue.remove(catalogue.find("Page not found"))
    catalogue.save()
    settings.LOCALE_PATHS = [locale]
    return path


def test_check_names_untranslated_fuzzy_and_missing_strings(broken_locale):
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("i18n_status", "--check", "--no-content", stdout=out, stderr=err)
    errors = err.getvalue()
    assert "untranslated: 'Skip to content'" in errors
    assert "fuzzy: 'Latest news'" in errors
    assert "in the code but not in the catalogue: 'Page not found'" in errors
    assert "make messages" in errors
    # The check reads a scratch copy: the catalogue itself is left as it was.
    assert polib.pofile(str(broken_locale)).find("Page not found") is None


def test_without_check_the_report_does_not_fail(broken_locale):
    out, _err = run_status("--no-content")
    assert "fuzzy 1, untranslated 1" in out
    assert "missing from catalogue 1" in out


def test_content_coverage_counts_missing_and_out_of_date_translations():
    make_article(title_tr="", standfirst_tr="", body_tr="")
    translated = make_article(title_tr="Çevrildi", standfirst_tr="Spot", body_tr="Metin")
    make_article(title_tr="", status=Article.Status.ARCHIVED)
    make_category(name_tr="")
    translated.body_en = "The original changed."
    translated.save()
    out, _err = run_status("--language", "tr")
    content = out.split("Content")[1]
    assert "articles missing title 1" in content
    assert "articles missing body 1" in content
    assert "translations out of date 1" in content
    assert "categories missing name 1" in content


def test_unknown_language_is_refused():
    with pytest.raises(CommandError, match="Unknown or source language"):
        run_status("--language", "xx")


def test_a_language_being_translated_is_reported_but_fails_no_check(settings):
    """A third language with no catalogue yet (README, "Adding a language")."""
    codes = [code for code, _name in settings.LANGUAGES]
    extra = "de" if "de" not in codes else "fr"
    settings.LANGUAGES = [*settings.LANGUAGES, (extra, "Extra")]
    out, _err = run_status("--check", "--no-content")
    assert "All interface catalogues are complete." in out
    assert f"{extra}: not checked (being translated" in out
    assert f"  {extra} django.po      0%  no catalogue yet" in out

    settings.BROADSHEET_COMPLETE_CATALOGUES = ["tr", extra]
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("i18n_status", "--check", "--no-content", stdout=StringIO(), stderr=err)
    assert f"{extra}/django.po is incomplete" in err.getvalue()
    assert "tr/django.po" not in err.getvalue()


def test_turkish_must_stay_complete_whatever_else_is_configured(broken_locale, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("fr", "French")]
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("i18n_status", "--check", "--no-content", stdout=StringIO(), stderr=err)
    assert "tr/django.po is incomplete" in err.getvalue()
