"""Keep the cached answer to "has this person a second factor?" right.

It is worked out when someone signs in, and forgotten whenever one of their devices is
saved or deleted, so that requests in between ask no query for it.
"""

from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from accounts.policy import device_cache_key, has_any_device

DEVICE_MODELS = (TOTPDevice, StaticDevice, WebAuthnCredential)


def device_changed(sender, instance, **kwargs):
    cache.delete(device_cache_key(instance.user_id))


for model in DEVICE_MODELS:
    post_save.connect(device_changed, sender=model, dispatch_uid=f"accounts-{model.__name__}")
    post_delete.connect(device_changed, sender=model, dispatch_uid=f"accounts-del-{model.__name__}")


def signed_in(sender, request, user, **kwargs):
    cache.delete(device_cache_key(user.pk))
    has_any_device(user)


user_logged_in.connect(signed_in, dispatch_uid="accounts-signed-in")
