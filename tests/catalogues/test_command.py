"""manage.py catalogues_write: desk edits into the repository's .po files (a copy here)."""

import difflib
import io

import polib
import pytest
from django.core.management import CommandError, call_command

from catalogues import files
from catalogues.models import MessageTranslation
from catalogues.services import translation_save

from .conftest import edit_po

pytestmark = pytest.mark.django_db

UNTRANSLATED = "About this site"
FUZZY = "RSS feed"
PLURAL = "%(count)d article published."


@pytest.fixture
def catalogue(locale_copy):
    path = locale_copy / "tr" / "LC_MESSAGES" / "django.po"

    def change(entry):
        if entry.msgid == UNTRANSLATED:
            entry.msgstr = ""
        elif entry.msgid == FUZZY:
            entry.flags.append("fuzzy")
            entry.previous_msgid = "RSS feeds"

    edit_po(path, change)
    return path


def save(msgid, forms, user=None):
    found = files.read("tr", "django")
    message = next(m for m in found.messages if m.msgid == msgid)
    return translation_save(catalogue=found, message=message, forms=forms, user=user)


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("catalogues_write", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def i18n_status_check() -> tuple[bool, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("i18n_status", "--check", "--no-content", stdout=out, stderr=err)
    except CommandError:
        return False, err.getvalue()
    return True, out.getvalue()


def test_writes_the_edits_clears_fuzzy_and_changes_nothing_else(catalogue):
    before = catalogue.read_text().splitlines(keepends=True)
    save(UNTRANSLATED, ["Bu site hakkında"])
    save(FUZZY, ["RSS beslemesi"])
    save(PLURAL, ["%(count)d makale yayında.", "%(count)d makale yayında."])
    out, _err = run()
    assert "wrote 3 of 3 edit(s)" in out
    after = catalogue.read_text().splitlines(keepends=True)
    changed = [
        line for line in difflib.unified_diff(before, after, n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---")) and line[1:].strip()
    ]  # fmt: skip
    assert sorted(changed) == sorted([
        '-msgstr ""\n', '+msgstr "Bu site hakkında"\n',
        "-#, fuzzy\n", '-#| msgid "RSS feeds"\n',
        '-msgstr "RSS akışı"\n', '+msgstr "RSS beslemesi"\n',
        '-msgstr[0] "%(count)d makale yayımlandı."\n',
        '-msgstr[1] "%(count)d makale yayımlandı."\n',
        '+msgstr[0] "%(count)d makale yayında."\n', '+msgstr[1] "%(count)d makale yayında."\n',
    ])  # fmt: skip
    entry = next(e for e in polib.pofile(str(catalogue)) if e.msgid == FUZZY)
    assert not entry.fuzzy and entry.previous_msgid is None
    assert not MessageTranslation.objects.not_written().exists()
    out, _err = run()
    assert "Nothing to write" in out


def test_i18n_status_check_sees_the_written_edits(catalogue):
    complete, report = i18n_status_check()
    assert not complete
    assert f"untranslated: {UNTRANSLATED!r}" in report
    assert f"fuzzy: {FUZZY!r}" in report
    save(UNTRANSLATED, ["Bu site hakkında"])
    save(FUZZY, ["RSS akışı"])
    run()
    complete, report = i18n_status_check()
    assert complete, report


def test_dry_run_writes_and_marks_nothing(catalogue):
    before = catalogue.read_text()
    save(UNTRANSLATED, ["Bu site hakkında"])
    out, _err = run("--dry-run")
    assert "would write 1 of 1 edit(s)" in out
    assert "Dry run" in out
    assert catalogue.read_text() == before
    assert MessageTranslation.objects.not_written().count() == 1


def test_an_edit_after_writing_is_pending_again(catalogue):
    save(UNTRANSLATED, ["Bu site hakkında"])
    run()
    save(UNTRANSLATED, ["Site hakkında"])
    assert MessageTranslation.objects.not_written().count() == 1
    run("--language", "tr", "-v", "0")
    assert 'msgstr "Site hakkında"' in catalogue.read_text()


def test_a_message_gone_from_the_file_is_skipped_and_said(catalogue):
    save(UNTRANSLATED, ["Bu site hakkında"])
    edit_po(catalogue, lambda entry: setattr(entry, "obsolete", entry.msgid == UNTRANSLATED))
    out, err = run()
    assert "wrote 0 of 1 edit(s)" in out
    assert "skipped (no longer in the file): 'About this site'" in err


def test_writes_into_another_checkout_and_refuses_unknown_languages(catalogue, tmp_path):
    save(UNTRANSLATED, ["Bu site hakkında"])
    with pytest.raises(CommandError, match="No catalogue for language: xx"):
        run("--language", "xx")
    with pytest.raises(CommandError, match="No such folder"):
        run("--locale-dir", str(tmp_path / "nowhere"))
    out, _err = run("--locale-dir", str(catalogue.parents[2]))
    assert "wrote 1 of 1" in out


def test_i18n_status_counts_the_desk_edits_not_yet_written(catalogue):
    save(UNTRANSLATED, ["Bu site hakkında"])
    out = io.StringIO()
    call_command("i18n_status", "--language", "tr", stdout=out)
    line = next(x for x in out.getvalue().splitlines() if "tr django.po" in x and "desk" in x)
    assert "changed on the desk (not yet in the files) 1" in line
    assert "untranslated 0" in line and "fuzzy 1" in line


def test_i18n_status_check_refuses_a_plural_message_missing_a_form(catalogue):
    def drop_second_form(entry):
        if entry.msgid == PLURAL:
            del entry.msgstr_plural[1]

    edit_po(catalogue, drop_second_form)
    complete, report = i18n_status_check()
    assert not complete
    assert f"untranslated: {PLURAL!r}" in report
