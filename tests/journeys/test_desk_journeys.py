"""The translators' desk: a translator, in a real Chromium on server A, changes an
interface string; readers of server B see it on cached pages, and after B restarts.
A broken placeholder is refused in the browser with the text kept."""

import secrets
import shutil
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

from .checks import Expect, expect_unchanged, snapshot
from .conftest import STAFF_PASSWORD
from .reader import HOME_PATH, SEARCH_PATH, visible_text
from .site import REPO
from .test_site_journeys import every_kind_of_page

SHIPPED = "İngilizce ve Türkçe okurlar için teknoloji haberleri yazar ve yeniden yayımlar."
CHANGED = "her gün teknolojiyi iki dilde, özenle yazar."
TRANSLATOR = "desk-translator"

NEW_TRANSLATOR = """
from django.contrib.auth.models import Group
from django.contrib.auth import get_user_model
user = get_user_model().objects.create_user(
    VARIABLES["name"], password=VARIABLES["password"], is_staff=True
)
user.groups.add(Group.objects.get(name="Translators"))
emit(user.pk)
"""

FORGET_THE_EDIT = """
from catalogues import overlay
from catalogues.models import MessageTranslation
from pagecache.invalidation import site_changed
MessageTranslation.objects.filter(msgid__startswith="%(name)s republishes").delete()
overlay.changed()
site_changed()
"""


def chromium():
    if not CHROMIUM.exists():
        pytest.skip(f"BROWSER JOURNEY NOT RUN: {CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    return sync_playwright()


def footer_text(page: str) -> str:
    return visible_text(page.split('<footer class="site-footer">', 1)[-1])


def test_a_translator_changes_an_interface_string_every_server_shows_it(journeys):
    site, expect = journeys.site, Expect("the translators' desk across servers A and B")
    site.shell(NEW_TRANSLATOR, name=TRANSLATOR, password=STAFF_PASSWORD)
    reader = journeys.reader()
    home = reader.cached(HOME_PATH["tr"])
    assert SHIPPED in footer_text(home.text), "the shipped Turkish footer is not on the page"
    try:
        with chromium() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"{journeys.a.url}/tr/admin/login/")
            page.locator("#id_username").fill(TRANSLATOR)
            page.locator("#id_password").fill(STAFF_PASSWORD)
            page.locator("#login-form [type=submit]").click()
            page.wait_for_selector("#content-main")
            # From the back office's index to the desk, then the search.
            page.locator('a[href="/tr/admin/catalogues/messagetranslation/"]').first.click()
            page.locator("#desk-q").fill("İNGİLİZCE VE TÜRKÇE OKURLAR")
            page.locator(".desk-search [type=submit]").click()
            page.locator(".desk-original", has_text="republishes").click()
            field = page.locator("#id_form_0")
            assert field.input_value().startswith("%(name)s, İngilizce")

            # A broken placeholder: refused, said plainly in Turkish, the text kept.
            broken = "Broadsheet " + CHANGED
            field.fill(broken)
            page.locator("[name=_save]").click()
            page.wait_for_selector("#desk-errornote")
            expect.check(
                "Çeviri kaydedilmedi" in page.locator("#desk-errornote").inner_text(),
                "no 'not saved' note in the browser",
            )
            errors = page.locator("#id_form_0_errors").inner_text()
            expect.check("%(name)s yer tutucusu eksik." in errors, f"refusal says {errors!r}")
            expect.check(page.locator("#id_form_0").input_value() == broken, "text not kept")
            expect.check(SHIPPED in footer_text(reader.get(HOME_PATH["tr"]).text),
                         "the refused text reached readers")  # fmt: skip

            page.locator("#id_form_0").fill(f"%(name)s {CHANGED}")
            page.locator("[name=_save]").click()
            page.wait_for_selector(".messagelist .success")
            expect.check("yayında" in page.locator(".messagelist").inner_text(), "no saved note")
            browser.close()

        # Server B renders it (the cached copy retired), and caches the new page.
        fresh = reader.get(HOME_PATH["tr"])
        expect.check(fresh.cache != "hit", f"B answered from the old copy ({fresh.cache})")
        expect.check(f"Broadsheet {CHANGED}" in footer_text(fresh.text),
                     "a reader of server B does not see the new Turkish footer")  # fmt: skip
        expect.check(f"Broadsheet {CHANGED}" in footer_text(reader.cached(HOME_PATH["tr"]).text),
                     "the cached Turkish home page lost the new footer")  # fmt: skip
        english = footer_text(reader.get(HOME_PATH["en"]).text)
        expect.check("Broadsheet republishes" in english, "the English footer changed")

        # Restart server B: a page it has never rendered shows the string from the database.
        journeys.b.stop()
        journeys.b = site.start_server("B")
        search = journeys.reader().get(SEARCH_PATH["tr"].format(q=secrets.token_hex(4)))
        expect.check(search.cache != "hit", "the search page came from the cache")
        expect.check(f"Broadsheet {CHANGED}" in footer_text(search.text),
                     "after a restart, server B shows the shipped string again")  # fmt: skip
        expect.verify()
    finally:
        site.shell(FORGET_THE_EDIT)


def test_catalogues_write_changes_no_page(journeys, tmp_path):
    """The operator writes desk edits into a checkout's .po files: readers see nothing new
    (the edits are live already; the files reach servers with the next release)."""
    article = journeys.bystander()
    reader = journeys.reader()
    before = snapshot(reader, every_kind_of_page(article))
    checkout = tmp_path / "locale"
    shutil.copytree(Path(REPO) / "locale", checkout, ignore=shutil.ignore_patterns("*.mo"))
    result = journeys.site.manage("catalogues_write", "--locale-dir", str(checkout))
    assert "Nothing to write" in result.stdout or "wrote" in result.stdout, result.stdout
    expect = Expect("manage.py catalogues_write")
    expect_unchanged(expect, reader, before)
    expect.verify()
