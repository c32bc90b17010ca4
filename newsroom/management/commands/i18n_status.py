"""How complete the translations are: interface catalogues and article content."""

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from modeltranslation.translator import translator

from articles.models import Article, Category, TranslationRecord, missing_text
from catalogues.files import PluralForms
from catalogues.progress import interface_progress
from core.management.commands.makemessages import IGNORE_PATTERNS

DOMAINS = ["django", "djangojs"]
CONTENT_FIELDS = ["title", "standfirst", "body", "summary"]
FIX_HINT = (
    "Run `make messages`, translate the listed entries in locale/{lang}/LC_MESSAGES/"
    "{domain}.po (no fuzzy flags), then `make test`."
)


@dataclass
class CatalogueReport:
    language: str
    domain: str
    exists: bool = True
    translated: int = 0
    fuzzy: list[str] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)
    obsolete: int = 0
    not_in_catalogue: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        found = [f"untranslated: {msgid!r}" for msgid in self.untranslated]
        found += [f"fuzzy: {msgid!r}" for msgid in self.fuzzy]
        found += [f"in the code but not in the catalogue: {m!r}" for m in self.not_in_catalogue]
        return found


def entry_key(entry: polib.POEntry) -> str:
    return f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid


def entry_label(entry: polib.POEntry) -> str:
    return f"{entry.msgid} (context: {entry.msgctxt})" if entry.msgctxt else entry.msgid


def all_forms(entry: polib.POEntry, nplurals: int) -> bool:
    """A plural message has a translation for each of the language's plural forms."""
    return not entry.msgid_plural or all(entry.msgstr_plural.get(i) for i in range(nplurals))


def read_catalogue(path: Path, language: str, domain: str) -> CatalogueReport:
    report = CatalogueReport(language=language, domain=domain)
    if not path.exists():
        report.exists = False
        return report
    catalogue = polib.pofile(str(path))
    nplurals = PluralForms.parse(catalogue.metadata.get("Plural-Forms")).nplurals
    for entry in catalogue:
        if entry.obsolete:
            report.obsolete += 1
        elif "fuzzy" in entry.flags:
            report.fuzzy.append(entry_label(entry))
        elif entry.translated() and all_forms(entry, nplurals):
            report.translated += 1
        else:
            report.untranslated.append(entry_label(entry))
    return report


def extract_current_msgids(languages: list[str]) -> dict[tuple[str, str], dict[str, str]]:
    """Run makemessages on a scratch copy of the project; return msgids per catalogue.

    makemessages writes next to the code it scans, so it runs on a copy: the
    translators' real catalogues are never touched by a check.
    """
    base = Path(settings.BASE_DIR)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "project"
        shutil.copytree(
            base,
            root,
            ignore=shutil.ignore_patterns(*IGNORE_PATTERNS, ".git", "__pycache__", "*.mo"),
        )
        scratch_locale = root / "locale"
        scratch_locale.mkdir(exist_ok=True)
        cwd = os.getcwd()
        try:
            os.chdir(root)
            with override_settings(LOCALE_PATHS=[scratch_locale]):
                for domain in DOMAINS:
                    call_command("makemessages", locale=languages, domain=domain, verbosity=0)
        finally:
            os.chdir(cwd)
        found = {}
        for language in languages:
            for domain in DOMAINS:
                path = scratch_locale / language / "LC_MESSAGES" / f"{domain}.po"
                if path.exists():
                    found[(language, domain)] = {
                        entry_key(e): entry_label(e)
                        for e in polib.pofile(str(path))
                        if not e.obsolete
                    }
        return found


def content_coverage(language: str) -> dict[str, int]:
    """Articles (not archived) and categories lacking text in ``language``."""
    registered = translator.get_options_for_model(Article).fields
    fields = [name for name in CONTENT_FIELDS if name in registered]
    articles = Article.objects.exclude(status=Article.Status.ARCHIVED).exclude(
        original_language=language
    )
    counts = {
        f"articles missing {name}": articles.filter(missing_text(f"{name}_{language}")).count()
        for name in fields
    }
    counts["translations out of date"] = (
        TranslationRecord.objects.out_of_date().filter(language=language).count()
    )
    counts["categories missing name"] = Category.objects.filter(
        missing_text(f"name_{language}")
    ).count()
    return counts


