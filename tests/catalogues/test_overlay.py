"""Desk translations over Django's gettext catalogues, in this process and across processes."""

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext, npgettext, pgettext

from catalogues import files, overlay
from catalogues.models import MessageTranslation
from catalogues.services import translation_save
from pagecache import versions

from .conftest import FOOTER

pytestmark = pytest.mark.django_db

PLURAL = "%(count)d article published."
PLURAL_MANY = "%(count)d articles published."


def message(domain: str, msgid: str, msgctxt: str = "") -> tuple:
    catalogue = files.read("tr", domain)
    found = next(m for m in catalogue.messages if m.msgid == msgid and m.msgctxt == msgctxt)
    return catalogue, found


def save(domain, msgid, forms, *, msgctxt="", user=None):
    catalogue, found = message(domain, msgid, msgctxt)
    return translation_save(catalogue=catalogue, message=found, forms=forms, user=user)


def test_gettext_pgettext_and_ngettext_find_the_desk_translation_first():
    with translation.override("tr"):
        assert gettext("Search") == "Ara"
        assert pgettext("summary state", "Ready") == "Hazır"
    save("django", "Search", ["Arama yap"])
    save("django", "Ready", ["Tamam"], msgctxt="summary state")
    save("django", PLURAL, ["%(count)d makale (tek) yayımlandı.", "%(count)d makale yayımlandı!"])
    with translation.override("tr"):
        overlay.refresh()
        assert gettext("Search") == "Arama yap"
        assert pgettext("summary state", "Ready") == "Tamam"
        assert gettext("Ready") != "Tamam"  # the context tells them apart
        # Turkish: plural=(n > 1), from the catalogue's header.
        assert ngettext(PLURAL, PLURAL_MANY, 1) == "%(count)d makale (tek) yayımlandı."
        assert ngettext(PLURAL, PLURAL_MANY, 0) == "%(count)d makale (tek) yayımlandı."
        assert ngettext(PLURAL, PLURAL_MANY, 5) == "%(count)d makale yayımlandı!"
        # Untouched messages still come from the file.
        assert gettext("About this site") == "Bu site hakkında"
    with translation.override("en"):
        overlay.refresh()
        assert gettext("Search") == "Search"


def test_npgettext_with_a_context_uses_the_desk_forms():
    # No plural message with a context ships today; the overlay keys them as gettext does.
    rows = [
        MessageTranslation(language="tr", domain="django", msgctxt="ctx", msgid="%(n)s cat",
                           msgid_plural="%(n)s cats", msgstr_plural=["%(n)s kedi", "%(n)s kediler"])
    ]  # fmt: skip
    built = overlay.build(rows)[("tr", "django")]
    key = "ctx\x04%(n)s cat"
    assert built == {(key, 0): "%(n)s kedi", (key, 1): "%(n)s kediler"}
    rows[0].updated_at = "2026-12-01T00:00Z"
    rows[0].save()
    overlay.changed()
    with translation.override("tr"):
        overlay.refresh()
        assert npgettext("ctx", "%(n)s cat", "%(n)s cats", 3) == "%(n)s kediler"


def test_another_server_s_save_is_seen_when_the_shared_token_moves(django_assert_num_queries):
    with translation.override("tr"):
        overlay.refresh()
        with django_assert_num_queries(0):  # nothing moved: one cache read, no query
            overlay.refresh()
        # Another server saved a row and renewed the token in the shared cache.
        MessageTranslation.objects.create(
            language="tr", domain="django", msgid="Search", msgstr="Başka sunucudan",
            updated_at="2026-12-01T00:00Z",
        )  # fmt: skip
        assert gettext("Search") == "Ara"
        versions.renew(overlay.VERSION)
        with django_assert_num_queries(1):
            overlay.refresh()
        assert gettext("Search") == "Başka sunucudan"


def test_a_lost_token_reloads_from_the_database():
    with translation.override("tr"):
        overlay.refresh()
        MessageTranslation.objects.create(
            language="tr", domain="django", msgid="Search", msgstr="Jeton kayboldu",
            updated_at="2026-12-01T00:00Z",
        )  # fmt: skip
        versions.store().delete(overlay.VERSION)  # evicted, or the cache was emptied
        overlay.refresh()
        assert gettext("Search") == "Jeton kayboldu"


def test_a_language_first_used_after_the_reload_gets_the_overlay_too():
    save("django", "Search", ["Arama yap"])
    overlay.refresh()
    translation.trans_real._translations.pop("tr", None)  # as if never used in this process
    with translation.override("tr"):
        overlay.refresh()
        assert gettext("Search") == "Arama yap"


def test_templates_and_cached_pages_show_the_new_string(client, settings):
    settings.BROADSHEET_PAGE_CACHE = True
    first = client.get("/tr/")
    assert "İngilizce ve Türkçe okurlar" in first.content.decode()
    assert client.get("/tr/").headers.get("X-Page-Cache") == "hit"
    save("django", FOOTER, ["%(name)s, okurları için teknolojiyi izler."])
    again = client.get("/tr/")
    assert again.headers.get("X-Page-Cache") != "hit"
    assert "Broadsheet, okurları için teknolojiyi izler." in again.content.decode()
    assert "Broadsheet republishes" in client.get("/en/").content.decode()


def test_the_script_catalogues_include_desk_translations(client):
    save("djangojs", "Link to the comment copied.", ["Bağlantı panoda."])
    save(
        "djangojs",
        "%(left)s character left",
        ["%(left)s karakter kaldı (tek)", "%(left)s karakter kaldı (çok)"],
    )
    for url in ("/tr/jsi18n/", "/tr/comments/jsi18n.js"):
        body = client.get(url).content.decode()
        assert '"Link to the comment copied.": "Ba\\u011flant\\u0131 panoda."' in body, url
        assert "karakter kald\\u0131 (\\u00e7ok)" in body, url
        assert "hatal\\u0131 alanlar var" in body, url  # the file's strings are still there
    assert "panoda" not in client.get("/en/comments/jsi18n.js").content.decode()


def test_saving_renews_the_site_token_of_every_cached_page():
    token = versions.current("pages:site")
    save("django", "Search", ["Arama yap"])
    assert versions.current("pages:site") != token


def test_a_task_starting_in_the_worker_gets_the_desk_translations():
    from django.tasks.signals import task_started

    MessageTranslation.objects.create(
        language="tr", domain="django", msgid="Search", msgstr="Görevde arama",
        updated_at="2026-12-01T00:00Z",
    )  # fmt: skip
    versions.renew(overlay.VERSION)
    translation.trans_real._translations.pop("tr", None)  # the worker never used Turkish
    # Connected weakly (Django's default): each receiver is a weak reference.
    assert any(ref() is overlay.refresh_for_task for _key, ref, *_ in task_started.receivers)
    overlay.refresh_for_task(sender=object, task_result=None)
    with translation.override("tr"):
        assert gettext("Search") == "Görevde arama"
