"""The translators' desk in the admin: list, filters, search, edit, refusals, permissions."""

import re
from html import unescape

import pytest
from django.urls import reverse

from catalogues import files
from catalogues.models import MessageTranslation
from tests.factories import make_user

from .conftest import FOOTER, edit_po

pytestmark = pytest.mark.django_db

LIST = "/en/admin/catalogues/messagetranslation/"
UNTRANSLATED = "About this site"
FUZZY = "RSS feed"
FUZZY_BEFORE = "RSS feeds"
SEARCH_EN = "Search"


@pytest.fixture
def desk_locale(locale_copy):
    """The project's Turkish catalogue with one untranslated and one fuzzy message."""

    def change(entry):
        if entry.msgid == UNTRANSLATED:
            entry.msgstr = ""
        elif entry.msgid == FUZZY:
            entry.flags.append("fuzzy")
            entry.previous_msgid = FUZZY_BEFORE

    edit_po(locale_copy / "tr" / "LC_MESSAGES" / "django.po", change)
    return locale_copy


def edit_url(msgid: str, *, domain="django", msgctxt="") -> str:
    return reverse(
        "admin:catalogues_messagetranslation_edit",
        args=["tr", domain, files.message_hash(msgctxt, msgid)],
    )


def listed(page: str) -> list[str]:
    return [unescape(m) for m in re.findall(r'class="desk-original">(.*?)</a>', page, re.S)]


def count_of(page: str, state: str) -> int:
    label = {"": "All", "untranslated": "Untranslated", "fuzzy": "Fuzzy",
             "changed": "Changed on the desk", "translated": "Translated"}[state]  # fmt: skip
    found = re.search(
        rf'<span class="desk-state-label">{label}</span> <span class="desk-count">(\d+)</span>',
        page,
    )
    return int(found.group(1))


def test_a_translator_sees_every_message_with_counts_per_state(client, translator, desk_locale):
    client.force_login(translator)
    page = client.get(LIST + "?language=tr&domain=django").content.decode()
    total = len(files.read("tr", "django").messages)
    assert count_of(page, "") == total
    assert count_of(page, "untranslated") == 1
    assert count_of(page, "fuzzy") == 1
    assert count_of(page, "changed") == 0
    assert count_of(page, "translated") == total - 2
    assert f"{total} messages" in page
    assert len(listed(page)) == 50  # one page
    page2 = client.get(LIST + "?language=tr&domain=django&p=2").content.decode()
    assert set(listed(page2)).isdisjoint(listed(page))


def test_filters_untranslated_fuzzy_and_changed(client, translator, desk_locale):
    client.force_login(translator)
    assert listed(client.get(LIST + "?state=untranslated").content.decode()) == [UNTRANSLATED]
    assert listed(client.get(LIST + "?state=fuzzy").content.decode()) == [FUZZY]
    assert listed(client.get(LIST + "?state=changed").content.decode()) == []
    client.post(edit_url(UNTRANSLATED), {"form_0": "Site hakkında", "_save": "Save"})
    page = client.get(LIST + "?state=changed").content.decode()
    assert listed(page) == [UNTRANSLATED]
    assert count_of(page, "untranslated") == 0
    assert "translator" in page  # who saved it


def test_search_is_case_insensitive_in_originals_and_turkish_translations(
    client, translator, desk_locale
):
    client.force_login(translator)
    for query in ("OKURLAR İÇİN TEKNOLOJİ", "okurlar için teknoloji", "REPUBLISHES AND"):
        page = client.get(LIST, {"q": query}).content.decode()
        assert listed(page) == [FOOTER], query
    page = client.get(LIST, {"q": "OTURUM AÇMA", "state": "translated"}).content.decode()
    assert "Sign-in" in listed(page)
    none = client.get(LIST, {"q": "oturum açma", "state": "fuzzy"})
    assert none.context["page"].paginator.count == 0


def test_the_script_catalogue_is_listed_apart(client, translator):
    client.force_login(translator)
    page = client.get(LIST + "?domain=djangojs").content.decode()
    assert "Link to the comment copied." in listed(page)
    assert FOOTER not in listed(page)


def test_the_edit_page_shows_original_context_previous_msgid_and_plural_forms(
    client, translator, desk_locale
):
    client.force_login(translator)
    page = client.get(edit_url(FUZZY)).content.decode()
    assert 'id="desk-previous">RSS feeds</pre>' in page
    assert "Fuzzy" in page
    page = client.get(edit_url("Ready", msgctxt="summary state")).content.decode()
    assert 'id="desk-context">summary state</dd>' in page
    page = client.get(edit_url("%(count)d article published.")).content.decode()
    assert 'id="desk-msgid-plural">%(count)d articles published.</pre>' in page
    assert "Form 1 of 2 (n = 0, 1)" in page
    assert "Form 2 of 2 (n = 2, 3, 4, 5, …)" in page
    assert "(rule: (n &gt; 1))" in page