class Command(BaseCommand):
    help = (
        "Report, per language, translated/fuzzy/untranslated/obsolete interface strings "
        "and the articles and categories missing translations. With --check, exit non-zero "
        "when a catalogue of a language in BROADSHEET_COMPLETE_CATALOGUES has untranslated or "
        "fuzzy entries or lacks strings from the code."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Fail on incomplete or outdated catalogues."
        )
        parser.add_argument(
            "--language",
            action="append",
            dest="languages",
            help="Only this language (repeatable). Default: every language but the source.",
        )
        parser.add_argument(
            "--no-content", action="store_true", help="Skip the database content report."
        )

    def handle(self, *args, check: bool, languages: list[str] | None, **options):
        known = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        languages = languages or known
        unknown = sorted(set(languages) - set(known))
        if unknown:
            raise CommandError(f"Unknown or source language: {', '.join(unknown)}")

        locale_dir = Path(settings.LOCALE_PATHS[0])
        reports = [
            read_catalogue(locale_dir / lang / "LC_MESSAGES" / f"{domain}.po", lang, domain)
            for lang in languages
            for domain in DOMAINS
        ]
        extracted = extract_current_msgids(languages)
        for report in reports:
            current = extracted.get((report.language, report.domain), {})
            if not report.exists:
                report.not_in_catalogue = sorted(current.values())
                continue
            path = locale_dir / report.language / "LC_MESSAGES" / f"{report.domain}.po"
            present = {entry_key(e) for e in polib.pofile(str(path)) if not e.obsolete}
            report.not_in_catalogue = sorted(
                label for key, label in current.items() if key not in present
            )

        self.write_catalogues(reports)
        if not options["no_content"]:
            self.write_content(languages)

        # A language still being translated (not in BROADSHEET_COMPLETE_CATALOGUES) is
        # reported but fails no check: its readers see English where a string is missing.
        required = set(settings.BROADSHEET_COMPLETE_CATALOGUES)
        failing = [report for report in reports if report.problems and report.language in required]
        if check and failing:
            for report in failing:
                self.stderr.write(
                    self.style.ERROR(f"{report.language}/{report.domain}.po is incomplete:")
                )
                for problem in report.problems:
                    self.stderr.write(f"  - {problem}")
                self.stderr.write(FIX_HINT.format(lang=report.language, domain=report.domain))
            raise CommandError("Translations are incomplete; see the list above.")
        if check:
            self.stdout.write(self.style.SUCCESS("All interface catalogues are complete."))
            for language in sorted({r.language for r in reports if r.problems} - required):
                self.stdout.write(
                    self.style.WARNING(
                        f"{language}: not checked (being translated; README, “Adding a language”)."
                    )
                )

    def write_catalogues(self, reports: list[CatalogueReport]) -> None:
        self.stdout.write(self.style.MIGRATE_HEADING("Interface strings"))
        for report in reports:
            if not report.exists and not report.not_in_catalogue:
                continue
            if not report.exists:
                self.stdout.write(
                    self.style.WARNING(
                        f"  {report.language} {report.domain + '.po':<12}   0%  no catalogue "
                        f"yet, {len(report.not_in_catalogue)} strings to translate "
                        f"(makemessages -l {report.language})"
                    )
                )
                continue
            total = report.translated + len(report.fuzzy) + len(report.untranslated)
            percent = 100 * report.translated // total if total else 100
            line = (
                f"  {report.language} {report.domain + '.po':<12} {percent:>3}%  "
                f"translated {report.translated}/{total}, fuzzy {len(report.fuzzy)}, "
                f"untranslated {len(report.untranslated)}, obsolete {report.obsolete}, "
                f"missing from catalogue {len(report.not_in_catalogue)}"
            )
            style = self.style.SUCCESS if not report.problems else self.style.WARNING
            self.stdout.write(style(line))

    def write_desk(self, languages: list[str]) -> None:
        """The interface strings as readers get them: the files plus the desk's edits."""
        self.stdout.write(self.style.MIGRATE_HEADING("Interface strings with the desk's edits"))
        for language, domains in interface_progress().items():
            if language not in languages:
                continue
            for domain, counts in domains.items():
                if not counts["total"]:
                    continue
                self.stdout.write(
                    f"  {language} {domain + '.po':<12} translated {counts['translated']}, "
                    f"changed on the desk (not yet in the files) {counts['changed']}, "
                    f"fuzzy {counts['fuzzy']}, untranslated {counts['untranslated']}, "
                    f"total {counts['total']}"
                )

    def write_content(self, languages: list[str]) -> None:
        self.write_desk(languages)
        self.stdout.write(self.style.MIGRATE_HEADING("Content"))
        for language in languages:
            counts = content_coverage(language)
            details = ", ".join(f"{label} {count}" for label, count in counts.items())
            self.stdout.write(f"  {language}  {details}")
