"""BROADSHEET_LANGUAGES: the site's languages from the environment (README, "Adding a
language"), checked at start-up."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation

from config.settings.base import og_locale, site_languages


def test_names_come_from_django_and_are_translated():
    languages = site_languages(["en", "tr", "de", "pt-br"])
    assert [code for code, _name in languages] == ["en", "tr", "de", "pt-br"]
    with translation.override("en"):
        assert [str(name) for _code, name in languages] == [
            "English",
            "Turkish",
            "German",
            "Brazilian Portuguese",
        ]
    with translation.override("tr"):
        assert str(dict(languages)["de"]) == "Almanca"


@pytest.mark.parametrize(
    ("codes", "message"),
    [
        (["en", "xx"], "unknown language code(s) xx"),
        (["en", "zh-cn"], "unknown language code(s) zh-cn"),
        (["tr", "de"], "must include the default language 'en'"),
        (["en", "tr", "en"], "names a language twice"),
    ],
)
def test_a_wrong_list_stops_the_site_with_a_clear_message(codes, message):
    with pytest.raises(ImproperlyConfigured, match=message.replace("(", r"\(").replace(")", r"\)")):
        site_languages(codes)


def test_codes_are_case_insensitive():
    assert [code for code, _name in site_languages(["EN", "De"])] == ["en", "de"]


@pytest.mark.parametrize(("code", "locale"), [("de", "de_DE"), ("fr", "fr_FR"), ("pt-br", "pt_BR")])
def test_a_new_language_gets_an_open_graph_locale(code, locale):
    assert og_locale(code) == locale


def test_every_configured_language_has_an_open_graph_locale(settings):
    assert set(settings.BROADSHEET_OG_LOCALES) >= {code for code, _name in settings.LANGUAGES}
    assert settings.BROADSHEET_OG_LOCALES["en"] == "en_GB"
    assert settings.BROADSHEET_OG_LOCALES["tr"] == "tr_TR"
