"""Consistent copies of the database while the site serves, and putting one back.

SQLite: the online backup API (``sqlite3.Connection.backup``) copies the database as of
one moment while readers and writers carry on (WAL mode), into a file beside the others;
the oldest beyond ``BROADSHEET_BACKUP_KEEP`` are deleted. PostgreSQL: ``pg_dump`` in its
custom format, when it is installed; otherwise the command to run is given instead.
"""

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.db import connections
from django.utils import timezone


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Unavailable:
    """The tool is missing: what the operator should run instead."""

    command: str


PREFIX = "db-"


def _stamp(now: datetime | None = None) -> str:
    return (now or timezone.now()).strftime("%Y%m%d-%H%M%S-%f")


def _sqlite_path(alias: str) -> Path:
    name = connections[alias].settings_dict["NAME"]
    if connections[alias].is_in_memory_db():
        raise BackupError("The database is in memory: there is nothing on disk to back up.")
    return Path(name)


def _pg_env(settings_dict: dict) -> dict[str, str]:
    env = dict(os.environ)
    mapping = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER", "PASSWORD": "PGPASSWORD"}
    for key, var in mapping.items():
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    return env


def backup_create(*, folder: Path, alias: str = "default") -> Path | Unavailable:
    """Write a consistent copy of the database into ``folder``; its path."""
    connection = connections[alias]
    folder.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        target = folder / f"{PREFIX}{_stamp()}.sqlite3"
        partial = target.with_suffix(".partial")
        source = sqlite3.connect(_sqlite_path(alias), timeout=30)
        try:
            copy = sqlite3.connect(partial)
            try:
                # One step (pages=-1): the copy is the database as of a single moment.
                source.backup(copy)
                verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
        finally:
            source.close()
        if verdict != "ok":
            partial.unlink(missing_ok=True)
            raise BackupError(f"The copy failed its integrity check: {verdict}")
        partial.rename(target)
        return target
    if connection.vendor == "postgresql":
        target = folder / f"{PREFIX}{_stamp()}.pgdump"
        db = connection.settings_dict
        command = ["pg_dump", "--format=custom", "--no-owner", f"--file={target}", db["NAME"]]
        if not shutil.which("pg_dump"):
            return Unavailable(_shown(db, command))
        partial = target.with_suffix(".partial")
        command[3] = f"--file={partial}"
        result = subprocess.run(  # noqa: S603 - a fixed program, arguments from settings
            command, env=_pg_env(db), capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            partial.unlink(missing_ok=True)
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        partial.rename(target)
        return target
    raise BackupError(f"No backup for {connection.vendor} databases: use the server's tools.")


def _shown(db: dict, command: list[str]) -> str:
    env = " ".join(
        f"{var}={db[key]}"
        for key, var in {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER"}.items()
        if db.get(key)
    )
    return f"{env} {' '.join(command)}".strip()


def backups_list(folder: Path) -> list[Path]:
    """The backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{PREFIX}*") if p.suffix in {".sqlite3", ".pgdump"}]
    return sorted(found, key=lambda p: p.name, reverse=True)


def backups_rotate(folder: Path, *, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest backups; the deleted ones."""
    doomed = backups_list(folder)[max(keep, 1) :]
    for path in doomed:
        path.unlink()
    return doomed


def backup_restore(*, source: Path, alias: str = "default") -> Path | Unavailable:
    """Put the backup ``source`` in place of the database. The caller has asked."""
    connection = connections[alias]
    if not source.is_file():
        raise BackupError(f"No such backup: {source}")
    if connection.vendor == "sqlite":
        if source.suffix != ".sqlite3":
            raise BackupError("This is not an SQLite backup.")
        check = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            verdict = check.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            check.close()
        if verdict != "ok":
            raise BackupError(f"The backup failed its integrity check: {verdict}")
        target = _sqlite_path(alias)
        connections.close_all()
        # Copying into the live file through SQLite (not over it) keeps its WAL and the
        # other processes' connections coherent: they see the restored data next query.
        backup = sqlite3.connect(source)
        live = sqlite3.connect(target, timeout=30)
        try:
            backup.backup(live)
        finally:
            live.close()
            backup.close()
        return target
    if connection.vendor == "postgresql":
        if source.suffix != ".pgdump":
            raise BackupError("This is not a pg_dump backup.")
        db = connection.settings_dict
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                   f"--dbname={db['NAME']}", str(source)]  # fmt: skip
        if not shutil.which("pg_restore"):
            return Unavailable(_shown(db, command))
        connections.close_all()
        result = subprocess.run(  # noqa: S603 - a fixed program, arguments from settings
            command, env=_pg_env(db), capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
        return Path(db["NAME"])
    raise BackupError(f"No restore for {connection.vendor} databases: use the server's tools.")
