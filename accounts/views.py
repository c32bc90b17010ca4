"""The back office's sign-in pages: password, second factor, and a person's own security."""

import base64
from functools import wraps

import segno
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from accounts import policy, services, signin, throttle
from accounts.forms import AppCodeForm, CodeForm


def admin_context(request: HttpRequest, **context) -> dict:
    return {**admin.site.each_context(request), **context}


def next_url(request: HttpRequest) -> str:
    """Where to go after signing in: a safe ``next``, or the back office's home."""
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


class LoginView(auth_views.LoginView):
    """The admin's own login page; people with a second factor are asked for it next."""

    authentication_form = AdminAuthenticationForm
    template_name = "admin/login.html"
    redirect_authenticated_user = False

    def dispatch(self, request, *args, **kwargs):
        if request.method == "GET" and admin.site.has_permission(request):
            return redirect(next_url(request))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            admin_context(
                self.request,
                title=_("Log in"),
                subtitle=None,
                app_path=self.request.get_full_path(),
                username=self.request.user.get_username(),
            )
        )
        if not context.get(REDIRECT_FIELD_NAME):
            context[REDIRECT_FIELD_NAME] = reverse("admin:index")
        return context

    def form_valid(self, form):
        user = form.get_user()
        if policy.verification_devices(user):
            signin.wait_for_second_factor(self.request, user)
            query = urlencode({REDIRECT_FIELD_NAME: next_url(self.request)})
            return redirect(f"{reverse('accounts:verify')}?{query}")
        return super().form_valid(form)

    def get_default_redirect_url(self):
        return reverse("admin:index")


@never_cache
@sensitive_post_parameters("code")
def verify(request: HttpRequest) -> HttpResponse:
    """The second step: a code from the app, a recovery code, or a passkey."""
    if request.user.is_authenticated:
        if request.user.is_verified() or not policy.verification_devices(request.user):
            return redirect(next_url(request))
        person = request.user
    else:
        person = signin.pending_user(request)
        if person is None:
            messages.info(request, _("Please sign in again."))
            return redirect(f"{reverse('admin:login')}?{urlencode({'next': next_url(request)})}")

    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if throttle.is_locked(request, person.get_username()):
            return locked_out(request)
        if form.is_valid():
            device = services.second_factor_verify(
                request=request, user=person, code=form.cleaned_data["code"]
            )
            if device is not None:
                signin.complete(request, user=person, device=device)
                return redirect(next_url(request))
            form.add_error(
                "code",
                _(
                    "That code is not right, or was used before. "
                    "Wait for the next code and try again."
                ),
            )
    return render(
        request,
        "accounts/verify.html",
        admin_context(
            request,
            title=_("Second step of signing in"),
            form=form,
            person=person,
            next=next_url(request),
            has_passkeys=policy.passkeys(person).exists(),
        ),
    )


def staff_required(view):
    """Signed in as staff, with the second factor given if the person has one."""

    @wraps(view)
    def check(request, *args, **kwargs):
        if not request.user.is_staff:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not request.user.is_verified() and policy.verification_devices(request.user):
            query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
            return redirect(f"{reverse('accounts:verify')}?{query}")
        return view(request, *args, **kwargs)

    return check


@staff_required
@never_cache
def security(request: HttpRequest) -> HttpResponse:
    """A person's own second factors: the app, passkeys, recovery codes."""
    user = request.user
    recovery = policy.recovery_device(user)
    return render(
        request,
        "accounts/security.html",
        admin_context(
            request,
            title=_("Sign-in security"),
            required=policy.second_factor_required(user),
            enrolled=policy.has_second_factor(user),
            app=policy.totp_device(user),
            passkeys=list(policy.passkeys(user)),
            recovery_left=recovery.token_set.count() if recovery else None,
        ),
    )


def qr_svg(text: str, *, title: str) -> str:
    """A QR code as inline SVG, made here: no outside service sees the secret."""
    return segno.make(text, error="m").svg_inline(
        scale=5, border=2, dark="#000", light="#fff", title=title, svgclass="totp-qr"
    )


@staff_required
@never_cache
@sensitive_post_parameters("code")
def app_setup(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: scan the code (or type the key), confirm with one code."""
    device = services.totp_enrol_begin(user=request.user)
    form = AppCodeForm(request.POST or None)
    if form.is_valid():
        if services.totp_enrol_confirm(device=device, code=form.cleaned_data["code"]):
            signin.complete(request, user=request.user, device=device)
            messages.success(request, _("Your authenticator app is set up."))
            return redirect("accounts:security")
        form.add_error("code", _("That code is not right. Check the app's clock and try again."))
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/app_setup.html",
        admin_context(
            request,
            title=_("Set up an authenticator app"),
            form=form,
            qr=qr_svg(device.config_url, title=_("QR code for your authenticator app")),
            secret_groups=[secret[i : i + 4] for i in range(0, len(secret), 4)],
        ),
    )


@staff_required
@never_cache
@require_POST
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """New recovery codes, shown once; the old ones stop working.

    They are the spare key of an app or a passkey, so one of those comes first.
    """
    if not policy.has_second_factor(request.user):
        messages.warning(request, _("Set up an authenticator app or a passkey first."))
        return redirect("accounts:security")
    codes = services.recovery_codes_generate(user=request.user)
    # never_cache keeps them out of every cache (Cache-Control: no-store).
    return render(
        request,
        "accounts/recovery_codes.html",
        admin_context(request, title=_("Your recovery codes"), codes=codes),
    )


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """What axes answers once the throttle refuses a sign-in (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/locked_out.html",
        admin_context(request, title=_("Signing in is paused"), minutes=minutes),
        status=429,
    )
