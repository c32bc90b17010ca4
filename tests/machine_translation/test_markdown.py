"""Code stays code, and a reply that breaks the Markdown's shape is refused."""

import pytest

from articles.machine_translation.markdown import (
    ShapeError,
    check_shape,
    protect,
    restore,
    translate_safely,
)

from .conftest import ENGLISH_BODY, dictionary_translation


def test_protect_hides_every_piece_of_code_and_restore_brings_it_back():
    protected = protect(ENGLISH_BODY)
    assert "docker.from_env" not in protected.text
    assert "`pip install docker`" not in protected.text
    assert "`docker ps`" not in protected.text
    assert "```" not in protected.text
    # Prose, links and tables are left for the translator.
    assert "[the guide](https://docs.docker.com/get-started/)" in protected.text
    assert "| Command | What it does |" in protected.text
    assert restore(protected.text, protected) == ENGLISH_BODY


def test_blocks_inside_lists_and_quotes_keep_their_indentation():
    text = (
        "- step one\n\n  ```\n  make\n  ```\n\n"
        "> quoted\n>\n>     indented code\n\nHTML:\n\n<div>raw</div>\n"
    )
    protected = protect(text)
    assert "make" not in protected.text
    assert "indented code" not in protected.text
    assert "<div>" not in protected.text
    assert restore(protected.text, protected) == text
    check_shape(text, restore(protected.text, protected))


def test_a_faithful_translation_passes_and_keeps_code_table_and_link():
    result = translate_safely(ENGLISH_BODY, dictionary_translation)
    assert "## Kurulum" in result
    assert 'print("Containers start in seconds.")' in result  # code left untranslated
    assert "Kapsayıcılar saniyeler içinde başlar." in result
    assert "| `docker ps` | Çalışan kapsayıcıları listeler |" in result
    assert "[kılavuzu](https://docs.docker.com/get-started/)" in result


def hostile(replace_from: str, replace_to: str):
    def translate(text: str) -> str:
        translated = dictionary_translation(text)
        assert replace_from in translated, "the hostile edit must apply"
        return translated.replace(replace_from, replace_to, 1)

    return translate


@pytest.mark.parametrize(
    ("edit", "problem", "params"),
    [
        (("⟦C2⟧", ""), "lost_code_block", {}),
        (("⟦C2⟧", "⟦C2⟧\n\n⟦C2⟧"), "repeated_code_block", {}),
        (("⟦I1⟧", "pip kur docker"), "lost_inline_code", {}),
        (("⟦C2⟧", "```python\nistemci = docker.from_env()\n```"), "lost_code_block", {}),
        (("Hepsi bu.", "Hepsi bu. ⟦C9⟧"), "invented_placeholder", {}),
        (("Hepsi bu.", "Hepsi bu. `ek`"), "added_code", {}),
        (
            ("https://docs.docker.com/get-started/", "https://docs.docker.com/tr/"),
            "changed_link",
            {"address": "https://docs.docker.com/get-started/"},
        ),
        (
            ("## Kurulum", "### Kurulum"),
            "heading_level",
            {"position": 1, "original": 2, "reply": 3},
        ),  # fmt: skip
        (("Hepsi bu.", "## Son\n\nHepsi bu."), "heading_count", {"original": 1, "reply": 2}),
        (
            ("| Komut | Ne yapar |\n|---|---|", "| Komut |\n|---|"),
            "table_columns",
            {"position": 1, "original": 2, "reply": 1},
        ),  # fmt: skip
        (
            ("| (hiçbiri) | Yardımı gösterir |\n", ""),
            "table_rows",
            {"position": 1, "original": 3, "reply": 2},
        ),  # fmt: skip
    ],
)
def test_hostile_replies_are_refused_with_their_reason(edit, problem, params):
    with pytest.raises(ShapeError) as raised:
        translate_safely(ENGLISH_BODY, hostile(*edit))
    assert raised.value.problem == problem
    assert raised.value.params == params


def test_translated_code_inside_a_block_is_caught_after_restoring():
    # A model that somehow writes its own code block in place of the placeholder and
    # keeps the placeholder elsewhere still changes the code: refused.
    def translate(text):
        return dictionary_translation(text) + "\n\n```\nsahte kod\n```\n"

    with pytest.raises(ShapeError) as raised:
        translate_safely(ENGLISH_BODY, translate)
    assert raised.value.problem == "added_code"


def test_an_empty_reply_is_refused():
    with pytest.raises(ShapeError) as raised:
        translate_safely("Hello.", lambda text: "  \n")
    assert raised.value.problem == "empty"


def test_a_reply_wrapped_in_a_markdown_fence_is_unwrapped():
    result = translate_safely(
        ENGLISH_BODY, lambda text: f"```markdown\n{dictionary_translation(text)}\n```"
    )
    assert result == translate_safely(ENGLISH_BODY, dictionary_translation)
    assert result.startswith("Kapsayıcılar saniyeler içinde başlar.")
