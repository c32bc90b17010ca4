from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site-wide pieces every other app may use: languages, middleware, site tags, commands."""

    name = "core"
    verbose_name = _("Site")
