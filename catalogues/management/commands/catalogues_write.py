"""Write the translators' desk edits into the repository's .po files.

Edits saved on the desk are live on every server already; this puts them into
``locale/<language>/LC_MESSAGES/<domain>.po`` so they are committed with the code (and
``i18n_status --check`` counts them). Each written entry loses its fuzzy flag and
previous msgid; the rest of the file stays as makemessages wrote it.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalogues import files
from catalogues.services import catalogues_write


class Command(BaseCommand):
    help = "Write translations saved on the desk into the project's .po files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be written; write nothing."
        )
        parser.add_argument(
            "--language",
            action="append",
            dest="languages",
            help="Only this language (repeatable). Default: every language.",
        )
        parser.add_argument(
            "--locale-dir",
            type=Path,
            help="Write into this locale folder instead of LOCALE_PATHS[0] (a checkout).",
        )

    def handle(self, *args, dry_run: bool, languages, locale_dir, verbosity: int, **options):
        known = {code for code, _name in files.languages()}
        unknown = sorted(set(languages or ()) - known)
        if unknown:
            raise CommandError(f"No catalogue for language: {', '.join(unknown)}")
        if locale_dir is not None and not locale_dir.is_dir():
            raise CommandError(f"No such folder: {locale_dir}")
        reports = catalogues_write(languages=languages, folder=locale_dir, dry_run=dry_run)
        if not reports:
            if verbosity:
                self.stdout.write("Nothing to write: every desk edit is in the files.")
            return
        for report in reports:
            verb = "would write" if dry_run else "wrote"
            line = f"{report.path}: {verb} {report.changed} of {report.pending} edit(s)"
            if verbosity:
                self.stdout.write(self.style.SUCCESS(line) if report.changed else line)
            for msgid in report.skipped:
                self.stderr.write(
                    self.style.WARNING(f"  skipped (no longer in the file): {msgid[:70]!r}")
                )
        if dry_run and verbosity:
            self.stdout.write("Dry run: nothing written, nothing marked.")
