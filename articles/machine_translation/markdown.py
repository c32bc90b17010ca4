"""Markdown through a model and back: what must not be translated is kept away from it,
and the reply is checked against the original's shape before anyone sees it.

``protect()`` replaces fenced and indented code blocks, raw HTML blocks and inline code
with opaque placeholders (``⟦C1⟧``, ``⟦I1⟧``): the model never sees code, so it cannot
translate it. ``restore()`` puts them back and ``check_shape()`` compares the result with
the original, token by token, with a real CommonMark parser (markdown-it-py, tables on):
every placeholder exactly once, the same code, the same link and image addresses, the
same headings in the same order and levels, the same tables with the same columns and
rows. Lists and paragraphs may change: a good translation sometimes splits a sentence.

A reply that fails is a ``ShapeError`` with a problem code and its numbers, which the
admin shows as a translated sentence (``MachineTranslation.problem_message()``).
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

PLACEHOLDER = re.compile(r"⟦([CI])(\d+)⟧")
# A run of backticks, its content, and a closing run of the same length (CommonMark's
# code span), never across a blank line.
INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
# What comes before a block's own text on its first line: indentation and quote markers.
BLOCK_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*")
PROTECTED_BLOCKS = {"fence", "code_block", "html_block"}


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


class ShapeError(Exception):
    """The reply does not keep the original's code, links, headings or tables."""

    def __init__(self, problem: str, **params):
        self.problem = problem
        self.params = params
        super().__init__(f"{problem}: {params}" if params else problem)


@dataclass
class Protected:
    """Text for the model, and what its placeholders stand for."""

    text: str
    pieces: dict[str, str] = field(default_factory=dict)


def protect(text: str) -> Protected:
    """``text`` with code blocks, raw HTML blocks and inline code replaced by placeholders."""
    lines = text.splitlines(keepends=True)
    pieces: dict[str, str] = {}
    # Blocks first, by the parser's line ranges (nested ones inside lists and quotes too).
    blocks = [
        token.map
        for token in _parser().parse(text)
        if token.type in PROTECTED_BLOCKS and token.map and token.nesting == 0
    ]
    out: list[str] = []
    position = 0
    for start, end in sorted(blocks):
        if start < position:
            continue  # Inside a block already protected.
        out.append(_protect_inline("".join(lines[position:start]), pieces))
        block = "".join(lines[start:end])
        trailing = "\n" if block.endswith("\n") else ""
        prefix = BLOCK_PREFIX.match(block).group(0)
        key = f"⟦C{len(pieces) + 1}⟧"
        # The placeholder keeps the first line's indentation and quote markers, so it
        # sits where the block sat; the stored block starts after them.
        pieces[key] = block[len(prefix) :].removesuffix(trailing)
        out.append(f"{prefix}{key}{trailing}")
        position = end
    out.append(_protect_inline("".join(lines[position:]), pieces))
    return Protected(text="".join(out), pieces=pieces)


def _protect_inline(text: str, pieces: dict[str, str]) -> str:
    def replace(match: re.Match) -> str:
        key = f"⟦I{len(pieces) + 1}⟧"
        pieces[key] = match.group(0)
        return key

    return INLINE_CODE.sub(replace, text)


def restore(reply: str, protected: Protected) -> str:
    """The reply with its placeholders replaced by what they stood for.

    Raises ``ShapeError`` when a placeholder is missing, repeated or made up.
    """
    found = Counter(match.group(0) for match in PLACEHOLDER.finditer(reply))
    for key in protected.pieces:
        kind = "code_block" if key.startswith("⟦C") else "inline_code"
        if found[key] == 0:
            raise ShapeError(f"lost_{kind}")
        if found[key] > 1:
            raise ShapeError(f"repeated_{kind}")
    if set(found) - set(protected.pieces):
        raise ShapeError("invented_placeholder")
    return PLACEHOLDER.sub(lambda match: protected.pieces[match.group(0)], reply)


@dataclass
class Shape:
    """What a translation must keep of a Markdown text."""

    code: Counter
    links: Counter
    images: Counter
    headings: list[str]
    tables: list[tuple[int, int]]  # (columns, body rows) of each table, in order


def shape_of(text: str) -> Shape:
    shape = Shape(code=Counter(), links=Counter(), images=Counter(), headings=[], tables=[])
    table: list[int] | None = None  # [columns, rows]
    section = ""
    for token in _parser().parse(text):
        if token.type in PROTECTED_BLOCKS:
            shape.code[token.content] += 1
        elif token.type == "heading_open":
            shape.headings.append(token.tag)
        elif token.type == "table_open":
            table = [0, 0]
        elif token.type in ("thead_open", "tbody_open"):
            section = token.type
        elif token.type == "tr_open" and table is not None and section == "tbody_open":
            table[1] += 1
        elif token.type == "th_open" and table is not None and section == "thead_open":
            table[0] += 1
        elif token.type == "table_close" and table is not None:
            shape.tables.append((table[0], table[1]))
            table = None
        for child in token.children or ():
            if child.type == "code_inline":
                shape.code[f"`{child.content}`"] += 1
            elif child.type == "link_open":
                shape.links[str(child.attrs.get("href", ""))] += 1
            elif child.type == "image":
                shape.images[str(child.attrs.get("src", ""))] += 1
    return shape


def check_shape(original: str, translated: str) -> None:
    """Raise ``ShapeError`` when ``translated`` does not keep ``original``'s shape."""
    before, after = shape_of(original), shape_of(translated)
    if before.code != after.code:
        lost = before.code - after.code
        raise ShapeError("changed_code" if lost else "added_code")
    for name in ("links", "images"):
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            missing = sorted(old - new)
            address = missing[0] if missing else sorted(new - old)[0]
            raise ShapeError(f"changed_{name[:-1]}", address=address)
    if len(before.headings) != len(after.headings):
        raise ShapeError("heading_count", original=len(before.headings), reply=len(after.headings))
    pairs = zip(before.headings, after.headings, strict=True)
    for position, (old, new) in enumerate(pairs, start=1):
        if old != new:
            raise ShapeError(
                "heading_level", position=position, original=int(old[1]), reply=int(new[1])
            )
    if len(before.tables) != len(after.tables):
        raise ShapeError("table_count", original=len(before.tables), reply=len(after.tables))
    for position, (old, new) in enumerate(zip(before.tables, after.tables, strict=True), start=1):
        if old[0] != new[0]:
            raise ShapeError("table_columns", position=position, original=old[0], reply=new[0])
        if old[1] != new[1]:
            raise ShapeError("table_rows", position=position, original=old[1], reply=new[1])


# Some models wrap their whole answer in a ```markdown fence.
WRAPPING_FENCE = re.compile(r"\A\s*```(?:markdown|md)?[ \t]*\n(.*)\n```\s*\Z", re.DOTALL)


def translate_safely(text: str, translate) -> str:
    """``translate(protected_text) -> reply``, with protection, restoration and checks."""
    protected = protect(text)
    reply = translate(protected.text)
    wrapped = WRAPPING_FENCE.match(reply)
    if wrapped and not text.lstrip().startswith("```"):
        reply = wrapped.group(1)
    if not reply.strip():
        raise ShapeError("empty")
    restored = restore(reply.strip("\n") + ("\n" if text.endswith("\n") else ""), protected)
    check_shape(text, restored)
    return restored
