from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CataloguesConfig(AppConfig):
    """The project's interface-string catalogues (LOCALE_PATHS) and the translators' desk:
    edits saved in the database, applied on every server over the shipped .po files."""

    name = "catalogues"
    verbose_name = _("Translators' desk")

    def ready(self):
        from django.tasks.signals import task_started

        from . import overlay

        task_started.connect(overlay.refresh_for_task, dispatch_uid="catalogues-overlay-task")
