from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Article, Category, Source
from .summaries.admin import SummaryAdminMixin
from .translations_admin import TranslationStateAdminMixin, TranslationStateFilter


@admin.register(Category)
class CategoryAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name_en", "name_tr"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "url"]
    search_fields = ["name"]


@admin.register(Article)
class ArticleAdmin(SummaryAdminMixin, TranslationStateAdminMixin, TabbedTranslationAdmin):
    list_display = [
        "title",
        "status",
        "category",
        "published_at",
        "public_id",
        "translation_state",
    ]
    list_filter = ["status", "category", "source", TranslationStateFilter]
    actions = ["mark_translations_current"]
    list_select_related = ["category", "source"]
    search_fields = ["title_en", "title_tr", "public_id"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["category", "source"]
    readonly_fields = ["public_id", "reading_time", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "standfirst", "body"]}),
        (
            _("Publishing"),
            {"fields": ["status", "published_at", "category", "original_language"]},
        ),
        (_("Source"), {"fields": ["source", "original_url"]}),
        (_("Record"), {"fields": ["public_id", "reading_time", "created_at", "updated_at"]}),
    ]
