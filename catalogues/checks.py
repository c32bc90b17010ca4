"""Checks that refuse a broken translation, as pure functions of the texts.

Each returns a list of problems, each a sentence saying exactly what is wrong, in the
active language. ``check_translation`` runs them all; ``check_plural_forms`` runs them
for each form of a plural message against its plural original.
"""

import re
from collections import Counter

from django.utils.translation import gettext, ngettext

# Python's printf-style directives, as gettext's python-format check reads them.
PYTHON_FORMAT = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?"
    r"(?P<type>[diouxXeEfFgGcrsa%])"
)
# Directives read left to right, or a "%" starting none (Python raises on it once the
# text is formatted).
DIRECTIVE_OR_PERCENT = re.compile(PYTHON_FORMAT.pattern + "|%")
# str.format fields: {0}, {name}, {name.attr}, {0[1]}, {name:>10}; not {{ or }}.
BRACE_FORMAT = re.compile(
    r"(?<!\{)\{(?P<field>[A-Za-z_]\w*|\d*)(?:[.\[][^{}:!]*)?(?:![rsa])?(?::[^{}]*)?\}"
)
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
WHITESPACE_NAMES = {" ": "␣", "\n": "↵", "\t": "⇥", "\r": "␍", "\u00a0": "⍽"}


def python_placeholders(text: str) -> tuple[Counter, list[str]]:
    """Named directives (a multiset) and positional ones (in order); ``%%`` is not one."""
    named, positional = Counter(), []
    for match in PYTHON_FORMAT.finditer(text):
        if match.group("type") == "%":
            continue
        if match.group("name") is not None:
            named[match.group(0)] += 1
        else:
            positional.append(match.group(0))
    return named, positional


def is_python_format(text: str) -> bool:
    named, positional = python_placeholders(text)
    return bool(named or positional)


def brace_placeholders(text: str) -> Counter:
    return Counter(match.group(0) for match in BRACE_FORMAT.finditer(text))


def html_tags(text: str) -> Counter:
    """Tags with their attributes, spaces inside a tag collapsed."""
    return Counter(re.sub(r"\s+", " ", tag) for tag in HTML_TAG.findall(text))


def _leading(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _trailing(text: str) -> str:
    return text[len(text.rstrip()) :]


def show_whitespace(whitespace: str) -> str:
    return "".join(WHITESPACE_NAMES.get(char, char) for char in whitespace)


def check_placeholders(
    original: str, translation: str, *, python_format: bool | None = None, optional=False
) -> list[str]:
    """Python ``%`` directives and ``{}`` fields must be those of the original.

    ``optional``: a plural form standing for one number may leave placeholders out (the
    count, typically), but may not add any.
    """
    problems = []
    python = is_python_format(original) if python_format is None else python_format
    if python:
        named, positional = python_placeholders(original)
        found_named, found_positional = python_placeholders(translation)
        for placeholder in sorted(named):
            if not optional and placeholder not in found_named:
                problems.append(
                    gettext("The placeholder %(placeholder)s is missing.")
                    % {"placeholder": placeholder}
                )
        for placeholder in sorted(set(found_named) - set(named)):
            problems.append(
                gettext("The placeholder %(placeholder)s is not in the original.")
                % {"placeholder": placeholder}
            )
        if positional != found_positional and not (
            optional and not found_positional and positional
        ):
            problems.append(
                gettext(
                    "The original has the placeholders %(expected)s in this order; "
                    "the translation has %(found)s."
                )
                % {
                    "expected": " ".join(positional) or gettext("none"),
                    "found": " ".join(found_positional) or gettext("none"),
                }
            )
        if any(m.group(0) == "%" for m in DIRECTIVE_OR_PERCENT.finditer(translation)):
            problems.append(
                gettext("A single %% sign breaks this text: write %%%% for a percent sign.") % {}
            )
    braces = brace_placeholders(original)
    found_braces = brace_placeholders(translation)
    for placeholder in sorted(braces):
        if not optional and placeholder not in found_braces:
            problems.append(
                gettext("The placeholder %(placeholder)s is missing.")
                % {"placeholder": placeholder}
            )
    if braces or found_braces:
        for placeholder in sorted(set(found_braces) - set(braces)):
            problems.append(
                gettext("The placeholder %(placeholder)s is not in the original.")
                % {"placeholder": placeholder}
            )
    return problems


def check_html(original: str, translation: str) -> list[str]:
    """The same tags, attributes included, as many times each (their order may change)."""
    expected, found = html_tags(original), html_tags(translation)
    problems = []
    for tag, count in sorted((expected - found).items()):
        problems.append(
            ngettext(
                "The HTML tag %(tag)s is missing.",
                "The HTML tag %(tag)s is missing %(count)s times.",
                count,
            )
            % {"tag": tag, "count": count}
        )
    for tag, _count in sorted((found - expected).items()):
        problems.append(
            gettext("The HTML tag %(tag)s is not in the original, or is written differently.")
            % {"tag": tag}
        )
    return problems


def check_whitespace(original: str, translation: str) -> list[str]:
    problems = []
    if _leading(original) != _leading(translation):
        if _leading(original):
            problems.append(
                gettext("The original begins with the whitespace “%(whitespace)s”; begin the "
                        "translation with the same.")
                % {"whitespace": show_whitespace(_leading(original))}
            )  # fmt: skip
        else:
            problems.append(
                gettext("The original begins with no whitespace; remove it from the start.")
            )
    if _trailing(original) != _trailing(translation):
        if _trailing(original):
            problems.append(
                gettext("The original ends with the whitespace “%(whitespace)s”; end the "
                        "translation with the same.")
                % {"whitespace": show_whitespace(_trailing(original))}
            )  # fmt: skip
        else:
            problems.append(
                gettext("The original ends with no whitespace; remove it from the end.")
            )
    return problems


def check_translation(
    original: str, translation: str, *, python_format: bool | None = None, optional=False
) -> list[str]:
    """Every check of one text against its original; an empty translation is refused."""
    if not translation.strip():
        return [gettext("Enter a translation.")]
    return [
        *check_placeholders(original, translation, python_format=python_format, optional=optional),
        *check_html(original, translation),
        *check_whitespace(original, translation),
    ]


def check_plural_forms(
    msgid: str,
    msgid_plural: str,
    forms: list[str],
    *,
    nplurals: int,
    single_number_forms: set[int] = frozenset(),
) -> dict[int, list[str]]:
    """Problems per form (only forms with problems): every form is required and checked
    against the plural original; a form standing for one number may drop the count."""
    python = is_python_format(msgid) or is_python_format(msgid_plural)
    problems = {}
    for index in range(nplurals):
        text = forms[index] if index < len(forms) else ""
        found = check_translation(
            msgid_plural, text, python_format=python, optional=index in single_number_forms
        )
        if found:
            problems[index] = found
    return problems
