"""A web process loads what would keep its first reader waiting before it serves anyone."""

import subprocess
import sys

from django.conf import settings

LOADED = (
    "import {module}; from articles.summaries.checks import language_identifiers; "
    "print(language_identifiers.cache_info().currsize)"
)


def test_the_web_processes_load_the_language_identifier_as_they_start():
    for module in ("config.wsgi", "config.asgi"):
        result = subprocess.run(
            [sys.executable, "-c", LOADED.format(module=module)],
            cwd=settings.BASE_DIR,
            env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.strip() == "1", result.stderr
