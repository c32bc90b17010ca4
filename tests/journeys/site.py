"""A standalone Broadsheet site for the journeys: its own database, a shared cache and
gunicorn servers, deployed and driven exactly as an operator would (subprocesses).

Nothing here imports the application: the site is reached over HTTP on 127.0.0.1 and
through ``manage.py`` commands.
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
SETTINGS = "tests.journeys.settings"
JSON_MARK = "JOURNEY-JSON:"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition, *, timeout: float, interval: float = 0.1, message: str = ""):
    """Poll ``condition`` until it returns something truthy, or fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out after {timeout}s: {message or condition}")
        time.sleep(interval)


# What the suite runs with and the site must too: its languages, and where the
# migrations for their columns are (the three-language run, README "Adding a language").
SUITE_SETTINGS = ("BROADSHEET_LANGUAGES", "BROADSHEET_MIGRATIONS_PACKAGE")


def clean_environment() -> dict[str, str]:
    """The developer's own Broadsheet settings must not leak into the site."""
    prefixes = ("BROADSHEET_", "DJANGO_", "DATABASE_", "COMMENTS_", "EMAIL_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(prefixes) or k in SUITE_SETTINGS}
    env.pop("CACHE_URL", None)
    return env


# Databases -------------------------------------------------------------------------


class SqliteDatabase:
    def __init__(self, folder: Path):
        self.path = folder / "site.sqlite3"
        self.url = f"sqlite:///{self.path}"

    def drop(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


class PostgresDatabase:
    """A freshly CREATEd database on the server the suite runs against."""

    def __init__(self, server_url: str):
        import psycopg

        parts = urllib.parse.urlsplit(server_url)
        assert parts.hostname in ("127.0.0.1", "localhost"), "journeys talk to loopback only"
        self.name = f"journeys_{secrets.token_hex(4)}"
        self.admin = {
            "host": parts.hostname,
            "port": parts.port or 5432,
            "user": urllib.parse.unquote(parts.username or "postgres"),
            "password": urllib.parse.unquote(parts.password or ""),
            "dbname": parts.path.lstrip("/") or "postgres",
        }
        with psycopg.connect(**self.admin, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.name}"')
        self.url = urllib.parse.urlunsplit(parts._replace(path=f"/{self.name}"))

    def drop(self) -> None:
        import psycopg

        with psycopg.connect(**self.admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


# Servers ---------------------------------------------------------------------------


@dataclass
class Server:
    name: str
    url: str
    process: subprocess.Popen
    log: Path

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


@dataclass
class Site:
    """One deployment: a database, a cache, any number of app servers (and workers)."""

    folder: Path
    database_url: str
    cache_url: str
    static_root: Path
    extra_env: dict = field(default_factory=dict)
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(64))
    servers: list = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        env = clean_environment()
        env.update(
            DJANGO_SETTINGS_MODULE=SETTINGS,
            DJANGO_SECRET_KEY=self.secret_key,
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            # As `make serve` on plain-HTTP loopback.
            DJANGO_SECURE_SSL_REDIRECT="false",
            DJANGO_SECURE_COOKIES="false",
            DJANGO_STATIC_ROOT=str(self.static_root),
            # Uploads on this machine's disk, shared by its servers and its worker.
            DJANGO_MEDIA_ROOT=str(self.folder / "media"),
            DATABASE_URL=self.database_url,
            CACHE_URL=self.cache_url,
            # Nothing leaves the machine: the moderators' digest goes nowhere.
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            PYTHONDONTWRITEBYTECODE="1",
        )
        env.update(self.extra_env)
        return env

    def manage(self, *args: str, timeout: float = 120, check: bool = True, env=None):
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=REPO,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
                f"{result.stdout}\n{result.stderr}"
            )
        return result

    def shell(self, code: str, **variables):
        """Run ``code`` in ``manage.py shell``; it calls ``emit(value)`` to answer in JSON."""
        prelude = (
            "import json\n"
            f"def emit(value): print({JSON_MARK!r} + json.dumps(value, default=str))\n"
            f"VARIABLES = json.loads({json.dumps(json.dumps(variables))})\n"
        )
        result = self.manage("shell", "--no-imports", "-c", prelude + code)
        for line in result.stdout.splitlines():
            if line.startswith(JSON_MARK):
                return json.loads(line[len(JSON_MARK) :])
        return None

    def deploy(self) -> None:
        """What a release does before taking traffic: migrate, then the roles."""
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("setup_roles", "-v", "0")

    def start_server(self, name: str) -> Server:
        for _attempt in range(3):
            port = free_port()
            log = self.folder / f"gunicorn-{name}-{port}.log"
            process = subprocess.Popen(
                [
                    GUNICORN,
                    "config.wsgi",
                    "--no-control-socket",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                    "--timeout",
                    "60",
                    "--graceful-timeout",
                    "5",
                ],
                cwd=REPO,
                env=self.env,
                stdout=log.open("w"),
                stderr=subprocess.STDOUT,
            )
            server = Server(name, f"http://127.0.0.1:{port}", process, log)
            self.servers.append(server)
            if self._wait_ready(server):
                return server
            server.stop()
        raise AssertionError(f"gunicorn {name} did not start:\n{server.log_tail()}")

    @staticmethod
    def _wait_ready(server: Server, timeout: float = 30) -> bool:
        import http.client

        deadline = time.monotonic() + timeout
        port = int(server.url.rsplit(":", 1)[1])
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                return False
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return True
            except OSError:
                pass
            finally:
                connection.close()
            time.sleep(0.1)
        return False

    def run_worker_batch(self) -> str:
        """One `manage.py worker --batch`: runs what is queued, then exits."""
        result = self.manage(
            "worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0"
        )
        return result.stdout + result.stderr

    def stop(self) -> None:
        for server in self.servers:
            server.stop()
        self.servers.clear()
