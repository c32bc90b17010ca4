"""Staff sign-in in a real browser: the second factor, passkeys, the throttle and its lifting."""

import base64

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from tests.accounts.conftest import code_for
from tests.browser.conftest import violations
from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


def password_step(page: Page, live_server, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{live_server.url}/en/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Logged out")).to_be_visible()


def test_signing_in_with_a_password_and_a_code_from_the_app(page: Page, live_server):
    user = make_user(username="eda")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)

    password_step(page, live_server, "eda")
    expect(page.get_by_role("heading", name="Second step of signing in")).to_be_visible()
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Verify").click()
    expect(page.locator(".errorlist")).to_contain_text("That code is not right")

    page.wait_for_timeout(1100)  # django-otp slows down the next try after a failure
    page.get_by_label("Code").fill(code_for(device))
    page.get_by_role("button", name="Verify").click()
    expect(page.locator("#newsroom-dashboard, #content-main").first).to_be_visible()
    assert page.url == f"{live_server.url}/en/admin/"


def test_setting_up_the_app_by_its_key_then_signing_in_with_it(page: Page, live_server):
    make_user(username="eda")
    password_step(page, live_server, "eda")
    page.get_by_role("link", name="Sign-in security").click()
    page.get_by_role("link", name="Set up an authenticator app").click()
    expect(page.locator("svg.totp-qr")).to_be_visible()
    secret = page.locator("#totp-secret").inner_text()
    device = TOTPDevice.objects.get(user__username="eda")
    assert secret.replace(" ", "") == base64.b32encode(device.bin_key).decode()
    page.get_by_label("Code from the app").fill(code_for(device))
    page.get_by_role("button", name="Confirm and save").click()
    expect(page.locator(".messagelist")).to_contain_text("Your authenticator app is set up.")

    page.get_by_role("button", name="Create recovery codes").click()
    codes = page.locator("#recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    log_out(page)

    password_step(page, live_server, "eda")
    page.get_by_label("Code").fill(codes[3])
    page.get_by_role("button", name="Verify").click()
    assert page.url == f"{live_server.url}/en/admin/"


def test_lock_out_after_repeated_failures_and_an_admin_lifting_it(
    page: Page, live_server, browser, django_user_model
):
    make_user(username="eda")
    for _attempt in range(4):
        password_step(page, live_server, "eda", "not the password")
        expect(page.locator(".errornote")).to_be_visible()
    password_step(page, live_server, "eda", "not the password")
    expect(page.get_by_role("heading", name="Signing in is paused")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Too many sign-in attempts failed.")
    password_step(page, live_server, "eda")  # even the right one, for now
    expect(page.get_by_role("heading", name="Signing in is paused")).to_be_visible()

    # An administrator, elsewhere, lifts the lock in "Access attempts".
    django_user_model.objects.create_superuser("boss", "boss@example.com", PASSWORD)
    office = browser.new_context().new_page()
    office.goto(f"{live_server.url}/en/admin/login/")
    office.get_by_label("Username").fill("boss")
    office.get_by_label("Password").fill(PASSWORD)
    office.get_by_role("button", name="Log in").click()
    office.goto(f"{live_server.url}/en/admin/axes/accessattempt/")
    row = office.locator("#result_list tbody tr", has_text="eda")
    row.locator("input[name=_selected_action]").check()
    office.locator("select[name=action]").select_option("delete_selected")
    office.get_by_role("button", name="Run").click()
    office.get_by_role("button", name="Yes, I’m sure").click()
    expect(office.locator(".messagelist")).to_contain_text("Successfully deleted")
    office.context.close()

    password_step(page, live_server, "eda")
    assert page.url == f"{live_server.url}/en/admin/"


@pytest.fixture
def authenticator(page: Page):
    """Chromium's virtual authenticator: a platform passkey with user verification."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    found = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    yield cdp, found["authenticatorId"]


def test_registering_a_passkey_and_signing_in_with_it(page: Page, live_server, authenticator):
    cdp, authenticator_id = authenticator
    make_user(username="eda")
    password_step(page, live_server, "eda")
    page.goto(f"{live_server.url}/en/admin/security/")
    page.get_by_role("button", name="Add a passkey").click()
    expect(page.locator(".signin-passkeys li")).to_have_count(1, timeout=10_000)
    assert (
        len(
            cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})[
                "credentials"
            ]
        )
        == 1
    )
    log_out(page)

    password_step(page, live_server, "eda")
    expect(page.get_by_role("heading", name="Second step of signing in")).to_be_visible()
    page.get_by_role("button", name="Use a passkey").click()
    page.wait_for_url(f"{live_server.url}/en/admin/")
    expect(page.locator("#user-tools")).to_contain_text("eda".upper(), ignore_case=True)


@pytest.mark.parametrize("language", ["en", "tr"])
def test_the_sign_in_pages_have_no_accessibility_violations(axe_page, live_server, language):
    page = axe_page
    user = make_user(username="eda")
    found = {}
    password_step(page, live_server, "eda")
    for path in ("security/", "security/app/"):
        page.goto(f"{live_server.url}/{language}/admin/{path}")
        found[path] = violations(page)
    device = TOTPDevice.objects.get(user=user)
    page.get_by_role("textbox").fill(code_for(device))
    page.locator("#app-setup-form [type=submit]").click()
    page.locator("form[action$='recovery-codes/'] button").click()
    found["recovery codes"] = violations(page)
    page.context.clear_cookies()

    page.goto(f"{live_server.url}/{language}/admin/login/")
    page.locator("#id_username").fill("eda")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    found["verify"] = violations(page)
    for _attempt in range(5):
        page.goto(f"{live_server.url}/{language}/admin/login/")
        page.locator("#id_username").fill("eda")
        page.locator("#id_password").fill("wrong")
        page.locator("#login-form [type=submit]").click()
    assert page.locator(".locked-out").count() == 1
    found["locked out"] = violations(page)
    assert found == {name: [] for name in found}
