"""/readyz: 200 only when the database, the cache, the migrations and a worker are fine."""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from operations import readiness, upkeep


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on {port}")


@pytest.fixture(autouse=True)
def _fresh_migration_check(monkeypatch):
    monkeypatch.setattr(readiness, "_migrations_applied", False)


@pytest.mark.django_db
def test_ready_with_a_worker_seen_recently(client):
    upkeep.heartbeat(worker="w1")
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "checks": ["cache", "database", "migrations", "worker"],
    }
    assert "no-cache" in response["Cache-Control"]
    # Liveness stays the cheap one: no database at all.
    assert client.get("/healthz").content == b"ok\n"


@pytest.mark.django_db
def test_not_ready_without_a_worker_or_with_one_gone_quiet(client, settings):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert list(response.json()["failing"]) == ["worker"]
    assert "manage.py worker" in response.json()["failing"]["worker"]
    upkeep.heartbeat(worker="w1")
    later = timezone.now() + timedelta(seconds=settings.BROADSHEET_WORKER_STALE_SECONDS + 1)
    with time_machine.travel(later, tick=False):
        assert client.get("/readyz").status_code == 503


@pytest.mark.django_db(transaction=True)
def test_not_ready_with_a_migration_pending(client):
    upkeep.heartbeat(worker="w1")
    call_command("migrate", "comments", "0001", verbosity=0)
    try:
        response = client.get("/readyz")
        assert response.status_code == 503
        failing = response.json()["failing"]
        assert list(failing) == ["migrations"]
        assert "not applied (run manage.py migrate)" in failing["migrations"]
    finally:
        call_command("migrate", verbosity=0)
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_not_ready_when_the_cache_stops(client, settings, tmp_path):
    """A Redis of our own on another port: ready while it runs, 503 once it stops."""
    port, original = free_port(), settings.CACHES
    subprocess.run(
        ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", str(port),
         "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        check=True,
    )  # fmt: skip
    try:
        wait_for_port(port)
        settings.CACHES = {
            **settings.CACHES,
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": f"redis://127.0.0.1:{port}/0",
            },
        }
        upkeep.heartbeat(worker="w1")
        assert client.get("/readyz").status_code == 200
    finally:
        subprocess.run(["redis-cli", "-p", str(port), "shutdown", "nosave"], check=False)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert list(response.json()["failing"]) == ["cache"]
    assert response.json()["failing"]["cache"].startswith("cache unavailable")
    settings.CACHES = original


def test_not_ready_when_the_database_is_away(tmp_path):
    """An app server whose database does not answer (nothing listens on its port)."""
    closed, port = free_port(), free_port()
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"postgres://postgres:postgres@127.0.0.1:{closed}/broadsheet",
        "CACHE_URL": "locmem://",
        "HOME": str(tmp_path),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}",
         "--no-control-socket", "-w", "1", "--access-logfile", "-"],
        cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        wait_for_port(port)
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=30)
        assert answer.value.code == 503
        body = json.loads(answer.value.read())
        assert body["status"] == "unavailable"
        assert body["failing"]["database"] == "database unavailable: OperationalError"
        assert set(body["failing"]) == {"database", "migrations", "worker"}
        # Alive all the same: the liveness probe does not touch the database.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=30) as live:
            assert live.status == 200
    finally:
        server.terminate()
        server.communicate(timeout=30)
