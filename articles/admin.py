from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from . import services
from .admin_access import TranslatorAccessMixin
from .admin_filters import CoverageFilter, StatusFilter
from .coverage import missing_fields
from .forms import ArticleAdminForm
from .models import LANGUAGE_CODES, Article, Category, Source

admin.site.site_header = format_lazy(_("{site} newsroom"), site=settings.BROADSHEET_SITE_NAME)
admin.site.site_title = admin.site.site_header
admin.site.index_title = _("Back office")

# Workflow actions are offered in the list (bulk) and on each article's page.
BOTH_PLACES = [admin.ActionLocation.CHANGE_LIST, admin.ActionLocation.CHANGE_FORM]


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


@admin.register(Category)
class CategoryAdmin(TranslatorAccessMixin, TabbedTranslationAdmin):
    translate_permission = "articles.translate_category"
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name_en", "name_tr"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "url"]
    search_fields = ["name"]


@admin.register(Article)
class ArticleAdmin(TranslatorAccessMixin, TabbedTranslationAdmin):
    form = ArticleAdminForm
    translate_permission = services.TRANSLATE_PERMISSION
    list_display = ["headline", "workflow_status", "category", "published_at", "coverage"]
    list_filter = [StatusFilter, "category", "source", CoverageFilter]
    list_select_related = ["category", "source"]
    search_fields = [*(f"title_{code}" for code in LANGUAGE_CODES), "public_id"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["category", "source"]
    actions = ["send_to_review", "publish", "unpublish", "archive"]
    readonly_fields = [
        "visibility",
        "public_id",
        "reading_time",
        "created_at",
        "updated_at",
        "last_change",
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "standfirst", "body"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "visibility",
                    "category",
                    "original_language",
                ]
            },
        ),
        (_("Source"), {"fields": ["source", "original_url"]}),
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
        js = ["admin-extra/translation_tabs.js"]

    # Permissions ---------------------------------------------------------------------

    def original_language(self, obj):
        return obj.original_language

    def has_publish_permission(self, request):
        return services.can_publish(request.user)

    def has_edit_permission(self, request):
        """Full editing rights; translators have change access to their languages only."""
        return services.can_edit(request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not services.can_publish(request.user):
            # Setting a publication time is scheduling; leaving draft/review is publishing.
            readonly.append("published_at")
            if obj is not None and obj.status not in (Article.Status.DRAFT, Article.Status.REVIEW):
                readonly.append("status")
        return list(dict.fromkeys(readonly))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        return form

    # Links ---------------------------------------------------------------------------

    def view_on_site(self, obj):
        """Only articles readers can see get a "View on site" link."""
        return obj.get_absolute_url() if obj.is_published else None

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
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

    # Actions -------------------------------------------------------------------------

    def _run(self, request, queryset, service, done_message) -> None:
        done = 0
        for article in queryset:
            try:
                service(article=article, user=request.user)
            except (ValidationError, PermissionDenied) as error:
                reason = " ".join(getattr(error, "messages", [str(error)]))
                self.message_user(
                    request,
                    gettext("“%(article)s” was not changed: %(reason)s")
                    % {"article": article, "reason": reason},
                    messages.WARNING,
                )
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done) % {"count": done}, messages.SUCCESS)

    def _require(self, request, permission_check) -> None:
        # get_actions() already hides the action; this stops a hand-made POST as well.
        if not permission_check(request):
            raise PermissionDenied

    @admin.action(
        permissions=["edit"],
        description=_("Send to review"),
        description_plural=_("Send selected articles to review"),
        location=BOTH_PLACES,
    )
    def send_to_review(self, request, queryset):
        self._require(request, self.has_edit_permission)
        self._run(
            request,
            queryset,
            services.article_send_to_review,
            lambda n: ngettext(
                "%(count)d article sent to review.", "%(count)d articles sent to review.", n
            ),
        )

    @admin.action(
        permissions=["publish"],
        description=_("Publish now"),
        description_plural=_("Publish selected articles now"),
        location=BOTH_PLACES,
    )
    def publish(self, request, queryset):
        self._require(request, self.has_publish_permission)
        self._run(
            request,
            queryset,
            services.article_publish,
            lambda n: ngettext("%(count)d article published.", "%(count)d articles published.", n),
        )

    @admin.action(
        permissions=["publish"],
        description=_("Unpublish"),
        description_plural=_("Unpublish selected articles"),
        location=BOTH_PLACES,
    )
    def unpublish(self, request, queryset):
        self._require(request, self.has_publish_permission)
        self._run(
            request,
            queryset,
            services.article_unpublish,
            lambda n: ngettext(
                "%(count)d article unpublished.", "%(count)d articles unpublished.", n
            ),
        )

    @admin.action(
        permissions=["publish"],
        description=_("Archive"),
        description_plural=_("Archive selected articles"),
        location=BOTH_PLACES,
    )
    def archive(self, request, queryset):
        self._require(request, self.has_publish_permission)
        self._run(
            request,
            queryset,
            services.article_archive,
            lambda n: ngettext("%(count)d article archived.", "%(count)d articles archived.", n),
        )
