"""Running real worker processes against the test database."""

import os
import sqlite3
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection


def database_url_for_worker(tmp_path) -> str:
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        return (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        )
    if connection.vendor == "sqlite":
        path = tmp_path / "worker.sqlite3"
        if connection.is_in_memory_db():
            connection.ensure_connection()
            target = sqlite3.connect(path)
            connection.connection.backup(target)
            target.close()
            return f"sqlite:///{path}"
        return f"sqlite:///{db['NAME']}"
    pytest.skip(f"no end-to-end worker test for {connection.vendor}")


def copy_back(url: str) -> None:
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        source = sqlite3.connect(url.removeprefix("sqlite:///"))
        source.backup(connection.connection)
        source.close()


def worker_env(database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a worker subprocess: dev settings on the test database."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("BROADSHEET_", "DJANGO_", "DATABASE_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        CACHE_URL="locmem://",
        DATABASE_URL=database_url,
    )
    env.update(extra)
    return env


def worker_command(*args: str) -> list[str]:
    return [sys.executable, str(settings.BASE_DIR / "manage.py"), "worker", "--no-reload",
            "--no-startup-delay", *args]  # fmt: skip


def run_batch_worker(database_url: str, **env: str) -> None:
    """Run Django's ``db_worker`` once over what is queued, as its own process, and insist
    it succeeded. The test site's secret key goes along, so the links it signs open here."""
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            "-v",
            "0",
        ],  # fmt: skip
        cwd=settings.BASE_DIR,
        env=worker_env(database_url, DJANGO_SECRET_KEY=settings.SECRET_KEY, **env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def wait_for(condition, timeout: float = 60) -> None:
    """Until ``condition()`` holds: a worker process works at its own pace."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.1)
