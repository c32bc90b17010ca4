"""Passkeys (django-otp-webauthn) as a second factor after the password.

The library's views find the person in ``request.user``. At sign-in nobody is logged in
yet: the password step keeps the person waiting in the session (``accounts.signin``),
and these views use that person, then complete the sign-in exactly as a code does.
Passwordless sign-in stays off, so a passkey never replaces the password or the throttle.
"""

from django.http import HttpRequest
from django.http.request import split_domain_port
from django.urls import reverse
from django_otp_webauthn import exceptions
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    CompleteCredentialAuthenticationView,
)

from accounts import signin


def relying_party_id(request: HttpRequest) -> str:
    """The site's own host name (``get_host`` has checked it against ALLOWED_HOSTS)."""
    domain, _port = split_domain_port(request.get_host())
    return domain


class PasskeyHelper(WebAuthnHelper):
    def get_allowed_origins(self) -> list[str]:
        """The origin the page was served from: scheme and checked host."""
        return [f"{self.request.scheme}://{self.request.get_host()}"]


class SignInPersonMixin:
    """The signed-in person, or the one who has just given the right password."""

    def get_user(self):
        if self.request.user.is_authenticated:
            return self.request.user
        return signin.pending_user(self.request)

    def check_can_authenticate(self):
        if self.get_user() is None:
            raise exceptions.PasswordlessLoginDisabled()


class BeginPasskeyVerification(SignInPersonMixin, BeginCredentialAuthenticationView):
    pass


class CompletePasskeyVerification(SignInPersonMixin, CompleteCredentialAuthenticationView):
    def complete_auth(self, device):
        signin.complete(self.request, user=device.user, device=device)

    def get_success_url(self):
        return self.get_redirect_url() or reverse("admin:index")
