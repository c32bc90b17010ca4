"""manage.py backup and restore: a consistent copy while comments are being written."""

import io
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from tests.factories import make_article
from tests.workers import database_url_for_worker, worker_env

WRITER = Path(__file__).with_name("comment_writer.py")


def manage(url: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=worker_env(url),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def committed_ids(path: Path) -> set[int]:
    return {int(line) for line in path.read_text().splitlines() if line.strip()}


@pytest.fixture
def sqlite_url(tmp_path, transactional_db):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backup (the PostgreSQL one is tested below)")
    make_article()
    return database_url_for_worker(tmp_path)


def test_a_backup_taken_while_comments_are_written_restores_every_earlier_comment(
    tmp_path, sqlite_url
):
    ids_file, stop_file = tmp_path / "ids.txt", tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(ids_file), str(stop_file)],
        cwd=settings.BASE_DIR,
        env=worker_env(sqlite_url, PYTHONPATH=str(settings.BASE_DIR)),
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while (not ids_file.exists() or len(committed_ids(ids_file)) < 30) and (
            time.monotonic() < deadline
        ):
            time.sleep(0.05)
        before = committed_ids(ids_file)
        assert len(before) >= 30
        made = manage(sqlite_url, "backup", "--dir", str(tmp_path / "backups"))
        assert made.returncode == 0, made.stderr
        time.sleep(0.3)
    finally:
        stop_file.touch()
        _out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    after = committed_ids(ids_file)
    # The writer went on writing while the copy was taken.
    assert len(after) > len(before)
    [backup] = (tmp_path / "backups").glob("db-*.sqlite3")
    assert f"Backed up to {backup}" in made.stdout

    # Put it back into a fresh database file, as on a new machine.
    restored_url = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    put_back = manage(restored_url, "restore", str(backup), "--no-input")
    assert put_back.returncode == 0, put_back.stderr
    assert manage(restored_url, "check").returncode == 0
    pending = manage(restored_url, "migrate", "--check")
    assert pending.returncode == 0, pending.stdout + pending.stderr
    restored = sqlite3.connect(tmp_path / "restored.sqlite3")
    ids = {row[0] for row in restored.execute("SELECT id FROM comments_comment")}
    restored.close()
    assert before <= ids
    # And nothing that was never committed.
    assert ids <= after


def test_restore_asks_first_and_keeps_the_database_when_refused(tmp_path, sqlite_url):
    backups = tmp_path / "backups"
    assert manage(sqlite_url, "backup", "--dir", str(backups)).returncode == 0
    [backup] = backups.glob("db-*.sqlite3")
    target = tmp_path / "other.sqlite3"
    sqlite3.connect(target).execute("CREATE TABLE keep_me (x)").connection.commit()
    refused = manage(f"sqlite:///{target}", "restore", str(backup), stdin="no\n")
    assert refused.returncode != 0
    assert "Restore cancelled." in refused.stderr
    assert "replaces everything in the database" in refused.stdout
    tables = {row[0] for row in sqlite3.connect(target).execute("SELECT name FROM sqlite_master")}
    assert tables == {"keep_me"}
    accepted = manage(f"sqlite:///{target}", "restore", str(backup), stdin="yes\n")
    assert accepted.returncode == 0, accepted.stderr
    tables = {row[0] for row in sqlite3.connect(target).execute("SELECT name FROM sqlite_master")}
    assert "comments_comment" in tables and "keep_me" not in tables


def test_backups_are_rotated(tmp_path, sqlite_url):
    backups = tmp_path / "backups"
    for _ in range(3):
        result = manage(sqlite_url, "backup", "--dir", str(backups), "--keep", "2", "-v", "2")
        assert result.returncode == 0, result.stderr
    assert len(list(backups.glob("db-*.sqlite3"))) == 2
    assert "Deleted old backup" in result.stdout


@pytest.mark.django_db(transaction=True)
def test_the_newest_backup_is_restored_when_none_is_named(tmp_path, settings):
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        pytest.skip("an SQLite database in a file")
    settings.BROADSHEET_BACKUP_DIR = tmp_path
    with pytest.raises(CommandError, match="No backups in"):
        call_command("restore", "--no-input")
    call_command("backup", verbosity=0)
    make_article(title_en="Written after the backup")
    call_command("backup", verbosity=0)
    newest = sorted(tmp_path.glob("db-*.sqlite3"))[-1]
    out = io.StringIO()
    call_command("restore", "--dry-run", stdout=out)
    assert out.getvalue() == f"Would restore {newest}.\n"
    copy = sqlite3.connect(newest)
    titles = {row[0] for row in copy.execute("SELECT title_en FROM articles_article")}
    copy.close()
    assert "Written after the backup" in titles


@pytest.mark.django_db
def test_postgresql_without_pg_dump_says_what_to_run(tmp_path, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(CommandError) as refused:
        call_command("backup", "--dir", str(tmp_path / "backups"))
    assert "pg_dump is not installed here. Run instead:" in str(refused.value)
    assert f"pg_dump --format=custom --no-owner --file={tmp_path / 'backups'}" in str(refused.value)


@pytest.mark.django_db
def test_postgresql_backup_with_pg_dump(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL")
    make_article(title_en="Kept in the dump")
    call_command("backup", "--dir", str(tmp_path), verbosity=0)
    [dump] = tmp_path.glob("db-*.pgdump")
    listing = subprocess.run(
        ["pg_restore", "--list", str(dump)], capture_output=True, text=True, check=True
    ).stdout
    assert "TABLE DATA public comments_comment" in listing
    assert "TABLE DATA public articles_article" in listing


@pytest.mark.django_db
def test_postgresql_without_pg_restore_says_what_to_run(tmp_path, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL")
    dump = tmp_path / "db-20261201-000000-000000.pgdump"
    dump.write_bytes(b"PGDMP")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(dump), "--no-input")
    assert "pg_restore is not installed here. Run instead:" in str(refused.value)
    assert "pg_restore --clean --if-exists --no-owner --single-transaction" in str(refused.value)
