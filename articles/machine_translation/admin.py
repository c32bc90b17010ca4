"""The article page's machine-translation panel: request, review, accept, discard.

``ArticleAdmin`` includes ``MachineTranslationAdminMixin`` and gets a "Machine
translation" section on the article page: per target language, a "Draft a translation
with AI" button and the drafts with their model, date, text and problem, each with
"Accept" and "Discard". The buttons sit inside the change form and post elsewhere
(``formaction``), so the page needs no script and no nested form; every press is
POST with the form's CSRF token, then a redirect back with a message.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from articles.models import Article, MachineTranslation

from .services import (
    can_translate,
    machine_translation_accept,
    machine_translation_discard,
    machine_translation_request,
)

Status = MachineTranslation.Status
ANCHOR = "#machine-translation"


def _when(value) -> str:
    return date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else ""


def _language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


class MachineDraftFilter(admin.SimpleListFilter):
    """Articles with machine drafts waiting for review: ``?machine_draft=tr``."""

    title = _("machine drafts")
    parameter_name = "machine_draft"

    def lookups(self, request, model_admin):
        return [
            (code, _("Waiting for review in %(language)s") % {"language": name})
            for code, name in settings.LANGUAGES
        ]

    def queryset(self, request, queryset):
        if self.value() in dict(settings.LANGUAGES):
            return queryset.machine_drafts_waiting(self.value())
        return queryset


class MachineTranslationAdminMixin:
    """Add before ``TabbedTranslationAdmin`` in the bases of the article admin."""

    def get_list_filter(self, request):
        list_filter = list(super().get_list_filter(request))
        if MachineDraftFilter not in list_filter:
            list_filter.append(MachineDraftFilter)
        return list_filter

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            # Shown by the change form template after the fieldsets, inside the form.
            context["machine_translation_panel"] = self.machine_translation_panel(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def machine_translation_panel(self, request, article: Article) -> str:
        may_act = can_translate(request.user) and self.has_change_permission(request, article)
        drafts = list(
            article.machine_translations.exclude(status=Status.DISCARDED)
            .select_related("reviewed_by")
            .order_by("language", "field", "-created_at", "-pk")
        )
        sections = []
        for code, name in settings.LANGUAGES:
            if code == article.original_language:
                continue
            mine = [d for d in drafts if d.language == code]
            sections.append(self._language_section(article, code, str(name), mine, may_act))
        return format_html(
            '<fieldset class="module aligned mt-fieldset" id="{}" aria-labelledby="mt-title">'
            '<h2 id="mt-title" class="fieldset-heading">{}</h2><div class="mt-panel">'
            '<p class="help">{}</p>{}</div></fieldset>',
            ANCHOR[1:],
            gettext("Machine translation"),
            gettext(
                "A machine draft never reaches readers by itself: accept it field by field "
                "after reviewing it. Code, links, headings and tables are checked before a "
                "draft is shown here."
            ),
            format_html_join("", "{}", ((section,) for section in sections)),
        )

    def _language_section(self, article, code, name, drafts, may_act) -> str:
        button = ""
        if may_act:
            button = format_html(
                '<button type="submit" class="button mt-request" formaction="{}" '
                'formmethod="post" formnovalidate name="language" value="{}">{}</button>',
                reverse(
                    f"{self.admin_site.name}:articles_article_machine_translation",
                    args=[article.pk],
                ),
                code,
                gettext("Draft a translation into %(language)s with AI") % {"language": name},
            )
        open_drafts = []
        accepted = {}
        for draft in drafts:
            if draft.status == Status.ACCEPTED:
                accepted.setdefault(draft.field, draft)  # The latest per field.
            else:
                open_drafts.append(draft)
        order = {value: i for i, value in enumerate(MachineTranslation.Field.values)}
        open_drafts.sort(key=lambda d: order[d.field])
        items = [self._draft_item(article, draft, may_act) for draft in open_drafts]
        history = [
            (
                gettext("%(field)s: machine translation accepted by %(reviewer)s on %(time)s.")
                % {
                    "field": draft.get_field_display().capitalize(),
                    "reviewer": self._person(draft.reviewed_by),
                    "time": _when(draft.reviewed_at),
                },
            )
            for field, draft in sorted(accepted.items(), key=lambda item: order[item[0]])
        ]
        return format_html(
            '<section class="mt-language" aria-labelledby="mt-heading-{}">'
            '<h3 id="mt-heading-{}">{}</h3><p>{}</p>{}{}</section>',
            code,
            code,
            name,
            button,
            format_html_join("", "{}", ((item,) for item in items))
            if items
            else format_html('<p class="mt-none">{}</p>', gettext("No machine draft waiting.")),
            format_html(
                '<ul class="mt-history">{}</ul>', format_html_join("", "<li>{}</li>", history)
            )
            if history
            else "",
        )

    @staticmethod
    def _person(user) -> str:
        if user is None:
            return "?"
        return user.get_full_name() or user.get_username()

    def _draft_item(self, article, draft, may_act) -> str:
        field_label = draft.get_field_display().capitalize()
        decide = reverse(
            f"{self.admin_site.name}:articles_article_machine_translation_decide",
            args=[article.pk, draft.pk],
        )
        buttons = []
        if may_act and draft.status == Status.READY:
            buttons.append(
                format_html(
                    '<button type="submit" class="button default mt-accept" formaction="{}" '
                    'formmethod="post" formnovalidate name="decision" value="accept">{}</button>',
                    decide,
                    gettext("Accept the %(field)s") % {"field": draft.get_field_display()},
                )
            )
        # Queued or running ones too: a worker that died must not leave a draft stuck.
        if may_act and draft.status in MachineTranslation.OPEN:
            buttons.append(
                format_html(
                    '<button type="submit" class="button mt-discard" formaction="{}" '
                    'formmethod="post" formnovalidate name="decision" value="discard">{}</button>',
                    decide,
                    gettext("Discard"),
                )
            )
        if draft.status == Status.READY:
            badge = gettext("Machine translation, needs review")
            meta = gettext("%(model)s, %(time)s") % {
                "model": draft.model_name or draft.backend,
                "time": _when(draft.finished_at),
            }
            if draft.field == MachineTranslation.Field.BODY:
                text = format_html(
                    '<pre class="mt-text mt-body" lang="{}">{}</pre>', draft.language, draft.text
                )
            else:
                text = format_html(
                    '<p class="mt-text" lang="{}">{}</p>', draft.language, draft.text
                )
            if draft.source_text:
                # The original it was made from, to compare without leaving the page.
                text = format_html(
                    '{}<details class="mt-source"><summary>{}</summary>'
                    '<pre class="mt-text" lang="{}">{}</pre></details>',
                    text,
                    gettext("Show the original it was made from"),
                    article.original_language,
                    draft.source_text,
                )
            note = ""
            if draft.source_changed(article):
                note = format_html(
                    '<p class="mt-warning">{}</p>',
                    gettext(
                        "The original has changed since this draft was made: compare "
                        "before accepting, or draft it again."
                    ),
                )
        elif draft.status == Status.FAILED:
            badge = gettext("Machine translation failed")
            meta = _when(draft.finished_at)
            text = format_html('<p class="mt-problem">{}</p>', draft.problem_message())
            note = ""
        else:
            badge = draft.get_status_display()
            meta = _when(draft.created_at)
            text = format_html(
                '<p class="mt-waiting">{}</p>',
                gettext("Waiting for the worker; reload the page in a moment."),
            )
            note = ""
        return format_html(
            '<div class="mt-draft mt-draft-{}" data-field="{}">'
            '<p class="mt-head"><strong>{}</strong> <span class="mt-badge">{}</span></p>'
            '<p class="mt-meta">{}</p>{}{}<p class="mt-actions">{}</p></div>',
            draft.status,
            draft.field,
            field_label,
            badge,
            meta,
            note,
            text,
            format_html_join(" ", "{}", ((b,) for b in buttons)),
        )

    # Views ---------------------------------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/machine-translation/",
                self.admin_site.admin_view(require_POST(self.machine_translation_view)),
                name="{}_{}_machine_translation".format(*info),
            ),
            path(
                "<path:object_id>/machine-translation/<int:draft_id>/",
                self.admin_site.admin_view(require_POST(self.machine_translation_decide_view)),
                name="{}_{}_machine_translation_decide".format(*info),
            ),
            *super().get_urls(),
        ]

    def _article_for_translation(self, request, object_id) -> Article:
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404
        if not (self.has_change_permission(request, article) and can_translate(request.user)):
            raise PermissionDenied
        return article

    def _back(self, article):
        url = reverse(f"{self.admin_site.name}:articles_article_change", args=[article.pk])
        return redirect(url + ANCHOR)

    def machine_translation_view(self, request, object_id):
        article = self._article_for_translation(request, object_id)
        language = request.POST.get("language", "")
        try:
            drafts = machine_translation_request(
                article=article, language=language, user=request.user
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return self._back(article)
        self.message_user(
            request,
            ngettext(
                "%(count)d field queued for a machine translation into %(language)s; the "
                "draft appears on this page in a moment, for your review.",
                "%(count)d fields queued for a machine translation into %(language)s; the "
                "drafts appear on this page in a moment, for your review.",
                len(drafts),
            )
            % {"count": len(drafts), "language": _language_name(language)},
            messages.SUCCESS,
        )
        return self._back(article)

    def machine_translation_decide_view(self, request, object_id, draft_id):
        article = self._article_for_translation(request, object_id)
        draft = MachineTranslation.objects.filter(pk=draft_id, article=article).first()
        if draft is None:
            raise Http404
        decision = request.POST.get("decision")
        values = {
            "field": draft.get_field_display(),
            "language": _language_name(draft.language),
        }
        try:
            if decision == "accept":
                machine_translation_accept(draft=draft, user=request.user)
                message = gettext(
                    "The machine translation of the %(field)s in %(language)s was accepted; "
                    "readers see it now."
                )
            elif decision == "discard":
                machine_translation_discard(draft=draft, user=request.user)
                message = gettext(
                    "The machine draft of the %(field)s in %(language)s was discarded."
                )
            else:
                raise ValidationError(gettext("Choose Accept or Discard."))
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, message % values, messages.SUCCESS)
        return self._back(article)
