from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError, Unavailable, backup_create, backups_rotate


class Command(BaseCommand):
    help = (
        "Copy the database while the site serves (SQLite's online backup API, or pg_dump on "
        "PostgreSQL) into BROADSHEET_BACKUP_DIR, keeping the BROADSHEET_BACKUP_KEEP newest. "
        "Media files are not included (README, 'Operations')."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, default=None, help="Folder for the backups.")
        parser.add_argument("--keep", type=int, default=None, help="How many backups to keep.")
        parser.add_argument("--database", default="default", help="The database alias.")

    def handle(self, *args, dir: Path | None, keep: int | None, database: str, **options):
        folder = dir or Path(settings.BROADSHEET_BACKUP_DIR)
        keep = settings.BROADSHEET_BACKUP_KEEP if keep is None else keep
        try:
            made = backup_create(folder=folder, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if isinstance(made, Unavailable):
            raise CommandError(f"pg_dump is not installed here. Run instead:\n  {made.command}")
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"Backed up to {made}"))
        for old in backups_rotate(folder, keep=keep):
            if options["verbosity"] > 1:
                self.stdout.write(f"Deleted old backup {old}")
