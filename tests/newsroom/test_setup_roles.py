import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command

from newsroom.management.commands import setup_roles

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("setup_roles", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def permissions_of(name: str) -> set[str]:
    group = Group.objects.get(name=name)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def test_creates_the_three_groups_with_their_permissions():
    run()
    assert permissions_of("Editors") == {
        f"articles.{action}_{model}"
        for model in ("article", "category", "source", "author", "tag", "summarystate")
        for action in ("view", "add", "change", "delete")
    } | {"articles.publish_article", "articles.preview_article", "comments.view_comment"} | {
        f"pages.{action}_page" for action in ("view", "add", "change", "delete")
    } | {"catalogues.view_messagetranslation", "catalogues.change_messagetranslation"} | {
        "republishing.view_importrequest",
        "republishing.add_importrequest",
        "republishing.view_feedcheck",
        "republishing.add_feedcheck",
        "republishing.view_feedentry",
    }
    assert permissions_of("Moderators") == {
        "articles.view_article",
        "comments.view_comment",
        "comments.change_comment",
        "comments.delete_comment",
    }
    assert permissions_of("Translators") == {
        "articles.view_article",
        "articles.translate_article",
        "articles.preview_article",
        "articles.view_category",
        "articles.translate_category",
        "articles.view_author",
        "articles.translate_author",
        "articles.view_tag",
        "articles.translate_tag",
        "articles.view_summarystate",
        "catalogues.view_messagetranslation",
        "catalogues.change_messagetranslation",
    }


def test_models_not_installed_yet_are_reported_and_skipped(monkeypatch):
    roles = {**setup_roles.ROLES}
    roles[setup_roles.EDITORS] = [*roles[setup_roles.EDITORS], ("polls", "poll", ["view"])]
    monkeypatch.setattr(setup_roles, "ROLES", roles)
    _out, err = run()
    assert "Editors: skipped polls.poll (view): no such model yet." in err
    assert "articles.view_article" in permissions_of("Editors")


def test_running_again_changes_nothing_and_says_so():
    run()
    before = {name: permissions_of(name) for name in ("Editors", "Moderators", "Translators")}
    out, _err = run()
    assert "(0 change(s))" in out
    assert {name: permissions_of(name) for name in before} == before
    assert Group.objects.count() == 3


def test_updating_restores_the_matrix_and_removes_extras():
    run()
    editors = Group.objects.get(name="Editors")
    editors.permissions.remove(Permission.objects.get(codename="publish_article"))
    editors.permissions.add(Permission.objects.get(codename="delete_group"))
    out, _err = run()
    assert "Editors: add articles.publish_article." in out
    assert "Editors: remove auth.delete_group." in out
    assert "articles.publish_article" in permissions_of("Editors")
    assert "auth.delete_group" not in permissions_of("Editors")


def test_dry_run_reports_without_saving():
    out, _err = run("--dry-run")
    assert "Create group Editors." in out
    assert "Translators: add articles.translate_article." in out
    assert "nothing saved" in out
    assert not Group.objects.exists()


def test_a_typo_in_the_table_stops_the_command_without_half_an_update(monkeypatch):
    roles = {
        "Editors": [("articles", "article", ["view"])],
        "Moderators": [("articles", "article", ["approve"])],
    }
    monkeypatch.setattr(setup_roles, "ROLES", roles)
    with pytest.raises(CommandError, match="articles.article has no permission approve_article"):
        run()
    assert not Group.objects.exists()
