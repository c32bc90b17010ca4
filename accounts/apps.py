from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff sign-in: the throttle on failed attempts and the second factor."""

    name = "accounts"
    verbose_name = _("Sign-in")

    def ready(self):
        from accounts import signals  # noqa: F401
