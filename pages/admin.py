from django.contrib import admin

from core.translation_admin import LanguageSwitchAdmin

from .models import Page


@admin.register(Page)
class PageAdmin(LanguageSwitchAdmin):
    """Footer pages: about, contact, the privacy notice; one language switch for the form."""

    list_display = ["title", "status", "position", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title_en", "title_tr"]
    fields = ["title", "slug", "body", "status", "position"]

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.status == Page.Status.PUBLISHED else None
