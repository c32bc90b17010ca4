"""The sign-in throttle: django-axes with two limits, per account and per address.

axes compares one number with one limit. Broadsheet wants two: a username tried from
one address is locked after ``AXES_FAILURE_LIMIT`` failures (a person mistyping, or
someone guessing one account), and an address after
``BROADSHEET_SIGNIN_ADDRESS_FAILURE_LIMIT`` failures whatever the usernames (someone
trying many accounts; higher, because a newsroom shares one office address).
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db.models import Sum
from django.http import HttpRequest


def failures(attempts) -> int:
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0


class AccountAndAddressHandler(AxesDatabaseHandler):
    """axes' database handler whose failure count says whether either limit is reached.

    ``AXES_LOCKOUT_PARAMETERS`` is ``[["username", "ip_address"], "ip_address"]``, so
    axes hands us the attempts of this username at this address, then of this address.
    """

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        per_account, per_address = (
            failures(attempts) for attempts in self.get_user_attempts(request, credentials)
        )
        if per_address >= settings.BROADSHEET_SIGNIN_ADDRESS_FAILURE_LIMIT:
            return max(per_account, settings.AXES_FAILURE_LIMIT)
        return per_account


def record_failure(request: HttpRequest, username: str) -> None:
    """A wrong second-factor code counts like a wrong password."""
    user_login_failed.send(sender=__name__, credentials=get_credentials(username), request=request)


def is_locked(request: HttpRequest, username: str) -> bool:
    return AxesProxyHandler.is_locked(request, get_credentials(username))
