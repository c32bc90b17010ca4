"""The republishing desk in the admin: imports by address, feed checks and the entries
they found (with "Import selected"), and "Check for new articles" on sources."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from articles.models import Category, Source

from . import fetching, services
from .models import FeedCheck, FeedEntry, ImportRequest
from .problems import problem_message


def article_link(article) -> str:
    if article is None:
        return "—"
    url = reverse("admin:articles_article_change", args=[article.pk])
    return format_html('<a href="{}">{}</a>', url, article)


class ImportForm(forms.ModelForm):
    class Meta:
        model = ImportRequest
        fields = ["url", "source", "category"]

    def clean_url(self):
        url = self.cleaned_data["url"]
        try:
            fetching.check_url(url)
        except fetching.FetchError as error:
            message = problem_message(error.code, error.detail)
            raise ValidationError(message, code=error.code) from error
        return url


def short_address(url: str, length: int = 60) -> str:
    """An address as a link whose text leaves out the scheme and shortens the rest."""
    text = url.split("://", 1)[-1]
    if len(text) > length:
        text = text[: length - 1] + "…"
    return format_html('<a href="{}" rel="noopener noreferrer">{}</a>', url, text)


@admin.register(ImportRequest)
class ImportRequestAdmin(admin.ModelAdmin):
    list_display = ["address", "status", "problem_text", "draft", "requested_by", "created_at"]
    list_display_links = None
    list_filter = ["status", "source"]
    list_select_related = ["article", "requested_by"]
    search_fields = ["url"]
    form = ImportForm

    class Media:
        css = {"all": ["admin-extra/republishing.css"]}

    @admin.display(description=_("address"), ordering="url")
    def address(self, obj):
        return short_address(obj.url)

    def get_readonly_fields(self, request, obj=None):
        return ["problem_text", "draft"] if obj is not None else []

    @admin.display(description=_("problem"))
    def problem_text(self, obj):
        return obj.problem or "—"

    @admin.display(description=_("draft"))
    def draft(self, obj):
        return article_link(obj.article)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("url", request.GET.get("url", ""))
        return initial

    def save_model(self, request, obj, form, change):
        try:
            created = services.import_request_submit(
                url=obj.url, source=obj.source, category=obj.category, user=request.user
            )
        except services.AlreadyImported as already:
            request.republishing_existing = already.article  # per request, not per admin
            return
        obj.pk = created.pk
        obj.refresh_from_db()

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "title": gettext("Import an article from its address"),
            "show_save_and_add_another": False,
            "show_save_and_continue": False,
        }
        return super().add_view(request, form_url, extra_context)

    def log_addition(self, request, obj, message):
        return None  # the import logs on the article it makes ("Imported from …")

    def response_add(self, request, obj, post_url_continue=None):
        existing = getattr(request, "republishing_existing", None)
        if existing is not None:
            self.message_user(
                request,
                gettext("This address was imported already: here is the article, “%s”.") % existing,
                messages.WARNING,
            )
            return HttpResponseRedirect(
                reverse("admin:articles_article_change", args=[existing.pk])
            )
        self.message_user(
            request,
            gettext(
                "The import of %s is queued. The list below shows how it goes; its draft "
                "is linked there once it is made."
            )
            % obj.url,
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:republishing_importrequest_changelist"))


@admin.register(FeedCheck)
class FeedCheckAdmin(admin.ModelAdmin):
    list_display = ["source", "status", "new_entries", "problem_text", "created_at", "finished_at"]

    class Media:
        css = {"all": ["admin-extra/republishing.css"]}

    list_filter = ["status", "source"]
    list_select_related = ["source"]

    @admin.display(description=_("problem"))
    def problem_text(self, obj):
        return obj.problem or "—"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ImportedFilter(admin.SimpleListFilter):
    title = _("import status")
    parameter_name = "imported"

    def lookups(self, request, model_admin):
        return [("no", _("Not yet imported")), ("yes", _("Imported")), ("all", _("All"))]

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": (self.value() or "no") == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or "no"
        if value == "no":
            return queryset.not_imported()
        if value == "yes":
            return queryset.filter(article__isnull=False)
        return queryset


class ImportActionForm(ActionForm):
    category = forms.ModelChoiceField(
        Category.objects.all(), required=False, label=_("Category for the drafts")
    )


@admin.register(FeedEntry)
class FeedEntryAdmin(admin.ModelAdmin):
    list_display = ["entry", "source", "published_at", "seen_at", "imported"]
    list_display_links = None
    list_filter = [ImportedFilter, "source"]
    list_select_related = ["source", "article"]
    search_fields = ["title", "url"]
    action_form = ImportActionForm

    class Media:
        css = {"all": ["admin-extra/republishing.css"]}

    actions = ["import_selected"]

    @admin.display(description=_("title"), ordering="title")
    def entry(self, obj):
        return format_html('<a href="{}" rel="noopener noreferrer">{}</a>', obj.url, obj.title)

    @admin.display(description=_("imported article"))
    def imported(self, obj):
        return article_link(obj.article)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_import_permission(self, request):
        return request.user.has_perm(services.IMPORT_PERMISSION)

    @admin.action(description=_("Import selected"), permissions=["import"])
    def import_selected(self, request, queryset):
        category = None
        if request.POST.get("category"):
            category = Category.objects.filter(pk=request.POST["category"]).first()
        if category is None:
            self.message_user(
                request, gettext("Choose a category for the drafts first."), messages.ERROR
            )
            return None
        try:
            queued, existing = services.feed_entries_import(
                entries=queryset.select_related("source"), category=category, user=request.user
            )
        except (PermissionDenied, ValidationError) as error:
            self.message_user(request, " ".join(getattr(error, "messages", [str(error)])),
                              messages.ERROR)  # fmt: skip
            return None
        if queued:
            self.message_user(
                request,
                ngettext(
                    "%(count)d import queued; follow it under Imports.",
                    "%(count)d imports queued; follow them under Imports.",
                    queued,
                )
                % {"count": queued},
                messages.SUCCESS,
            )
        for article in existing:
            self.message_user(
                request,
                gettext("Imported already: “%s”.") % article,
                messages.WARNING,
            )
        return HttpResponseRedirect(reverse("admin:republishing_importrequest_changelist"))


# "Check for new articles" on the sources' list: the Source admin is the articles app's,
# which knows nothing of republishing, so the action is added to it here.
BaseSourceAdmin = type(admin.site.get_model_admin(Source))


class SourceAdmin(BaseSourceAdmin):
    actions = [*(BaseSourceAdmin.actions or []), "check_for_new_articles"]

    def has_check_permission(self, request):
        return request.user.has_perm(services.CHECK_PERMISSION)

    @admin.action(description=_("Check for new articles"), permissions=["check"])
    def check_for_new_articles(self, request, queryset):
        with_feed = [source for source in queryset if source.feed_url]
        for source in with_feed:
            services.feed_check_submit(source=source, user=request.user)
        if with_feed:
            self.message_user(
                request,
                ngettext(
                    "Checking %(count)d feed in the background; new articles will be "
                    "listed under Feed entries.",
                    "Checking %(count)d feeds in the background; new articles will be "
                    "listed under Feed entries.",
                    len(with_feed),
                )
                % {"count": len(with_feed)},
                messages.SUCCESS,
            )
        without = [source.name for source in queryset if not source.feed_url]
        if without:
            self.message_user(
                request,
                gettext("No feed address: %s.") % ", ".join(without),
                messages.WARNING,
            )


admin.site.unregister(Source)
admin.site.register(Source, SourceAdmin)
