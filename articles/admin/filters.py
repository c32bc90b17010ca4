from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..models import Article

Status = Article.Status


class StatusFilter(admin.SimpleListFilter):
    """The workflow status, with scheduled articles told apart from live ones."""

    title = _("status")
    parameter_name = "status"

    SCHEDULED = "scheduled"
    LIVE = "live"
    CURRENT = "current"

    def lookups(self, request, model_admin):
        return [
            (Status.DRAFT, Status.DRAFT.label),
            (Status.REVIEW, Status.REVIEW.label),
            (self.SCHEDULED, _("Scheduled")),
            (self.LIVE, _("Published and visible")),
            (Status.ARCHIVED, Status.ARCHIVED.label),
            (self.CURRENT, _("Everything but archived")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.SCHEDULED:
            return queryset.scheduled()
        if value == self.LIVE:
            return queryset.published()
        if value == self.CURRENT:
            return queryset.exclude(status=Status.ARCHIVED)
        if value in Status.values:
            return queryset.filter(status=value)
        return queryset


class TranslationFilter(admin.SimpleListFilter):
    """Translation state per language: ``?translation=tr_missing`` (incomplete), ``tr_title``
    (no title), ``tr_stale`` (out of date), ``tr_complete``.

    Only articles from another original language can miss a translation into a language.
    """

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = []
        for code, name in settings.LANGUAGES:
            language = {"language": name}
            choices += [
                (f"{code}_missing", gettext("Incomplete %(language)s translation") % language),
                (f"{code}_title", gettext("Missing %(language)s title") % language),
                (f"{code}_stale", gettext("%(language)s out of date") % language),
                (f"{code}_complete", gettext("Complete %(language)s translation") % language),
            ]
        return choices

    def queryset(self, request, queryset):
        code, _sep, kind = (self.value() or "").partition("_")
        if code not in dict(settings.LANGUAGES):
            return queryset
        if kind == "missing":
            return queryset.translation_incomplete(code)
        if kind == "title":
            return queryset.translation_incomplete(code, fields=("title",))
        if kind == "stale":
            return queryset.translation_out_of_date(code)
        if kind == "complete":
            return queryset.translation_complete(code)
        return queryset
