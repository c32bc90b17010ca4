"""Who needs a second factor, and which ones a person has."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import cache
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

OFF = {"", "none", "off", "no", "false", "0"}


def required_roles() -> set[str]:
    """BROADSHEET_REQUIRE_2FA as lower-case names: "superusers", "staff" or group names."""
    value = settings.BROADSHEET_REQUIRE_2FA
    names = value.split(",") if isinstance(value, str) else value
    roles = {name.strip().lower() for name in names}
    return roles - OFF


def second_factor_required(user: AbstractBaseUser) -> bool:
    """Must ``user`` have a second factor before using the back office?"""
    roles = required_roles()
    if not roles or not user.is_authenticated:
        return False
    if "superusers" in roles and user.is_superuser:
        return True
    if "staff" in roles and user.is_staff:
        return True
    groups = {name.lower() for name in user.groups.values_list("name", flat=True)}
    return bool(roles & groups)


def verification_devices(user: AbstractBaseUser) -> list:
    """The confirmed devices ``user`` can sign in with: apps, passkeys, recovery codes."""
    return list(devices_for_user(user, confirmed=True))


def device_cache_key(user_pk) -> str:
    return f"accounts:has-device:{user_pk}"


def has_any_device(user: AbstractBaseUser) -> bool:
    """Whether ``user`` has any confirmed device, remembered in the cache.

    Asked on every request of a staff session that has not given a second factor, so it
    costs no query once known; saving or deleting a device forgets the answer
    (``accounts.signals``).
    """
    key = device_cache_key(user.pk)
    known = cache.get(key)
    if known is None:
        known = bool(verification_devices(user))
        cache.set(key, known, 60 * 60)
    return known


def has_second_factor(user: AbstractBaseUser) -> bool:
    """An authenticator app or a passkey; recovery codes alone do not count."""
    return any(
        isinstance(device, TOTPDevice | WebAuthnCredential) for device in verification_devices(user)
    )


def totp_device(user: AbstractBaseUser) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def recovery_device(user: AbstractBaseUser) -> StaticDevice | None:
    return StaticDevice.objects.devices_for_user(user, confirmed=True).first()


def passkeys(user: AbstractBaseUser):
    return WebAuthnCredential.objects.devices_for_user(user, confirmed=True).order_by("pk")
