"""Second factors: checking a code, enrolling an authenticator app, recovery codes."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import throttle

RECOVERY_CODE_COUNT = 10


def normalise_code(code: str) -> str:
    """People type codes with spaces or dashes ("123 456", "abcd-efgh")."""
    return "".join(code.split()).replace("-", "").lower()


def second_factor_verify(
    *, request: HttpRequest, user: AbstractBaseUser, code: str
) -> TOTPDevice | StaticDevice | None:
    """The device that accepts ``code`` (an app's code or an unused recovery code), or None.

    django-otp slows down repeated failures per device and refuses a TOTP code that was
    used before; a wrong code also counts towards the sign-in throttle.
    """
    code = normalise_code(code)
    # An app's code is six digits; anything else can only be a recovery code. Asking only
    # the one kind keeps a mistyped recovery code from slowing down the app, and back.
    model = TOTPDevice if len(code) == 6 and code.isdigit() else StaticDevice
    for device in model.objects.devices_for_user(user, confirmed=True):
        # A recovery code is used up: StaticDevice.verify_token deletes it.
        if code and device.verify_token(code):
            return device
    throttle.record_failure(request, user.get_username())
    return None


def totp_enrol_begin(*, user: AbstractBaseUser) -> TOTPDevice:
    """The app being set up: a new secret, kept unconfirmed until a code proves it works."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
    return device


@transaction.atomic
def totp_enrol_confirm(*, device: TOTPDevice, code: str) -> bool:
    """Confirm the app with one code from it; it then replaces any app set up before."""
    if not device.verify_token(normalise_code(code)):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


@transaction.atomic
def recovery_codes_generate(*, user: AbstractBaseUser) -> list[str]:
    """New recovery codes, each usable once; the old ones stop working. Shown only now."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="recovery", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes
