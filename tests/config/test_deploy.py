"""Production settings: refuse to start half-configured, pass Django's deploy check."""

import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from tests.factories import make_article

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]


def run_manage(*args, **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [*MANAGE, *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=settings.BASE_DIR,
    )


def test_production_passes_the_deploy_check_with_its_environment_set():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        "--settings",
        "config.settings.prod",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="news.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("key", ["", "short", "dev-only-insecure-key-do-not-deploy" + "x" * 40])
def test_production_refuses_to_start_without_a_real_secret_key(key):
    result = run_manage(
        "check",
        "--settings",
        "config.settings.prod",
        DJANGO_SECRET_KEY=key,
        DJANGO_ALLOWED_HOSTS="news.example.org",
    )
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage(
        "check", "--settings", "config.settings.prod", DJANGO_SECRET_KEY=secrets.token_urlsafe(64)
    )
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


@pytest.mark.django_db
def test_pages_carry_security_headers_and_a_nonce_based_csp(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_CONTENT_TYPE_NOSNIFF = True
    settings.SECURE_REFERRER_POLICY = "same-origin"
    article = make_article()
    response = client.get(article.get_absolute_url("en"), secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy).group(1)
    assert "'self'" in script_src and "'nonce-" in script_src
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    nonce = re.search(r"'nonce-([^']+)'", script_src).group(1)
    assert f'nonce="{nonce}"' in response.content.decode()
