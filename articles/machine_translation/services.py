"""Asking for machine drafts, and a translator's decision on each one.

``machine_translation_request`` queues one draft per field the original has filled
(title, standfirst, body) and returns at once; the worker writes them
(``generation.py``). ``machine_translation_accept`` copies one reviewed draft into the
article, which is the only way a draft reaches readers; ``machine_translation_discard``
sets one aside. Both record who reviewed it.
"""

from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from articles import services as article_services
from articles.models import Article, MachineTranslation, TranslationRecord
from articles.summaries import get_backend
from pagecache import invalidation

Field = MachineTranslation.Field
Status = MachineTranslation.Status

HISTORY_ACCEPTED = gettext_noop("machine translation accepted after review")


def can_translate(user) -> bool:
    return user.has_perm(article_services.TRANSLATE_PERMISSION) or article_services.can_edit(user)


def _require(user) -> None:
    if not can_translate(user):
        raise PermissionDenied(gettext("You do not have permission to do this."))


def backend_problem() -> str:
    """Why drafts cannot be requested now, in plain words ("" when they can)."""
    try:
        backend = get_backend()
    except ImproperlyConfigured as error:
        return gettext("Machine translation is not available: %(error)s") % {"error": error}
    if not backend.can_translate:
        return gettext(
            "Machine translation is not available: the configured AI backend (%(backend)s) "
            "cannot translate. It only quotes the original. An administrator can connect a "
            "language model server (see “AI summaries” in the README)."
        ) % {"backend": backend.name or type(backend).__name__}
    return ""


@transaction.atomic
def machine_translation_request(
    *, article: Article, language: str, user
) -> list[MachineTranslation]:
    """Queue drafts of the filled original fields in ``language``; returns the new drafts.

    Drafts still open for those fields (waiting for review, failed) are superseded.
    """
    from .tasks import translate_field  # The task module imports generation, not this.

    _require(user)
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(gettext("Unknown language."), code="unknown_language")
    if language == article.original_language:
        raise ValidationError(
            gettext("This is the article's original language: there is nothing to translate."),
            code="original_language",
        )
    problem = backend_problem()
    if problem:
        raise ValidationError(problem, code="cannot_translate")
    fields = [name for name in Field.values if article.original_text(name).strip()]
    if not fields:
        raise ValidationError(
            gettext("The original has no title, standfirst or body to translate yet."),
            code="no_source",
        )
    for previous in MachineTranslation.objects.open().filter(
        article=article, language=language, field__in=fields
    ):
        previous.mark_discarded()
    drafts = []
    for name in fields:
        draft = MachineTranslation.objects.create(
            article=article,
            language=language,
            field=name,
            source_text=article.original_text(name),
            requested_by=user if getattr(user, "pk", None) else None,
        )
        # The task row lives in the same database: it commits with the draft.
        translate_field.enqueue(draft_id=draft.pk)
        drafts.append(draft)
    return drafts


@transaction.atomic
def machine_translation_accept(*, draft: MachineTranslation, user) -> MachineTranslation:
    """Copy a reviewed draft into the article: readers see it from now on."""
    _require(user)
    draft = MachineTranslation.objects.select_for_update().get(pk=draft.pk)
    if draft.status != Status.READY:
        raise ValidationError(
            gettext("Only a draft waiting for review can be accepted."), code="not_ready"
        )
    article = Article.objects.select_for_update().get(pk=draft.article_id)
    column = f"{draft.field}_{draft.language}"
    setattr(article, column, draft.text)
    fields = [column]
    if draft.field == Field.TITLE:
        fields.append(f"slug_{draft.language}")  # Filled from the title when empty.
    article.save(update_fields=[*fields, "updated_at"])
    draft.mark_accepted(reviewer=user)
    if not draft.source_changed(article) and getattr(article, f"title_{draft.language}", ""):
        # Reviewed against the original as it is now: the translation is current.
        article_services.translation_mark_current(
            article=article, language=draft.language, user=user
        )
    elif draft.source_changed(article):
        # Made from an older original: the translation is out of date until a
        # translator brings it up to date (the record names no current version).
        TranslationRecord.objects.update_or_create(
            article=article,
            language=draft.language,
            # The diff then shows what moved since the text the draft was made from.
            defaults={
                "original_version": draft.source_fingerprint,
                "marked_current_by": None,
                f"original_{draft.field}": draft.source_text,
            },
        )
    else:
        TranslationRecord.record_new_translations(article)
    with translation.override(settings.LANGUAGE_CODE):
        field_name = str(Article._meta.get_field(draft.field).verbose_name)
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[article],
        action_flag=CHANGE,
        change_message=[
            {"changed": {"fields": [f"{field_name} [{draft.language}]", HISTORY_ACCEPTED]}}
        ],
        single_object=True,
    )
    # A title, standfirst or body: what it shows, not where it is listed.
    invalidation.article_changed(article.pk, reading_on=False)
    return draft


@transaction.atomic
def machine_translation_discard(*, draft: MachineTranslation, user) -> MachineTranslation:
    """Set a draft aside (or a failed attempt); the article stays as it is."""
    _require(user)
    draft = MachineTranslation.objects.select_for_update().get(pk=draft.pk)
    if draft.status not in MachineTranslation.OPEN:
        raise ValidationError(
            gettext("This draft has already been accepted or discarded."), code="decided"
        )
    draft.mark_discarded(reviewer=user)
    return draft
