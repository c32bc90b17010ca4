from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError, Unavailable, backup_restore, backups_list


class Command(BaseCommand):
    help = (
        "Put a backup made by `manage.py backup` in place of the database, after asking. "
        "Without a file: the newest in BROADSHEET_BACKUP_DIR. Stop the worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", nargs="?", type=Path, help="The backup file.")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive",
            help="Do not ask for confirmation.",
        )  # fmt: skip
        parser.add_argument("--database", default="default", help="The database alias.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Name the backup that would be restored."
        )

    def handle(self, *args, backup: Path | None, interactive: bool, database: str, **options):
        if backup is None:
            found = backups_list(Path(settings.BROADSHEET_BACKUP_DIR))
            if not found:
                raise CommandError(f"No backups in {settings.BROADSHEET_BACKUP_DIR}.")
            backup = found[0]
        if options["dry_run"]:
            self.stdout.write(f"Would restore {backup}.")
            return
        if interactive:
            answer = input(
                f"This replaces everything in the database with {backup}.\n"
                "Type 'yes' to continue, or anything else to cancel: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            restored = backup_restore(source=backup, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if isinstance(restored, Unavailable):
            raise CommandError(
                f"pg_restore is not installed here. Run instead:\n  {restored.command}"
            )
        # Everything in the cache describes the database just replaced: cached pages and
        # their tokens, the desk's token, counters. Readers must not be served the newer
        # pages of a database that no longer exists.
        for alias in caches:
            caches[alias].clear()
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"Restored {backup} into {restored}."))
            self.stdout.write("The cache was emptied: every page is rendered afresh.")
            self.stdout.write("Run `manage.py migrate` if the backup is older than the code.")
