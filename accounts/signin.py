"""The two steps of signing in: the password, then (for people who have one) a second factor.

Between the steps nobody is logged in: the session only remembers who gave the right
password, with which backend, and when, for ``PENDING_SECONDS``. Staff privileges
(the admin, previews, fresh pages) begin only once both steps are done.
"""

import time

from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare
from django_otp import login as otp_login

PENDING_KEY = "accounts_pending_signin"
PENDING_SECONDS = 5 * 60


def wait_for_second_factor(request: HttpRequest, user: AbstractBaseUser) -> None:
    """The password was right; remember ``user`` until the second factor is given."""
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user": str(user.pk),
        "backend": user.backend,
        "hash": user.get_session_auth_hash(),
        "since": time.time(),
    }


def pending_user(request: HttpRequest) -> AbstractBaseUser | None:
    """Who gave the right password in this session a moment ago, if anyone."""
    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - pending["since"] > PENDING_SECONDS:
        return None
    user = get_user_model()._default_manager.filter(pk=pending["user"], is_active=True).first()
    # A password changed in the meantime ends the attempt.
    if user is None or not constant_time_compare(pending["hash"], user.get_session_auth_hash()):
        return None
    user.backend = pending["backend"]
    return user


def complete(request: HttpRequest, *, user: AbstractBaseUser, device) -> None:
    """Both steps are done (or the person was signed in already): log in, mark verified."""
    if not request.user.is_authenticated:
        pending = request.session.pop(PENDING_KEY, {})
        auth_login(request, user, backend=pending.get("backend") or getattr(user, "backend", None))
    request.session.pop(PENDING_KEY, None)
    otp_login(request, device)
