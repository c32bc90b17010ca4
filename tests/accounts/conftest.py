import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import make_user

PASSWORD = "correct horse battery staple"
LOGIN = "/en/admin/login/"
VERIFY = "/en/admin/login/verify/"


def code_for(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """What the person's app shows now (or ``steps_ahead`` periods later)."""
    return str(
        totp(
            device.bin_key,
            step=device.step,
            t0=device.t0 - steps_ahead * device.step,
            digits=device.digits,
            drift=device.drift,
        )
    ).zfill(device.digits)


def with_app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def sign_in(client, username: str, password: str = PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


@pytest.fixture
def staff(db):
    return make_user(username="sam")


@pytest.fixture
def staff_with_app(staff):
    return staff, with_app(staff)
