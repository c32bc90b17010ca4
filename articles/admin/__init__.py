from django.conf import settings
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.translation_admin import LanguageSwitchAdmin

from .. import services
from ..coverage import missing_fields
from ..machine_translation.admin import MachineTranslationAdminMixin
from ..models import LANGUAGE_CODES, Article, Author, Category, Source, Tag
from ..summaries.admin import SummaryAdminMixin
from .access import TranslatorAccessMixin
from .filters import StatusFilter, TranslationFilter
from .forms import ArticleAdminForm
from .images import FIELDSET as LEAD_IMAGE_FIELDSET
from .images import LeadImageAdminMixin
from .translations import TranslationStateAdminMixin
from .workflow import WorkflowAdminMixin

admin.site.site_header = format_lazy(_("{site} newsroom"), site=settings.BROADSHEET_SITE_NAME)
admin.site.site_title = admin.site.site_header
admin.site.index_title = _("Back office")


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


@admin.register(Category)
class CategoryAdmin(TranslatorAccessMixin, LanguageSwitchAdmin):
    translate_permission = "articles.translate_category"
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name_en", "name_tr"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "feed_url", "language"]
    search_fields = ["name"]


@admin.register(Author)
class AuthorAdmin(TranslatorAccessMixin, LanguageSwitchAdmin):
    translate_permission = "articles.translate_author"
    list_display = ["name", "slug", "user"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_prepopulated_fields(self, request, obj=None):
        # A translator sees name and slug read-only: nothing to fill in.
        return (
            {} if self.translates_only(request) else super().get_prepopulated_fields(request, obj)
        )

    def view_on_site(self, obj):
        return obj.get_absolute_url()


@admin.register(Tag)
class TagAdmin(TranslatorAccessMixin, LanguageSwitchAdmin):
    translate_permission = "articles.translate_tag"
    list_display = ["name", "slug"]
    search_fields = [*(f"name_{code}" for code in LANGUAGE_CODES)]


@admin.register(Article)
class ArticleAdmin(
    MachineTranslationAdminMixin,
    LeadImageAdminMixin,
    SummaryAdminMixin,
    TranslationStateAdminMixin,
    WorkflowAdminMixin,
    TranslatorAccessMixin,
    LanguageSwitchAdmin,
):
    """The newsroom's article screens.

    Publishing rules and actions: ``WorkflowAdminMixin``; translators' limits:
    ``TranslatorAccessMixin``; the rules themselves: ``articles.services``; AI summaries
    (column, filter, action, panel): ``SummaryAdminMixin``; machine-translation drafts
    (request, review, accept): ``MachineTranslationAdminMixin``.
    """

    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    translate_permission = services.TRANSLATE_PERMISSION
    list_display = [
        "headline",
        "workflow_status",
        "featured",
        "category",
        "published_at",
        "coverage",
    ]
    list_filter = [StatusFilter, "category", "source", TranslationFilter]
    list_select_related = ["category", "source"]
    search_fields = [*(f"title_{code}" for code in LANGUAGE_CODES), "public_id"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["category", "source", "authors", "tags"]
    actions = [
        "send_to_review",
        "publish",
        "unpublish",
        "archive",
        "feature",
        "unfeature",
        "mark_translations_current",
    ]
    readonly_fields = [
        "visibility",
        "front_page",
        "public_id",
        "reading_time",
        "created_at",
        "updated_at",
        "last_change",
        "lead_image_preview",
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "standfirst", "body"]}),
        LEAD_IMAGE_FIELDSET,
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "visibility",
                    "front_page",
                    "category",
                    "original_language",
                ]
            },
        ),
        (_("Source"), {"fields": ["source", "original_url", "originally_published_at"]}),
        (_("Authors and tags"), {"fields": ["authors", "tags"]}),
        (_("Comments"), {"fields": ["comments_closed"]}),
        (
            _("Record"),
            {
                "fields": [
                    "public_id",
                    "reading_time",
                    "created_at",
                    "updated_at",
                    "last_change",
                ]
            },
        ),
    ]

    class Media:
        css = {"all": ["admin-extra/articles.css"]}
        js = ["admin-extra/select2_labels.js"]

    def original_language(self, obj):
        """Translators edit every language but this one (see TranslatorAccessMixin)."""
        return obj.original_language

    # Links ---------------------------------------------------------------------------

    def view_on_site(self, obj):
        """Only articles readers can see get a "View on site" link."""
        return obj.get_absolute_url() if obj.is_published else None

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and request.user.has_perm(services.PREVIEW_PERMISSION):
            context["preview_links"] = [
                {"code": code, "name": name, "url": self._preview_url(obj, code)}
                for code, name in settings.LANGUAGES
            ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    @staticmethod
    def _preview_url(obj, language: str) -> str:
        with translation.override(language):
            return reverse("articles:preview", kwargs={"public_id": obj.public_id})

    # Columns and read-only fields ----------------------------------------------------

    @admin.display(description=_("title"), ordering=f"title_{settings.LANGUAGE_CODE}")
    def headline(self, obj):
        return str(obj.local.title)

    @admin.display(description=_("status"), ordering="status")
    def workflow_status(self, obj):
        if obj.is_scheduled:
            key, label = "scheduled", gettext("Scheduled")
        else:
            key, label = obj.status, obj.get_status_display()
        return format_html('<span class="workflow-status workflow-status-{}">{}</span>', key, label)

    @admin.display(description=_("translations"))
    def coverage(self, obj):
        items = []
        for code in LANGUAGE_CODES:
            label = code.upper()
            if code == obj.original_language:
                css, text = "original", gettext("%(code)s original") % {"code": label}
            elif missing := missing_fields(obj, code):
                names = ", ".join(
                    str(Article._meta.get_field(name).verbose_name) for name in missing
                )
                css = "missing"
                text = gettext("%(code)s missing: %(fields)s") % {"code": label, "fields": names}
            elif self.translation_is_stale(obj, code):
                css, text = "stale", gettext("%(code)s out of date") % {"code": label}
            else:
                css, text = "complete", gettext("%(code)s complete") % {"code": label}
            items.append((css, text))
        return format_html(
            '<ul class="coverage">{}</ul>',
            format_html_join("", '<li class="coverage-{}">{}</li>', items),
        )

    @admin.display(description=_("on the site"))
    def visibility(self, obj):
        if obj.is_published:
            return gettext("Visible to readers since %(time)s.") % {"time": _when(obj.published_at)}
        if obj.is_scheduled:
            return gettext("Scheduled: readers will see it from %(time)s.") % {
                "time": _when(obj.published_at)
            }
        return gettext("Not visible to readers.")

    @admin.display(description=_("front page"))
    def front_page(self, obj):
        if obj.featured_at is None:
            return gettext(
                "Not featured. Use “Feature on the front page” in the Action menu to make it "
                "the lead story."
            )
        if not obj.is_published:
            return gettext("Featured, but readers cannot see it, so the latest article leads.")
        return gettext("Featured since %(time)s: the lead story of the front page.") % {
            "time": _when(obj.featured_at)
        }

    @admin.display(description=_("featured"), boolean=True, ordering="featured_at")
    def featured(self, obj):
        return obj.featured_at is not None

    @admin.display(description=_("last changed by"))
    def last_change(self, obj):
        entry = (
            LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(Article), object_id=str(obj.pk)
            )
            .select_related("user")
            .first()
        )
        if entry is None:
            return self.get_empty_value_display()
        name = entry.user.get_full_name() or entry.user.get_username()
        return gettext("%(user)s, %(time)s") % {"user": name, "time": _when(entry.action_time)}
