"""The second step after the password: an app's code, a recovery code, enrolment."""

import re

import pytest
import time_machine
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.conftest import VERIFY, code_for, sign_in

pytestmark = pytest.mark.django_db


def test_without_a_device_the_password_is_enough(client, staff):
    response = sign_in(client, "sam")
    assert response["Location"] == "/en/admin/"
    assert client.get("/en/admin/").status_code == 200


def test_with_an_app_the_password_alone_signs_nobody_in(client, staff_with_app):
    response = sign_in(client, "sam")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    assert "_auth_user_id" not in client.session
    assert client.get("/en/admin/")["Location"].startswith("/en/admin/login/")
    page = client.get(response["Location"]).content.decode()
    assert "Second step of signing in" in page
    assert 'autocomplete="one-time-code"' in page


def test_the_apps_code_completes_the_sign_in(client, staff_with_app):
    _user, device = staff_with_app
    sign_in(client, "sam")
    response = client.post(VERIFY, {"code": code_for(device), "next": "/en/admin/articles/"})
    assert response["Location"] == "/en/admin/articles/"
    assert client.get("/en/admin/").status_code == 200
    assert client.session["otp_device_id"] == device.persistent_id


def test_a_wrong_code_is_refused_and_says_so(client, staff_with_app):
    _user, device = staff_with_app
    sign_in(client, "sam")
    wrong = str((int(code_for(device)) + 1) % 1_000_000).zfill(6)
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_code_cannot_be_used_twice(client, staff_with_app):
    _user, device = staff_with_app
    code = code_for(device)
    sign_in(client, "sam")
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.post("/en/admin/logout/")
    other = client.__class__()
    sign_in(other, "sam")
    assert other.post(VERIFY, {"code": code}).status_code == 200


def test_the_password_step_expires(client, staff_with_app):
    _user, device = staff_with_app
    sign_in(client, "sam")
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=6)):
        response = client.post(VERIFY, {"code": code_for(device)})
    assert response["Location"].startswith("/en/admin/login/")


def test_only_safe_next_addresses_are_followed(client, staff_with_app):
    _user, device = staff_with_app
    sign_in(client, "sam")
    response = client.post(VERIFY, {"code": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == "/en/admin/"


def verified_login(client, user, device) -> None:
    sign_in(client, user.get_username())
    assert client.post(VERIFY, {"code": code_for(device)}).status_code == 302


def test_a_recovery_code_works_once(client, staff_with_app):
    staff, device = staff_with_app
    verified_login(client, staff, device)
    page = client.post("/en/admin/security/recovery-codes/").content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    assert len(codes) == 10
    client.post("/en/admin/logout/")

    sign_in(client, "sam")
    assert client.post(VERIFY, {"code": codes[0].upper()}).status_code == 302
    client.post("/en/admin/logout/")
    sign_in(client, "sam")
    response = client.post(VERIFY, {"code": codes[0]})
    assert response.status_code == 200
    assert "used before" in response.content.decode()
    assert StaticDevice.objects.get(user=staff).token_set.count() == 9


def test_new_recovery_codes_replace_the_old_ones_and_are_not_cached(client, staff_with_app):
    staff, device = staff_with_app
    verified_login(client, staff, device)
    first = client.post("/en/admin/security/recovery-codes/")
    assert "no-store" in first["Cache-Control"]
    old = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", first.content.decode())
    client.post("/en/admin/security/recovery-codes/")
    tokens = set(StaticDevice.objects.get(user=staff).token_set.values_list("token", flat=True))
    assert len(tokens) == 10 and not tokens & set(old)
    assert client.get("/en/admin/security/recovery-codes/").status_code == 405


def test_recovery_codes_back_up_an_app_or_a_passkey(client, staff):
    client.force_login(staff)
    response = client.post("/en/admin/security/recovery-codes/")
    assert response["Location"] == "/en/admin/security/"
    assert not StaticDevice.objects.exists()


def test_setting_up_an_app_shows_a_qr_code_and_the_key_and_needs_one_code(client, staff):
    client.force_login(staff)
    page = client.get("/en/admin/security/app/")
    html = page.content.decode()
    assert page.status_code == 200
    assert '<svg width="' in html and 'class="totp-qr"' in html  # drawn here, inline
    assert "<img" not in html.split('id="content-main"')[1].split("</main>")[0]
    device = TOTPDevice.objects.get(user=staff)
    assert not device.confirmed
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', html).group(1)
    assert len(secret.replace(" ", "")) == 32

    refused = client.post("/en/admin/security/app/", {"code": "123456"})
    assert "That code is not right" in refused.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()

    done = client.post("/en/admin/security/app/", {"code": code_for(device)})
    assert done["Location"] == "/en/admin/security/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.session["otp_device_id"] == device.persistent_id
    assert "Set up on" in client.get("/en/admin/security/").content.decode()


def test_a_session_without_its_second_factor_is_sent_to_give_it(client, staff_with_app):
    user, _device = staff_with_app
    client.force_login(user)  # e.g. a session from before the app was set up
    response = client.get("/en/admin/articles/article/")
    assert response["Location"].startswith(VERIFY)
    # It cannot add another factor of its own either.
    assert client.get("/en/admin/security/app/")["Location"].startswith(VERIFY)
    assert client.post("/en/admin/security/recovery-codes/")["Location"].startswith(VERIFY)


def test_previews_wait_for_the_second_factor_too(client, staff_with_app):
    sign_in(client, "sam")
    response = client.get("/en/preview/NWURPW/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_passkey_verification_refuses_when_nobody_gave_a_password(client, staff):
    response = client.post("/en/admin/passkeys/authentication/begin/")
    assert response.status_code == 403
    assert response.json()["code"] == "passwordless_login_disabled"


def test_passkey_verification_begins_for_the_person_waiting(client, staff_with_app):
    sign_in(client, "sam")
    response = client.post("/en/admin/passkeys/authentication/begin/")
    assert response.status_code == 200
    assert response.json()["rpId"] == "testserver"


def test_the_pages_speak_turkish(client, staff_with_app):
    client.post("/tr/admin/login/", {"username": "sam", "password": "correct horse battery staple"})
    page = client.get("/tr/admin/login/verify/").content.decode()
    assert "Oturum açmanın ikinci adımı" in page
    user, _device = staff_with_app
    client.force_login(user)
    TOTPDevice.objects.filter(user=user).delete()
    security = client.get("/tr/admin/security/").content.decode()
    assert "Oturum açma güvenliği" in security and "Kurtarma kodları" in security


def test_the_back_office_links_to_ones_sign_in_security(client, staff):
    client.force_login(staff)
    assert 'href="/en/admin/security/"' in client.get("/en/admin/").content.decode()
