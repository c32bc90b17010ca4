"""Sign-in pages, mounted under the admin's path before the admin itself (config/urls.py)."""

from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    # Takes the place of the admin's own login view (reverse("admin:login") is this path).
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/verify/", views.verify, name="verify"),
    path("security/", views.security, name="security"),
    path("security/app/", views.app_setup, name="app_setup"),
    path("security/recovery-codes/", views.recovery_codes, name="recovery_codes"),
]
