"""A new write path without a journey fails here.

Write paths are found by introspection, never by importing application modules: every
ModelAdmin in ``admin.site._registry`` (its actions in the change list and on the
change form, ``delete_selected`` included, its add / change / delete permissions,
``list_editable`` and the extra views of ``get_urls()``), and every management command
of an app that lives in this repository.
"""

import importlib
import inspect
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.management import get_commands, load_command_class
from django.test import RequestFactory

from .table import JOURNEYS, NOT_INTROSPECTED, NoEffect

STANDARD_VIEWS = ("_changelist", "_add", "_history", "_delete", "_change", "_autocomplete")


def superuser_request():
    request = RequestFactory().get("/en/admin/")
    request.user = get_user_model()(username="x", is_superuser=True, is_staff=True, is_active=True)
    return request


def admin_write_paths() -> set[str]:
    request = superuser_request()
    paths = set()
    for model, model_admin in admin.site._registry.items():
        prefix = f"admin:{model._meta.label_lower}"
        for location, kind in (
            (admin.ActionLocation.CHANGE_LIST, "list-action"),
            (admin.ActionLocation.CHANGE_FORM, "form-action"),
        ):
            actions = model_admin.get_actions(request, action_location=location) or {}
            paths |= {f"{prefix}:{kind}:{name}" for name in actions}
        if model_admin.has_add_permission(request):
            paths.add(f"{prefix}:add")
        if model_admin.has_change_permission(request):
            paths.add(f"{prefix}:change")
            if model_admin.list_editable:
                paths.add(f"{prefix}:list-editable")
        if model_admin.has_delete_permission(request):
            paths.add(f"{prefix}:delete")
        own = f"{model._meta.app_label}_{model._meta.model_name}"
        standard = {own + suffix for suffix in STANDARD_VIEWS}
        for pattern in model_admin.get_urls():
            name = getattr(pattern, "name", None)
            if name and name not in standard:
                paths.add(f"{prefix}:view:{name}")
    return paths


def project_apps() -> dict[str, object]:
    """Apps whose code lives in this repository (not in the virtualenv)."""
    base = Path(settings.BASE_DIR).resolve()
    found = {}
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and not {".venv", "site-packages"} & set(path.parts):
            found[config.name] = config
    return found


def project_commands() -> dict[str, str]:
    ours = project_apps()
    return {name: app for name, app in get_commands().items() if app in ours}


def test_the_introspection_finds_the_project():
    """Guards the guard: it must see the apps and paths we know exist today."""
    assert project_commands().keys() >= {"load_demo", "setup_roles", "purge_comments"}
    paths = admin_write_paths()
    assert "admin:comments.comment:list-action:approve" in paths
    assert "admin:articles.article:list-action:delete_selected" in paths
    assert "admin:articles.article:form-action:publish" in paths


def test_every_write_path_has_a_journey():
    found = admin_write_paths() | {f"command:{name}" for name in project_commands()}
    missing = sorted(found - JOURNEYS.keys())
    assert not missing, (
        "Write paths without a journey (add one to tests/journeys and list it in "
        f"tests/journeys/table.py, or a reasoned NoEffect entry): {missing}"
    )
    stale = sorted(JOURNEYS.keys() - found - NOT_INTROSPECTED)
    assert not stale, f"tests/journeys/table.py lists paths that no longer exist: {stale}"


@pytest.mark.parametrize("key", sorted(JOURNEYS))
def test_each_entry_names_a_real_test(key):
    entry = JOURNEYS[key]
    module_name, _sep, function = entry.test.partition("::")
    module = importlib.import_module(f"{__package__}.{module_name}")
    test = getattr(module, function, None)
    assert inspect.isfunction(test), f"{key}: {entry.test} does not exist"
    if isinstance(entry, NoEffect):
        assert len(entry.reason) > 20, f"{key}: say why readers see nothing"
        assert "expect_unchanged" in inspect.getsource(test) or "makemessages" in function, (
            f"{key}: a NoEffect journey must assert that readers' pages stay the same"
        )


def test_makemessages_writes_only_catalogues():
    """The project's makemessages is Django's, with defaults: it writes .po files only."""
    from django.core.management.commands import makemessages

    command = load_command_class(project_commands()["makemessages"], "makemessages")
    assert isinstance(command, makemessages.Command)
    assert type(command).__mro__[1] is makemessages.Command
    overridden = {name for name in vars(type(command)) if not name.startswith("__")}
    assert overridden <= {"handle", "help"}, overridden