def test_a_broken_placeholder_is_refused_with_the_text_kept(client, translator):
    client.force_login(translator)
    broken = "Okurlar için teknoloji haberleri."
    response = client.post(edit_url(FOOTER), {"form_0": broken, "_save": "Save"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "The translation was not saved: correct the problem below." in page
    assert "The placeholder %(name)s is missing." in page
    assert f">\n{broken}</textarea>" in page
    assert not MessageTranslation.objects.exists()


def test_refusals_are_in_turkish_for_a_turkish_translator(client, translator):
    client.force_login(translator)
    response = client.post(
        edit_url(FOOTER).replace("/en/", "/tr/"), {"form_0": " %(name)s haber", "_save": "Kaydet"}
    )
    page = response.content.decode()
    assert "Çeviri kaydedilmedi" in page
    assert "Özgün metin boşlukla başlamıyor" in page


def test_a_plural_message_needs_every_form(client, translator):
    client.force_login(translator)
    url = edit_url("%(count)d article published.")
    page = client.post(url, {"form_0": "%(count)d makale yayımlandı.", "form_1": ""}).content
    assert "Enter a translation." in page.decode()
    response = client.post(
        url, {"form_0": "%(count)d makale yayında.", "form_1": "%(count)d makale yayında."}
    )
    assert response.status_code == 302
    row = MessageTranslation.objects.get()
    assert row.msgstr_plural == ["%(count)d makale yayında.", "%(count)d makale yayında."]
    assert row.msgid_plural == "%(count)d articles published."


def test_save_and_next_untranslated_goes_to_the_next_one_waiting(client, translator, desk_locale):
    client.force_login(translator)
    response = client.post(edit_url(SEARCH_EN), {"form_0": "Arama", "_next": "1"})
    assert response.status_code == 302
    # The untranslated and the fuzzy message wait; the next after "Search" in the file.
    assert response.headers["Location"] in {edit_url(UNTRANSLATED), edit_url(FUZZY)}
    client.post(edit_url(UNTRANSLATED), {"form_0": "Site hakkında"})
    client.post(edit_url(FUZZY), {"form_0": "RSS beslemesi"})
    done = client.post(edit_url(SEARCH_EN), {"form_0": "Arama", "_next": "1"}, follow=True)
    assert "No untranslated or fuzzy message is left." in done.content.decode()


def test_a_good_translation_is_saved_and_shown_by_the_desk_and_the_site(client, translator):
    client.force_login(translator)
    response = client.post(edit_url(FOOTER), {"form_0": "%(name)s her gün teknoloji yazar."})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).content.decode()
    assert "The translation is saved and live on the site in Turkish." in page
    assert "%(name)s her gün teknoloji yazar.</textarea>" in page
    client.logout()
    assert "Broadsheet her gün teknoloji yazar." in client.get("/tr/").content.decode()


def test_editors_and_superusers_may_translate_too(client, editor, admin_user):
    for user in (editor, admin_user):
        client.force_login(user)
        assert client.get(LIST).status_code == 200
        assert client.post(edit_url(SEARCH_EN), {"form_0": "Ara!"}).status_code == 302


def test_moderators_and_readers_may_not(client, moderator):
    client.force_login(moderator)
    assert client.get(LIST).status_code == 403
    assert client.get(edit_url(SEARCH_EN)).status_code == 403
    assert client.post(edit_url(SEARCH_EN), {"form_0": "Ara!"}).status_code == 403
    reader = make_user(is_staff=False, username="reader")
    client.force_login(reader)
    assert client.get(LIST).status_code == 302  # to the sign-in page
    assert client.post(edit_url(SEARCH_EN), {"form_0": "Ara!"}).status_code == 302
    assert not MessageTranslation.objects.exists()


def test_the_back_office_index_links_the_desk_for_translators(client, translator):
    client.force_login(translator)
    page = client.get("/en/admin/").content.decode()
    assert 'href="/en/admin/catalogues/messagetranslation/"' in page


def test_the_list_costs_a_fixed_number_of_queries(client, translator, django_assert_num_queries):
    client.force_login(translator)
    client.get(LIST)
    MessageTranslation.objects.create(
        language="tr", domain="django", msgid=SEARCH_EN, msgstr="Ara!", translated_by=translator,
        updated_at="2026-12-01T00:00Z",
    )  # fmt: skip
    # Session, user, its permissions (own, groups'), the desk's rows with their translators.
    with django_assert_num_queries(5):
        assert client.get(LIST + "?q=ara").status_code == 200


def test_an_unknown_message_or_language_is_not_found(client, translator):
    client.force_login(translator)
    assert client.get(edit_url(SEARCH_EN).replace("/tr/", "/xx/")).status_code == 404
    url = reverse("admin:catalogues_messagetranslation_edit", args=["tr", "django", "0" * 16])
    assert client.get(url).status_code == 404


def test_the_edit_page_costs_a_fixed_number_of_queries(
    client, translator, django_assert_num_queries
):
    client.force_login(translator)
    client.get(edit_url(FOOTER))
    # Session, user, its permissions (own, groups'), the desk's rows of the catalogue.
    with django_assert_num_queries(5):
        assert client.get(edit_url(FOOTER)).status_code == 200
