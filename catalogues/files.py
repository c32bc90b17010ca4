"""The project's catalogues on disk (``LOCALE_PATHS``), read and written with polib.

Only the project's own catalogues: Django's and third-party apps' strings are not the
desk's to change. Parsed files are kept per process while their modification time holds.
"""

import gettext
import hashlib
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings

DOMAINS = ("django", "djangojs")
# makemessages (msgmerge) wraps at 79 columns; polib's 78 writes the same lines.
WRAP_WIDTH = 78


def locale_dir() -> Path:
    return Path(settings.LOCALE_PATHS[0])


def catalogue_path(language: str, domain: str, folder: Path | None = None) -> Path:
    return (folder or locale_dir()) / language / "LC_MESSAGES" / f"{domain}.po"


def languages() -> list[tuple[str, str]]:
    """(code, name) of each site language but the source, with a catalogue in the project."""
    return [
        (code, name)
        for code, name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
        and any(catalogue_path(code, domain).exists() for domain in DOMAINS)
    ]


def message_key(msgctxt: str, msgid: str) -> str:
    """The key gettext gives a message: the context, EOT, the msgid."""
    return f"{msgctxt}\x04{msgid}" if msgctxt else msgid


def message_hash(msgctxt: str, msgid: str) -> str:
    """A short stable name for a message, for addresses."""
    return hashlib.sha256(message_key(msgctxt, msgid).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class PluralForms:
    nplurals: int
    expression: str

    @classmethod
    def parse(cls, header: str | None) -> "PluralForms":
        """From a catalogue's Plural-Forms header, e.g. ``nplurals=2; plural=(n > 1);``."""
        nplurals = re.search(r"nplurals\s*=\s*(\d+)", header or "")
        plural = re.search(r"plural\s*=\s*([^;]+)", header or "")
        if not (nplurals and plural):
            return cls(2, "(n != 1)")
        return cls(int(nplurals.group(1)), plural.group(1).strip())

    def function(self):
        return gettext.c2py(self.expression)

    def examples(self, limit: int = 4, up_to: int = 1001) -> list[list[int]]:
        """Per form, the first numbers it stands for (for labels), up to ``limit`` each."""
        chooser = self.function()
        found: list[list[int]] = [[] for _ in range(self.nplurals)]
        for n in range(up_to):
            index = chooser(n)
            if 0 <= index < self.nplurals and len(found[index]) <= limit:
                found[index].append(n)
        return found

    def single_number_forms(self) -> set[int]:
        """Forms that stand for exactly one number (they may leave the count out)."""
        return {i for i, numbers in enumerate(self.examples(limit=2)) if len(numbers) == 1}


@dataclass(frozen=True)
class Message:
    """One message of a catalogue as the file has it."""

    msgctxt: str
    msgid: str
    msgid_plural: str
    msgstr: str
    msgstr_plural: tuple[str, ...]
    fuzzy: bool
    previous_msgid: str
    flags: tuple[str, ...]
    comment: str  # extracted (translator comments in the code: "Translators: ...")
    tcomment: str  # the translator's own comments in the file

    @property
    def key(self) -> str:
        return message_key(self.msgctxt, self.msgid)

    @property
    def hash(self) -> str:
        return message_hash(self.msgctxt, self.msgid)

    @property
    def is_plural(self) -> bool:
        return bool(self.msgid_plural)

    @property
    def forms(self) -> tuple[str, ...]:
        return self.msgstr_plural if self.is_plural else (self.msgstr,)

    @property
    def translated(self) -> bool:
        return all(self.forms) and bool(self.forms)


@dataclass(frozen=True)
class Catalogue:
    language: str
    domain: str
    plural_forms: PluralForms
    messages: tuple[Message, ...]

    def find(self, hash_: str) -> Message | None:
        return next((m for m in self.messages if m.hash == hash_), None)


def _message(entry: polib.POEntry, nplurals: int) -> Message:
    plural = ()
    if entry.msgid_plural:
        plural = tuple(entry.msgstr_plural.get(i, "") for i in range(nplurals))
    return Message(
        msgctxt=entry.msgctxt or "",
        msgid=entry.msgid,
        msgid_plural=entry.msgid_plural or "",
        msgstr=entry.msgstr or "",
        msgstr_plural=plural,
        fuzzy=entry.fuzzy,
        previous_msgid=entry.previous_msgid or "",
        flags=tuple(flag for flag in entry.flags if flag != "fuzzy"),
        comment=entry.comment or "",
        tcomment=entry.tcomment or "",
    )


_lock = threading.Lock()
_parsed: dict[Path, tuple[float, Catalogue]] = {}


def read(language: str, domain: str) -> Catalogue:
    """The catalogue as the file says (empty if there is none), parsed once per change."""
    path = catalogue_path(language, domain)
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return Catalogue(language, domain, PluralForms.parse(None), ())
    with _lock:
        cached = _parsed.get(path)
        if cached and cached[0] == mtime:
            return cached[1]
    po = polib.pofile(str(path), wrapwidth=WRAP_WIDTH)
    plural_forms = PluralForms.parse(po.metadata.get("Plural-Forms"))
    messages = tuple(_message(entry, plural_forms.nplurals) for entry in po if not entry.obsolete)
    catalogue = Catalogue(language, domain, plural_forms, messages)
    with _lock:
        _parsed[path] = (mtime, catalogue)
    return catalogue


def write(path: Path, edits: list) -> int:
    """Write ``edits`` (MessageTranslation rows) into the .po file at ``path``.

    Each edited entry gets the new translation, loses its fuzzy flag and previous msgid;
    everything else stays as makemessages wrote it. Returns how many entries changed.
    Rows whose message is no longer in the file are skipped (makemessages dropped it).
    """
    po = polib.pofile(str(path), wrapwidth=WRAP_WIDTH)
    by_key = {
        message_key(entry.msgctxt or "", entry.msgid): entry for entry in po if not entry.obsolete
    }
    changed = 0
    for row in edits:
        entry = by_key.get(message_key(row.msgctxt, row.msgid))
        if entry is None:
            continue
        before = (entry.msgstr, dict(entry.msgstr_plural), entry.fuzzy, entry.previous_msgid)
        if entry.msgid_plural:
            entry.msgstr_plural = dict(enumerate(row.msgstr_plural))
        else:
            entry.msgstr = row.msgstr
        if entry.fuzzy:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        after = (entry.msgstr, dict(entry.msgstr_plural), entry.fuzzy, entry.previous_msgid)
        changed += before != after
    if changed:
        po.save(str(path))
    return changed


def written(path: Path) -> dict[str, Message]:
    """The messages of the file at ``path``, by key (for the command's checks)."""
    po = polib.pofile(str(path), wrapwidth=WRAP_WIDTH)
    nplurals = PluralForms.parse(po.metadata.get("Plural-Forms")).nplurals
    return {
        message_key(e.msgctxt or "", e.msgid): _message(e, nplurals) for e in po if not e.obsolete
    }
