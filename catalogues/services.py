"""Saving a translation on the desk, and writing the desk's edits into the .po files."""

from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from pagecache.invalidation import site_changed

from . import checks, files, overlay
from .models import MessageTranslation


def problems_of(*, catalogue: files.Catalogue, message: files.Message, forms: list[str]):
    """What is wrong with ``forms`` as a translation of ``message``: {form index: [...]}."""
    python = "python-format" in message.flags or None
    if message.is_plural:
        plural_forms = catalogue.plural_forms
        return checks.check_plural_forms(
            message.msgid,
            message.msgid_plural,
            forms,
            nplurals=plural_forms.nplurals,
            single_number_forms=plural_forms.single_number_forms(),
        )
    found = checks.check_translation(message.msgid, forms[0] if forms else "", python_format=python)
    return {0: found} if found else {}


@transaction.atomic
def translation_save(
    *, catalogue: files.Catalogue, message: files.Message, forms: list[str], user
) -> MessageTranslation:
    """Validate and save a translation: every server shows it from its next request.

    Raises ``ValidationError`` ({"form index": [...]}) when a check refuses it.
    """
    problems = problems_of(catalogue=catalogue, message=message, forms=forms)
    if problems:
        raise ValidationError({str(index): found for index, found in problems.items()})
    values = {
        "msgid_plural": message.msgid_plural,
        "msgstr": "" if message.is_plural else forms[0],
        "msgstr_plural": list(forms) if message.is_plural else [],
        "translated_by": user,
        "updated_at": timezone.now(),
    }
    row, _created = MessageTranslation.objects.update_or_create(
        language=catalogue.language,
        domain=catalogue.domain,
        msgctxt=message.msgctxt,
        msgid=message.msgid,
        defaults=values,
    )
    overlay.changed()
    # Cached pages carry the old string; every page shows interface strings.
    site_changed()
    return row


@dataclass
class WriteReport:
    language: str
    domain: str
    path: Path
    pending: int = 0
    changed: int = 0
    skipped: list[str] = field(default_factory=list)


def catalogues_write(
    *, languages: list[str] | None = None, folder: Path | None = None, dry_run: bool = False
) -> list[WriteReport]:
    """Write desk edits not yet in the repository into ``folder``'s .po files (default:
    LOCALE_PATHS[0]) and mark them written. Messages no longer in a file are skipped."""
    reports = []
    with transaction.atomic():
        pending = MessageTranslation.objects.not_written().select_for_update()
        if languages:
            pending = pending.filter(language__in=languages)
        groups: dict[tuple[str, str], list[MessageTranslation]] = {}
        for row in pending.order_by("language", "domain", "pk"):
            groups.setdefault((row.language, row.domain), []).append(row)
        now = timezone.now()
        for (language, domain), rows in sorted(groups.items()):
            path = files.catalogue_path(language, domain, folder)
            report = WriteReport(language, domain, path, pending=len(rows))
            reports.append(report)
            if not path.exists():
                report.skipped = [row.msgid for row in rows]
                continue
            present = files.written(path)
            kept = [r for r in rows if files.message_key(r.msgctxt, r.msgid) in present]
            report.skipped = [r.msgid for r in rows if r not in kept]
            if dry_run:
                report.changed = len(kept)
                continue
            report.changed = files.write(path, kept)
            MessageTranslation.objects.filter(pk__in=[r.pk for r in kept]).update(written_at=now)
    return reports
