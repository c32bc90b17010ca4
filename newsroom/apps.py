from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    """The back office's cross-app screens: the dashboard, the roles, translation status."""

    name = "newsroom"
    verbose_name = _("Newsroom")
