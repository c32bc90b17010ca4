"""What changed in a Markdown text between two versions, paragraph by paragraph.

A translator updating an out-of-date translation needs to find the paragraphs of the
original that moved, not to reread the whole article. The texts are split into blocks
(paragraphs, headings, list items kept together, fenced code blocks whole), the blocks are
aligned with ``difflib.SequenceMatcher``, and a changed block is compared word by word.

Everything here is pure: strings in, rows out. The HTML a row carries is escaped here
(the original is untrusted Markdown) and marks changes with ``<del>`` and ``<ins>`` that
also say, in visually hidden text, "removed" or "added", so colour is never the only sign.
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
# Within a run of changed blocks, a pair this similar is one block edited, not two.
SAME_BLOCK_RATIO = 0.4


def blocks(text: str) -> list[str]:
    """Markdown split on blank lines; a fenced code block stays one block, blank lines and all."""
    result: list[str] = []
    current: list[str] = []
    fence = ""
    for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        marker = FENCE.match(line)
        if fence:
            current.append(line)
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = ""
            continue
        if marker:
            fence = marker.group(1)
            current.append(line)
        elif line.strip():
            current.append(line)
        elif current:
            result.append("\n".join(current))
            current = []
    if current:
        result.append("\n".join(current))
    return result


@dataclass(frozen=True)
class Row:
    """One line of the side-by-side view.

    ``kind`` is "same" (a run of ``count`` unchanged blocks, kept in ``unchanged``),
    "changed", "added" or "removed"; ``then`` and ``now`` are escaped HTML.
    """

    kind: str
    then: SafeString = mark_safe("")
    now: SafeString = mark_safe("")
    unchanged: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.unchanged)


def _marked(tag: str, text: str) -> SafeString:
    label = gettext("removed:") if tag == "del" else gettext("added:")
    return format_html(
        '<{tag}><span class="visually-hidden">[{label} </span>{text}'
        '<span class="visually-hidden">]</span></{tag}>',
        tag=tag,
        label=label,
        text=text,
    )


def _words(then: str, now: str) -> tuple[SafeString, SafeString]:
    """``then`` and ``now`` as HTML, the words that differ in ``<del>`` and ``<ins>``."""
    a, b = TOKEN.findall(then), TOKEN.findall(now)
    left: list[str] = []
    right: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == "equal":
            left.append(old)
            right.append(new)
            continue
        _mark(left, "del", old)
        _mark(right, "ins", new)
    # Plain parts are escaped here; the marked ones were built escaped.
    return _joined(left), _joined(right)


def _joined(parts: list[str]) -> SafeString:
    return format_html_join("", "{}", ((part,) for part in parts))


def _mark(parts: list[str], tag: str, text: str) -> None:
    """Append ``text`` marked, the spaces around it left outside the mark."""
    core = text.strip()
    if not core:
        parts.append(text)
        return
    start = text.index(core)
    parts += [text[:start], _marked(tag, core), text[start + len(core) :]]


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, TOKEN.findall(a), TOKEN.findall(b), autojunk=False).ratio()


def _pair(then: list[str], now: list[str]) -> list[Row]:
    """Rows for a run of blocks replaced by another run: edits where blocks resemble."""
    if len(then) == len(now):
        return [Row("changed", *_words(a, b)) for a, b in zip(then, now, strict=True)]
    rows: list[Row] = []
    start = 0
    for old in then:
        scores = [(_similarity(old, new), j) for j, new in enumerate(now[start:], start)]
        best = max(scores, default=(0.0, -1))
        if best[0] < SAME_BLOCK_RATIO:
            rows.append(Row("removed", then=_marked("del", old)))
            continue
        rows += [Row("added", now=_marked("ins", new)) for new in now[start : best[1]]]
        rows.append(Row("changed", *_words(old, now[best[1]])))
        start = best[1] + 1
    rows += [Row("added", now=_marked("ins", new)) for new in now[start:]]
    return rows


def diff_text(then: str, now: str) -> list[Row]:
    """The rows showing how ``then`` became ``now``; no row is "same" only if all is."""
    a, b = blocks(then), blocks(now)
    rows: list[Row] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            rows.append(Row("same", unchanged=a[i1:i2]))
        elif op == "delete":
            rows += [Row("removed", then=_marked("del", old)) for old in a[i1:i2]]
        elif op == "insert":
            rows += [Row("added", now=_marked("ins", new)) for new in b[j1:j2]]
        else:
            rows += _pair(a[i1:i2], b[j1:j2])
    return rows


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    rows: list[Row]

    @property
    def changed(self) -> bool:
        return any(row.kind != "same" for row in self.rows)

    @property
    def changed_count(self) -> int:
        return sum(row.kind != "same" for row in self.rows)


def diff_fields(then: dict[str, str], now: dict[str, str], labels: dict[str, str]):
    """A ``FieldDiff`` per field in ``labels`` (in that order) whose text changed."""
    diffs = [
        FieldDiff(name, label, diff_text(then.get(name) or "", now.get(name) or ""))
        for name, label in labels.items()
    ]
    return [diff for diff in diffs if diff.changed]
