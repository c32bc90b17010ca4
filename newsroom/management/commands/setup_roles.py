"""Create or update the newsroom's groups and their permissions.

The permission matrix is data: each group lists ``(app_label, model, actions)`` entries,
and each action names the permission ``<action>_<model>`` (``view``, ``add``, ``change``,
``delete`` or a custom one such as ``publish``). A group gets exactly the permissions
listed, so running the command again changes nothing, and removing an entry removes the
permission. Entries for models that do not exist (an app not installed yet) are reported
and skipped.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.management import create_contenttypes
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"

ROLES: dict[str, list[tuple[str, str, list[str]]]] = {
    EDITORS: [
        ("articles", "article", ["view", "add", "change", "delete", "publish", "preview"]),
        ("articles", "category", ["view", "add", "change", "delete"]),
        ("articles", "source", ["view", "add", "change", "delete"]),
        ("articles", "author", ["view", "add", "change", "delete"]),
        ("articles", "tag", ["view", "add", "change", "delete"]),
        ("pages", "page", ["view", "add", "change", "delete"]),
        ("comments", "comment", ["view"]),
        # Summary provenance is written by the machine and by edits of the article's
        # summary field; "change" is what lets an editor generate AI summaries.
        ("articles", "summarystate", ["view", "add", "change", "delete"]),
        # The translators' desk: interface strings (catalogues/admin.py).
        ("catalogues", "messagetranslation", ["view", "change"]),
        # The republishing desk: "add" queues imports and feed checks (drafts only).
        ("republishing", "importrequest", ["view", "add"]),
        ("republishing", "feedcheck", ["view", "add"]),
        ("republishing", "feedentry", ["view"]),
    ],
    MODERATORS: [
        # "view" only: reading unpublished articles in the preview is "preview".
        ("articles", "article", ["view"]),
        ("comments", "comment", ["view", "change", "delete"]),
    ],
    TRANSLATORS: [
        # "translate" edits other-language fields only: see articles/admin/access.py.
        # The article's translated fields include its summary (other languages only);
        # "translate" also asks for machine-translation drafts and accepts them.
        ("articles", "article", ["view", "translate", "preview"]),
        ("articles", "category", ["view", "translate"]),
        ("articles", "author", ["view", "translate"]),
        ("articles", "tag", ["view", "translate"]),
        ("articles", "summarystate", ["view"]),
        ("catalogues", "messagetranslation", ["view", "change"]),
    ],
}


class Command(BaseCommand):
    help = "Create or update the Editors, Moderators and Translators groups and their permissions."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Show the changes without saving them."
        )

    def handle(self, *args, dry_run: bool, **options):
        self.verbosity = options["verbosity"]
        with transaction.atomic():
            if not dry_run:
                # Permissions are normally created after `migrate`; make sure they exist.
                for app_config in apps.get_app_configs():
                    create_contenttypes(app_config, verbosity=0)
                    create_permissions(app_config, verbosity=0)
            changes = sum(
                self.sync_group(name, entries, dry_run) for name, entries in ROLES.items()
            )
            if dry_run:
                transaction.set_rollback(True)
        if dry_run:
            self.stdout.write(f"Dry run: {changes} change(s) would be made; nothing saved.")
        elif self.verbosity:
            self.stdout.write(self.style.SUCCESS(f"Roles set up ({changes} change(s))."))

    def sync_group(self, name: str, entries, dry_run: bool) -> int:
        wanted = self.permissions_for(name, entries)
        group = Group.objects.filter(name=name).first()
        changes = 0
        if group is None:
            self.note(f"Create group {name}.")
            changes += 1
            current = set()
            if not dry_run:
                group = Group.objects.create(name=name)
        else:
            current = set(group.permissions.select_related("content_type"))
        added = sorted(wanted - current, key=str)
        removed = sorted(current - wanted, key=str)
        for permission in added:
            self.note(f"{name}: add {self.label(permission)}.")
        for permission in removed:
            self.note(f"{name}: remove {self.label(permission)}.")
        if group is not None:
            group.permissions.add(*added)
            group.permissions.remove(*removed)
        return changes + len(added) + len(removed)

    def permissions_for(self, group: str, entries) -> set[Permission]:
        found = set()
        for app_label, model_name, actions in entries:
            try:
                model = apps.get_model(app_label, model_name)
            except LookupError:
                self.stderr.write(
                    self.style.WARNING(
                        f"{group}: skipped {app_label}.{model_name} ({', '.join(actions)}): "
                        "no such model yet."
                    )
                )
                continue
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            codenames = {f"{action}_{model._meta.model_name}" for action in actions}
            permissions = set(
                Permission.objects.filter(
                    content_type=content_type, codename__in=codenames
                ).select_related("content_type")
            )
            missing = codenames - {permission.codename for permission in permissions}
            if missing:
                raise CommandError(
                    f"{group}: {app_label}.{model_name} has no permission "
                    f"{', '.join(sorted(missing))}. Check the ROLES table or run migrate."
                )
            found |= permissions
        return found

    @staticmethod
    def label(permission: Permission) -> str:
        return f"{permission.content_type.app_label}.{permission.codename}"

    def note(self, message: str) -> None:
        if self.verbosity:
            self.stdout.write(message)
