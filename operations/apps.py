from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """What keeps the site running unattended: the upkeep schedule the task worker runs,
    readiness, backups and the reporting of errors. It knows no other app of ours: the
    apps register their own upkeep jobs here (``operations.upkeep.register``)."""

    name = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from . import upkeep

        # Finished task results pile up in the task table; django-tasks-db prunes them.
        upkeep.register(
            "prune_task_results",
            label=_("Prune finished task results"),
            every=24 * 3600,
            func=upkeep.prune_history,
        )
