"""Admin pieces that show translators which translations lag behind the original."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext

from core.translation_admin import language_state

from ..coverage import missing_fields
from ..diffs import diff_fields
from ..models import Article, MachineTranslation, TranslationRecord
from ..services import translation_mark_current

TARGET_LANGUAGES = [(code, name) for code, name in settings.LANGUAGES]


def machine_draft_languages(article: Article) -> set[str]:
    """Languages in which a machine-translation draft of ``article`` waits for review
    (one query): the one place the "machine draft" tab state comes from."""
    return MachineTranslation.objects.waiting_languages(article)


def _records(article: Article) -> dict[str, TranslationRecord]:
    # Uses the prefetched rows when there are some.
    return {record.language: record for record in article.translation_records.all()}


def language_states(article: Article) -> list[dict]:
    """Per language, for the form's language tabs: original, missing (which fields),
    out of date or filled, and whether a machine draft waits."""
    records = _records(article)
    drafts = machine_draft_languages(article)
    states = []
    for code, name in settings.LANGUAGES:
        record = records.get(code)
        states.append(
            language_state(
                code,
                name,
                original=code == article.original_language,
                missing={
                    f"{field}_{code}": str(Article._meta.get_field(field).verbose_name)
                    for field in missing_fields(article, code)
                },
                out_of_date=record is not None and not record.is_current,
                notes=[pgettext("language tab", "machine draft waiting")] if code in drafts else [],
            )
        )
    return states


def translation_changes(article: Article) -> list[dict]:
    """For each out-of-date translation: what changed in the original since it was current."""
    labels = {
        field: str(Article._meta.get_field(field).verbose_name).capitalize()
        for field in TranslationRecord.SNAPSHOT_FIELDS
    }
    now = {field: article.original_text(field) for field in TranslationRecord.SNAPSHOT_FIELDS}
    records = _records(article)
    changes = []
    for code, name in settings.LANGUAGES:
        record = records.get(code)
        if record is None or record.is_current or code == article.original_language:
            continue
        then = {field: record.original_then(field) for field in TranslationRecord.SNAPSHOT_FIELDS}
        changes.append(
            {
                "code": code,
                "name": name,
                "record": record,
                "fields": diff_fields(then, now, labels) if record.has_snapshot else None,
            }
        )
    return changes


class TranslationStateAdminMixin:
    """Adds a per-language translation column and a "mark current" action."""

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("translation_records", queryset=TranslationRecord.objects.all())
            )
        )

    def translation_is_stale(self, article, language: str) -> bool:
        """The original changed since this translation was last marked current."""
        return any(
            record.language == language and record.original_version != article.original_version
            for record in article.translation_records.all()
        )

    def language_states(self, request, obj):
        if obj is None:
            return super().language_states(request, obj)
        return language_states(obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["translation_changes"] = translation_changes(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def has_translate_permission(self, request) -> bool:
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.translate_{opts.model_name}") or (
            request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        )

    @admin.action(
        description=_("Mark selected translations as up to date"),
        permissions=["translate"],
        location=[admin.ActionLocation.CHANGE_LIST, admin.ActionLocation.CHANGE_FORM],
    )
    def mark_translations_current(self, request, queryset):
        marked = 0
        for article in queryset:
            for code, _name in TARGET_LANGUAGES:
                if code == article.original_language or not getattr(article, f"title_{code}"):
                    continue
                try:
                    translation_mark_current(article=article, language=code, user=request.user)
                except ValidationError as error:
                    self.message_user(request, "; ".join(error.messages), messages.WARNING)
                else:
                    marked += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d translation marked as up to date.",
                "%(count)d translations marked as up to date.",
                marked,
            )
            % {"count": marked},
            messages.SUCCESS,
        )
