"""Failed sign-ins are throttled per account at an address and per address (django-axes)."""

import io
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.utils import timezone

from tests.accounts.conftest import LOGIN, VERIFY, sign_in, with_app
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def fail(client, username: str, times: int, **extra):
    for _i in range(times):
        response = sign_in(client, username, "wrong password", **extra)
    return response


def test_five_wrong_passwords_lock_the_account_at_that_address(client, staff, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    response = fail(client, "sam", 4)
    assert response.status_code == 200  # the login form again, with its error
    response = fail(client, "sam", 1)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Signing in is paused" in page
    assert "paused for 30 minutes" in page
    assert "ask an administrator to lift the lock" in page
    assert 'id="login-form"' not in page
    # Even the right password is refused now.
    assert sign_in(client, "sam").status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_out_page_is_the_admins_and_speaks_turkish(client, staff):
    for _i in range(5):
        response = client.post(
            "/tr/admin/login/", {"username": "sam", "password": "yanlış"}, HTTP_ACCEPT_LANGUAGE="tr"
        )
    assert response.status_code == 429
    page = response.content.decode()
    assert '<html lang="tr"' in page
    assert "Oturum açma durduruldu" in page
    assert "30 dakika durduruldu" in page
    assert "admin/css/login.css" in page


def test_the_same_account_from_another_address_is_not_locked(client, staff):
    fail(client, "sam", 5)
    response = sign_in(client, "sam", REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302
    assert response["Location"] == "/en/admin/"


def test_an_address_trying_many_usernames_is_locked_at_its_own_limit(client, db, settings):
    settings.BROADSHEET_SIGNIN_ADDRESS_FAILURE_LIMIT = 8
    make_user(username="other")
    for n in range(7):
        assert sign_in(client, f"guess{n}", "nope").status_code == 200
    assert sign_in(client, "guess7", "nope").status_code == 429
    # A real account from that address is refused too, until the lock is lifted.
    assert sign_in(client, "other").status_code == 429
    assert sign_in(client, "other", REMOTE_ADDR="198.51.100.7").status_code == 302


def test_the_throttle_uses_the_sites_client_address(client, staff, settings, monkeypatch):
    """AXES_CLIENT_IP_CALLABLE names the same function the comment limits use."""
    assert settings.AXES_CLIENT_IP_CALLABLE == "core.clients.client_ip"
    monkeypatch.setattr("core.clients.client_ip", lambda request: "203.0.113.9")
    fail(client, "sam", 5)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}


def test_wrong_second_factor_codes_count_towards_the_lock(client, staff):
    with_app(staff)
    assert sign_in(client, "sam").status_code == 302
    for _i in range(4):
        assert client.post(VERIFY, {"code": "000000"}).status_code == 200
    response = client.post(VERIFY, {"code": "000000"})
    assert response.status_code == 429
    assert "Signing in is paused" in response.content.decode()


def test_an_admin_lifts_the_lock_in_access_attempts(client, staff, django_user_model):
    fail(client, "sam", 5)
    admin = django_user_model.objects.create_superuser("boss", "boss@example.com", "pw-boss-12")
    office = client.__class__()
    office.force_login(admin)
    listing = office.get("/en/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert "sam" in listing.content.decode()
    failures = office.get("/en/admin/axes/accessfailurelog/")
    assert failures.status_code == 200 and "sam" in failures.content.decode()

    attempt = AccessAttempt.objects.get(username="sam")
    confirm = office.post(
        "/en/admin/axes/accessattempt/",
        {"action": "delete_selected", "index": "0", "_selected_action": [attempt.pk]},
    )
    assert "Are you sure" in confirm.content.decode()
    assert confirm.status_code == 200
    office.post(
        "/en/admin/axes/accessattempt/",
        {
            "action": "delete_selected",
            "index": "0",
            "_selected_action": [attempt.pk],
            "post": "yes",
        },
    )
    assert not AccessAttempt.objects.exists()
    assert sign_in(client, "sam").status_code == 302


def test_axes_reset_username_lifts_the_lock(client, staff):
    fail(client, "sam", 5)
    assert sign_in(client, "sam").status_code == 429
    call_command("axes_reset_username", "sam", stdout=io.StringIO())
    assert sign_in(client, "sam").status_code == 302


def test_the_login_page_itself_is_never_refused(client, staff):
    fail(client, "sam", 5)
    assert client.get(LOGIN).status_code == 200


def test_cleaning_up_expired_attempts_in_the_admin(client, staff, django_user_model):
    fail(client, "sam", 2)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(hours=1))
    admin = django_user_model.objects.create_superuser("boss", "boss@example.com", "pw-boss-12")
    office = client.__class__()
    office.force_login(admin)
    response = office.post(
        "/en/admin/axes/accessattempt/",
        {
            "action": "cleanup_expired_attempts",
            "index": "0",
            "_selected_action": list(AccessAttempt.objects.values_list("pk", flat=True)),
        },
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
