"""Admin for summaries: a mixin for the article admin, and a read-only status list.

``ArticleAdmin`` includes ``SummaryAdminMixin`` and gets, without further changes:
the "Generate AI summaries" action (with an intermediate page to choose languages),
a "Generate AI summaries" button on the article page, the summary state per language
in the list (one prefetch query for the whole page) with a filter, the summary field
in the language tabs, a provenance panel, and the bookkeeping when an editor edits a
summary or publishes an article.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from articles.models import LANGUAGE_CODES, Article, SummaryState

from .queueing import Decision, EnqueueReport, summaries_enqueue, summaries_enqueue_for_publication
from .services import summary_record_edit

State = SummaryState.State


class SummaryStateFilter(admin.SimpleListFilter):
    title = _("summary")
    parameter_name = "summary"

    def lookups(self, request, model_admin):
        return [
            (State.MISSING, _("Missing in a language")),
            (State.QUEUED, State.QUEUED.label),
            (State.STALE, State.STALE.label),
            (State.FAILED, State.FAILED.label),
        ]

    def queryset(self, request, queryset):
        if self.value() in {State.MISSING, State.QUEUED, State.STALE, State.FAILED}:
            return queryset.filter(SummaryState.objects.article_filter(self.value()))
        return queryset


class GenerateSummariesForm(forms.Form):
    NEEDED = "needed"
    REPLACE_AI = "replace_ai"
    REPLACE_ALL = "replace_all"

    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        initial=LANGUAGE_CODES,
    )
    scope = forms.ChoiceField(
        label=_("Which summaries"),
        choices=[
            (NEEDED, _("Only missing, stale and failed ones")),
            (REPLACE_AI, _("Also replace up-to-date AI summaries")),
            (REPLACE_ALL, _("Replace all, including summaries edited by a person")),
        ],
        initial=NEEDED,
        widget=forms.RadioSelect,
        help_text=_("A summary edited by a person is only replaced if you choose the last option."),
    )


def _states_by_language(article: Article) -> dict[str, SummaryState]:
    # Uses the prefetched rows when the list prefetched them.
    return {state.language: state for state in article.summary_states.all()}


class SummaryAdminMixin:
    """Add before ``LanguageSwitchAdmin`` in the bases of the article admin."""

    summary_action_template = "admin/articles/article/generate_summaries.html"

    # List

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("summary_states", queryset=SummaryState.objects.all()))
        )

    def get_list_display(self, request):
        list_display = list(super().get_list_display(request))
        if "summary_status" not in list_display:
            list_display.append("summary_status")
        return list_display

    def get_list_filter(self, request):
        list_filter = list(super().get_list_filter(request))
        if SummaryStateFilter not in list_filter:
            list_filter.append(SummaryStateFilter)
        return list_filter

    @admin.display(description=_("Summaries"))
    def summary_status(self, article: Article) -> str:
        states = _states_by_language(article)
        badges = []
        for code in LANGUAGE_CODES:
            state = states.get(code)
            value = state.state if state else State.MISSING
            label = state.get_state_display() if state else State.MISSING.label
            if state and state.is_protected:
                label = gettext("%(state)s, edited") % {"state": label}
            title = state.problem_message() if state else ""
            badges.append((value, title, code.upper(), label))
        return format_html_join(
            mark_safe("<br>"),
            '<span class="summary-state summary-state-{}" title="{}">{}: {}</span>',
            badges,
        )

    # Change page

    def get_fieldsets(self, request, obj=None):
        fieldsets = [(name, dict(options)) for name, options in super().get_fieldsets(request, obj)]
        summary_fields = [f"summary_{code}" for code in LANGUAGE_CODES]
        flat = [f for _name, options in fieldsets for f in options.get("fields", [])]
        if not any(f in flat for f in summary_fields) and fieldsets:
            self._insert_summary_fields(fieldsets, summary_fields)
        if obj is not None and "summary_overview" not in flat:
            fieldsets.append((_("AI summaries"), {"fields": ["summary_overview"]}))
        return fieldsets

    @staticmethod
    def _insert_summary_fields(fieldsets, summary_fields):
        """Put the summary after the standfirst, in the same language tabs."""
        for _name, options in fieldsets:
            fields = list(options.get("fields", []))
            after = [i for i, f in enumerate(fields) if str(f).startswith("standfirst_")]
            if after:
                position = after[-1] + 1
                options["fields"] = fields[:position] + summary_fields + fields[position:]
                return
        options = fieldsets[0][1]
        options["fields"] = [*options.get("fields", []), *summary_fields]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if "summary_overview" not in readonly:
            readonly.append("summary_overview")
        return readonly

    @admin.display(description=_("Status per language"))
    def summary_overview(self, article: Article) -> str:
        if article.pk is None:
            return ""
        states = _states_by_language(article)
        rows = []
        for code, name in settings.LANGUAGES:
            state = states.get(code)
            if state is None:
                rows.append((name, State.MISSING.label, "", "", "", ""))
                continue
            if state.origin == SummaryState.Origin.HUMAN:
                who = state.edited_by.get_username() if state.edited_by else ""
                origin = str(SummaryState.Origin.HUMAN.label) + (f" ({who})" if who else "")
                when = state.edited_at
            elif state.origin:
                origin = " · ".join(filter(None, [state.backend, state.model_name]))
                when = state.generated_at
            else:
                origin, when = "", None
            note = state.problem_message()
            if state.is_protected and state.written_from != article.summary_fingerprint():
                note = gettext("The original has changed since this summary was edited.")
            rows.append(
                (
                    name,
                    state.get_state_display(),
                    origin,
                    _format_datetime(when),
                    str(state.attempts),
                    note,
                )
            )
        table = format_html(
            '<table class="summary-overview"><thead><tr><th scope="col">{}</th>'
            '<th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>'
            '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            gettext("Language"),
            gettext("State"),
            gettext("Written by"),
            gettext("When"),
            gettext("Attempts"),
            gettext("Last problem"),
            format_html_join(
                "",
                '<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
                "<td>{}</td></tr>",
                rows,
            ),
        )
        url = reverse(f"{self.admin_site.name}:articles_article_summaries", args=[article.pk])
        return format_html(
            '{}<p><a class="button" href="{}">{}</a></p>',
            table,
            url,
            gettext("Generate AI summaries…"),
        )

    def save_model(self, request, obj, form, change):
        was_published = change and form.initial.get("status") == Article.Status.PUBLISHED
        super().save_model(request, obj, form, change)
        for code in LANGUAGE_CODES:
            name = f"summary_{code}"
            if name in form.changed_data:
                summary_record_edit(
                    article=obj,
                    language=code,
                    text=form.cleaned_data.get(name) or "",
                    editor=request.user,
                )
        if obj.status == Article.Status.PUBLISHED and not was_published:
            report = summaries_enqueue_for_publication(articles=[obj])
            if report and report.queued:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d summary queued for generation.",
                        "%(count)d summaries queued for generation.",
                        report.queued,
                    )
                    % {"count": report.queued},
                    messages.INFO,
                )

    # Generating: the action, its intermediate page and the article page's button

    def has_generate_summaries_permission(self, request) -> bool:
        return request.user.has_perm("articles.change_summarystate")

    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if (
            action_location == admin.ActionLocation.CHANGE_LIST
            and "generate_summaries" not in actions
            and actions is not None
            and self.actions is not None
            and self.has_generate_summaries_permission(request)
        ):
            action = self.get_action("generate_summaries", action_location)
            if action:
                actions[action.name] = action
        return actions

    @admin.action(description=_("Generate AI summaries"), permissions=["generate_summaries"])
    def generate_summaries(self, request, queryset):
        if request.POST.get("post"):
            form = GenerateSummariesForm(request.POST)
            if form.is_valid():
                self._enqueue_and_report(request, list(queryset), form)
                return None
        else:
            form = GenerateSummariesForm()
        return self._render_generate_page(request, queryset, form, single=None)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/summaries/",
                self.admin_site.admin_view(self.generate_summaries_view),
                name="{}_{}_summaries".format(*info),
            ),
            *super().get_urls(),
        ]

    def generate_summaries_view(self, request, object_id):
        article = self.get_object(request, object_id)
        if article is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not (
            self.has_change_permission(request, article)
            and self.has_generate_summaries_permission(request)
        ):
            raise PermissionDenied
        form = GenerateSummariesForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            self._enqueue_and_report(request, [article], form)
            return redirect(
                reverse(f"{self.admin_site.name}:articles_article_change", args=[article.pk])
            )
        queryset = self.get_queryset(request).filter(pk=article.pk)
        return self._render_generate_page(request, queryset, form, single=article)

    def _render_generate_page(self, request, queryset, form, *, single):
        articles = list(queryset)
        rows = []
        for article in articles:
            states = _states_by_language(article)
            labels = [
                (code, states[code].get_state_display() if code in states else State.MISSING.label)
                for code in LANGUAGE_CODES
            ]
            rows.append((article, labels))
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Generate AI summaries"),
            "subtitle": None,
            "opts": self.opts,
            "form": form,
            "rows": rows,
            "single": single,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.summary_action_template, context)

    def _enqueue_and_report(self, request, articles, form) -> EnqueueReport | None:
        scope = form.cleaned_data["scope"]
        try:
            report = summaries_enqueue(
                articles=articles,
                languages=form.cleaned_data["languages"],
                replace_ai=scope != GenerateSummariesForm.NEEDED,
                force=scope == GenerateSummariesForm.REPLACE_ALL,
            )
        except ImproperlyConfigured as error:
            self.message_user(
                request,
                gettext("Summaries cannot be generated: %(error)s") % {"error": error},
                messages.ERROR,
            )
            return None
        counts = report.counts
        if counts[Decision.QUEUE]:
            self.message_user(
                request,
                ngettext(
                    "%(count)d summary queued; it will appear in a moment.",
                    "%(count)d summaries queued; they will appear in a moment.",
                    counts[Decision.QUEUE],
                )
                % {"count": counts[Decision.QUEUE]},
                messages.SUCCESS,
            )
        notes = {
            Decision.PROTECTED: lambda n: ngettext(
                "%(count)d summary edited by a person was left alone.",
                "%(count)d summaries edited by a person were left alone.",
                n,
            ),
            Decision.UP_TO_DATE: lambda n: ngettext(
                "%(count)d summary was already up to date.",
                "%(count)d summaries were already up to date.",
                n,
            ),
            Decision.ALREADY_QUEUED: lambda n: ngettext(
                "%(count)d summary was already queued.",
                "%(count)d summaries were already queued.",
                n,
            ),
        }
        for decision, message in notes.items():
            if counts[decision]:
                self.message_user(
                    request, message(counts[decision]) % {"count": counts[decision]}, messages.INFO
                )
        if counts[Decision.UNSUPPORTED]:
            self.message_user(
                request,
                ngettext(
                    "%(count)d summary cannot be written by the configured backend "
                    "(it only summarises in the article's original language); "
                    "it stays missing.",
                    "%(count)d summaries cannot be written by the configured backend "
                    "(it only summarises in the article's original language); "
                    "they stay missing.",
                    counts[Decision.UNSUPPORTED],
                )
                % {"count": counts[Decision.UNSUPPORTED]},
                messages.WARNING,
            )
        return report


def _format_datetime(value) -> str:
    if value is None:
        return ""
    return date_format(timezone.localtime(value), "DATETIME_FORMAT")


@admin.register(SummaryState)
class SummaryStateAdmin(admin.ModelAdmin):
    """Provenance of every summary, read-only: the machine and the editors write it."""

    list_display = [
        "article",
        "language",
        "state",
        "origin",
        "model_name",
        "generated_at",
        "attempts",
        "problem",
    ]
    list_filter = ["state", "language", "origin", "problem", "backend"]
    list_select_related = ["article"]
    search_fields = ["article__public_id", "article__title_en", "article__title_tr"]
    date_hierarchy = "generated_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
