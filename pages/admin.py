from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Page


@admin.register(Page)
class PageAdmin(TabbedTranslationAdmin):
    """Footer pages: about, contact, the privacy notice; one tab per language."""

    list_display = ["title", "status", "position", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title_en", "title_tr"]
    fields = ["title", "slug", "body", "status", "position"]

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.status == Page.Status.PUBLISHED else None

    class Media:
        js = [
            "admin/js/jquery.init.js",
            "modeltranslation/js/tabbed_translation_fields.js",
            "admin-extra/translation_tabs.js",
        ]
