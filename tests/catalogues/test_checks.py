"""The checks that refuse a broken translation (catalogues/checks.py)."""

import pytest
from django.utils import translation

from catalogues import checks
from catalogues.files import PluralForms


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("original", "text", "problems"),
    [
        ("Hello %(name)s", "Merhaba %(name)s", []),
        ("Hello %(name)s", "Merhaba", ["The placeholder %(name)s is missing."]),
        ("Hello %(name)s", "Merhaba %(nom)s", [
            "The placeholder %(name)s is missing.",
            "The placeholder %(nom)s is not in the original.",
        ]),
        ("%(a)s and %(b)s", "%(b)s ve %(a)s", []),  # named ones may move
        ("%s of %d", "%d / %s", [
            "The original has the placeholders %s %d in this order; the translation has %d %s."
        ]),
        ("%s items", "öğe", [
            "The original has the placeholders %s in this order; the translation has none."
        ]),
        ("100%% sure, %(name)s", "%%100 emin, %(name)s", []),
        ("100%% sure, %(name)s", "%100 emin, %(name)s", [
            "A single % sign breaks this text: write %% for a percent sign."
        ]),
        ("{0} comments", "{0} yorum", []),
        ("{count} comments", "{sayi} yorum", [
            "The placeholder {count} is missing.",
            "The placeholder {sayi} is not in the original.",
        ]),
        ("Use {{braces}}", "{{Ayraç}} kullan", []),  # escaped braces are text
        ("Plain text", "Düz metin {x}", ["The placeholder {x} is not in the original."]),
    ],
)  # fmt: skip
def test_placeholders(original, text, problems):
    assert checks.check_translation(original, text) == problems


def test_a_text_without_placeholders_may_hold_a_percent_sign():
    assert checks.check_translation("Done", "%100 tamam") == []


@pytest.mark.parametrize(
    ("original", "text", "problems"),
    [
        ('Read <a href="/x/">the rules</a>.', '<a href="/x/">Kuralları</a> okuyun.', []),
        ('Read <a href="/x/">the rules</a>.', "Kuralları okuyun.", [
            "The HTML tag </a> is missing.", 'The HTML tag <a href="/x/"> is missing.',
        ]),
        ('<a href="/x/">x</a>', '<a href="/y/">x</a>', [
            'The HTML tag <a href="/x/"> is missing.',
            'The HTML tag <a href="/y/"> is not in the original, or is written differently.',
        ]),
        ("<b>a</b> <b>b</b>", "<b>a</b> b</b>", ["The HTML tag <b> is missing."]),
        ("<b>a</b><b>b</b><b>c</b>", "a b c</b></b></b>", ["The HTML tag <b> is missing 3 times."]),
        ("x", "<script>y</script>", [
            "The HTML tag </script> is not in the original, or is written differently.",
            "The HTML tag <script> is not in the original, or is written differently.",
        ]),
        ("2 < 3 and 4 > 1", "2 < 3 ve 4 > 1", []),
    ],
)  # fmt: skip
def test_html_tags(original, text, problems):
    assert checks.check_translation(original, text) == problems


@pytest.mark.parametrize(
    ("original", "text", "problems"),
    [
        (" more", " daha", []),
        (" more", "daha", ["The original begins with the whitespace “␣”; begin the "
                           "translation with the same."]),
        ("more", " daha", ["The original begins with no whitespace; remove it from the start."]),
        ("Line\n", "Satır", ["The original ends with the whitespace “↵”; end the translation "
                             "with the same."]),
        ("Line", "Satır ", ["The original ends with no whitespace; remove it from the end."]),
        ("a\n\n", "b\n", ["The original ends with the whitespace “↵↵”; end the translation "
                          "with the same."]),
    ],
)  # fmt: skip
def test_leading_and_trailing_whitespace(original, text, problems):
    assert checks.check_translation(original, text) == problems


def test_an_empty_translation_is_refused():
    assert checks.check_translation("Save", "  ") == ["Enter a translation."]


def test_problems_are_said_in_the_translators_language():
    with translation.override("tr"):
        problems = checks.check_translation("Hello %(name)s", "Merhaba")
    assert problems == ["%(name)s yer tutucusu eksik."]


def test_turkish_plural_forms_come_from_the_header():
    forms = PluralForms.parse("nplurals=2; plural=(n > 1);")
    assert forms.nplurals == 2
    assert [numbers[:3] for numbers in forms.examples()] == [[0, 1], [2, 3, 4]]
    assert forms.single_number_forms() == set()


def test_every_plural_form_is_required_and_checked_against_the_plural():
    problems = checks.check_plural_forms(
        "%(count)s comment", "%(count)s comments", ["%(count)s yorum", ""], nplurals=2
    )
    assert problems == {1: ["Enter a translation."]}
    problems = checks.check_plural_forms(
        "%(count)s comment", "%(count)s comments", ["bir yorum", "%(count)s yorum"], nplurals=2
    )
    assert problems == {0: ["The placeholder %(count)s is missing."]}


def test_a_form_for_exactly_one_number_may_drop_the_count():
    # Russian-like: form 0 is n == 1 only in this made-up rule.
    rule = PluralForms.parse("nplurals=3; plural=(n == 1 ? 0 : n < 5 ? 1 : 2);")
    assert rule.single_number_forms() == {0}
    problems = checks.check_plural_forms(
        "%(count)s file",
        "%(count)s files",
        ["один файл", "%(count)s файла", "%(count)s файлов"],
        nplurals=3,
        single_number_forms=rule.single_number_forms(),
    )
    assert problems == {}
    # ... but may not add a placeholder the original lacks.
    problems = checks.check_plural_forms(
        "%(count)s file", "%(count)s files", ["%(n)s файл", "%(count)s", "%(count)s"],
        nplurals=3, single_number_forms={0},
    )  # fmt: skip
    assert problems == {0: ["The placeholder %(n)s is not in the original."]}
