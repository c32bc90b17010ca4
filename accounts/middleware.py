"""Staff finish signing in before they do anything else.

A session of someone who has a second factor but has not given it in this session
(it was removed, or the session predates it) is sent to the second step; someone whose
role requires a second factor (BROADSHEET_REQUIRE_2FA) and has none is sent to set one
up. Either may still sign out and reach the pages that finish the job.
"""

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from accounts import policy

# What someone may reach before giving the second factor they have...
VERIFY_VIEWS = {("accounts", "verify"), ("accounts", "login"), ("admin", "logout")}
# ... and, when their role requires one they lack, before setting it up.
OPEN_NAMESPACES = {"accounts", "otp_webauthn"}
OPEN_VIEWS = {("admin", "logout"), ("admin", "jsi18n"), ("", "javascript-catalog")}


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not (user.is_authenticated and user.is_staff) or user.is_verified():
            return None
        where = (request.resolver_match.namespace, request.resolver_match.url_name)
        if policy.has_any_device(user):
            # The passkey endpoints check for themselves (registration needs a verified
            # session once a person has a device).
            if where in VERIFY_VIEWS or where[0] == "otp_webauthn":
                return None
            query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
            return redirect(f"{reverse('accounts:verify')}?{query}")
        if policy.second_factor_required(user):
            if where[0] in OPEN_NAMESPACES or where in OPEN_VIEWS:
                return None
            return redirect("accounts:security")
        return None
