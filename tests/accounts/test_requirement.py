"""BROADSHEET_REQUIRE_2FA: people in the named roles set up a second factor first."""

import os
import subprocess
import sys

import pytest
from django.test import override_settings

from accounts.policy import required_roles, second_factor_required
from tests.accounts.conftest import code_for, sign_in, with_app
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def production_value(**env) -> str:
    script = "import config.settings.prod as p; print(p.BROADSHEET_REQUIRE_2FA)"
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("BROADSHEET_", "DJANGO_"))
    }
    environment |= {"DJANGO_SECRET_KEY": "x" * 60, "DJANGO_ALLOWED_HOSTS": "example.com", **env}
    done = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_off_in_development_and_tests_on_for_superusers_and_editors_in_production():
    assert required_roles() == set()
    assert production_value() == "['superusers', 'editors']"
    assert production_value(BROADSHEET_REQUIRE_2FA="none") == "['none']"
    assert production_value(BROADSHEET_REQUIRE_2FA="staff") == "['staff']"


@pytest.mark.parametrize("value", ["", "none", ["off"]])
def test_none_turns_it_off(settings, value, roles):
    settings.BROADSHEET_REQUIRE_2FA = value
    assert not second_factor_required(make_user(is_superuser=True))


def test_who_is_required(settings, editor, moderator, django_user_model):
    settings.BROADSHEET_REQUIRE_2FA = ["superusers", "Editors"]
    boss = django_user_model.objects.create_superuser("boss", "b@example.com", "pw-boss-12")
    assert second_factor_required(boss)
    assert second_factor_required(editor)
    assert not second_factor_required(moderator)
    settings.BROADSHEET_REQUIRE_2FA = "staff"
    assert second_factor_required(moderator)


@override_settings(BROADSHEET_REQUIRE_2FA=["superusers", "editors"])
def test_an_editor_without_a_second_factor_sets_one_up_before_anything_else(client, editor):
    response = sign_in(client, "editor")
    assert response["Location"] == "/en/admin/"
    for path in ("/en/admin/", "/en/admin/articles/article/", "/en/preview/NWURPW/"):
        assert client.get(path)["Location"] == "/en/admin/security/", path
    page = client.get("/en/admin/security/").content.decode()
    assert "Your role in the newsroom requires a second factor" in page
    # The pages that set one up stay open, and so does signing out.
    assert client.get("/en/admin/security/app/").status_code == 200
    assert client.post("/en/admin/logout/").status_code == 200


@override_settings(BROADSHEET_REQUIRE_2FA=["superusers", "editors"])
def test_once_set_up_the_editor_works_as_before(client, editor):
    client.force_login(editor)
    client.get("/en/admin/security/app/")
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user=editor)
    client.post("/en/admin/security/app/", {"code": code_for(device)})
    assert client.get("/en/admin/articles/article/").status_code == 200


@override_settings(BROADSHEET_REQUIRE_2FA=["superusers", "editors"])
def test_people_outside_the_roles_are_not_asked(client, moderator):
    sign_in(client, "moderator")
    assert client.get("/en/admin/").status_code == 200


@override_settings(BROADSHEET_REQUIRE_2FA=["superusers", "editors"])
def test_an_editor_with_an_app_signs_in_with_it(client, editor):
    device = with_app(editor)
    sign_in(client, "editor")
    client.post("/en/admin/login/verify/", {"code": code_for(device)})
    assert client.get("/en/admin/").status_code == 200
