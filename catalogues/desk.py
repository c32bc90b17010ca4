"""What the desk shows: each message of a catalogue with the desk's edit and its state."""

from dataclasses import dataclass

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from . import files
from .models import MessageTranslation


class State(TextChoices):
    UNTRANSLATED = "untranslated", _("Untranslated")
    FUZZY = "fuzzy", _("Fuzzy")
    CHANGED = "changed", _("Changed on the desk")
    TRANSLATED = "translated", _("Translated")


STATE_HELP = {
    State.UNTRANSLATED: _("No translation in the file and none saved on the desk."),
    State.FUZZY: _(
        "The file's translation is marked fuzzy (the original changed, or it was guessed) "
        "and the site shows the original; not saved on the desk since."
    ),
    State.CHANGED: _(
        "Saved on the desk and live on the site, not yet written into the repository's "
        "files (manage.py catalogues_write)."
    ),
    State.TRANSLATED: _("Translated in the file, or saved on the desk and written since."),
}


@dataclass(frozen=True)
class Entry:
    message: files.Message
    edit: MessageTranslation | None

    @property
    def forms(self) -> list[str]:
        """The desk's translation, or the file's (for a fuzzy one: its suggestion, which
        readers do not get)."""
        if self.edit is not None:
            return self.edit.forms
        return list(self.message.forms)

    @property
    def state(self) -> State:
        if self.edit is not None:
            return State.TRANSLATED if self.edit.is_written else State.CHANGED
        if self.message.fuzzy:
            return State.FUZZY
        if not self.message.translated:
            return State.UNTRANSLATED
        return State.TRANSLATED


def fold(text: str) -> str:
    """Case-insensitive and dotted/dotless-i-insensitive (İ I ı i are one letter)."""
    return text.translate(str.maketrans({"İ": "i", "I": "i", "ı": "i"})).casefold()


def entries(catalogue: files.Catalogue) -> list[Entry]:
    """Every message of the catalogue, in the file's order, with its edit (one query)."""
    edits = {
        files.message_key(row.msgctxt, row.msgid): row
        for row in MessageTranslation.objects.filter(
            language=catalogue.language, domain=catalogue.domain
        ).select_related("translated_by")
    }
    return [Entry(message, edits.get(message.key)) for message in catalogue.messages]


def matches(entry: Entry, query: str) -> bool:
    folded = fold(query)
    haystack = [entry.message.msgid, entry.message.msgid_plural, entry.message.msgctxt]
    haystack += entry.forms
    return any(folded in fold(text) for text in haystack if text)


def counts(found: list[Entry]) -> dict[str, int]:
    totals = dict.fromkeys(State.values, 0)
    for entry in found:
        totals[entry.state] += 1
    totals["total"] = len(found)
    return totals
