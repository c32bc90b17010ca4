"""Admin pieces that show translators which translations lag behind the original."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import TranslationRecord
from ..services import translation_mark_current

TARGET_LANGUAGES = [(code, name) for code, name in settings.LANGUAGES]


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
