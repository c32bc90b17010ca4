"""The translators' desk in the admin: every message of the project's catalogues.

``MessageTranslationAdmin`` replaces the change list with the catalogue browser (language,
domain, state, search, pages of 50) and adds one edit page per message; rows are never
added or deleted by hand (saving the edit page writes them).
"""

from urllib.parse import urlencode

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext

from . import desk, files, services
from .forms import TranslationForm
from .models import MessageTranslation

PER_PAGE = 50
DOMAIN_LABELS = dict(MessageTranslation.Domain.choices)


@admin.register(MessageTranslation)
class MessageTranslationAdmin(admin.ModelAdmin):
    list_template = "admin/catalogues/catalogue_list.html"
    edit_template = "admin/catalogues/message_edit.html"

    # Rows come from the edit page only.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<str:language>/<str:domain>/<str:message>/",
                self.admin_site.admin_view(self.edit_view),
                name="{}_{}_edit".format(*info),
            ),
            *super().get_urls(),
        ]

    # The list ----------------------------------------------------------------------

    def _choose(self, request) -> tuple[str, str]:
        codes = [code for code, _name in files.languages()]
        if not codes:
            raise Http404(gettext("No language has a catalogue in this project."))
        language = request.GET.get("language")
        domain = request.GET.get("domain")
        return (
            language if language in codes else codes[0],
            domain if domain in files.DOMAINS else files.DOMAINS[0],
        )

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        language, domain = self._choose(request)
        state = request.GET.get("state", "")
        query = request.GET.get("q", "").strip()
        catalogue = files.read(language, domain)
        everything = desk.entries(catalogue)
        searched = [e for e in everything if desk.matches(e, query)] if query else everything
        counts = desk.counts(searched)
        if state in desk.State.values:
            shown = [e for e in searched if e.state == state]
        else:
            shown = searched
        page = Paginator(shown, PER_PAGE).get_page(request.GET.get("p"))

        def link(**changes) -> str:
            params = {"language": language, "domain": domain, "state": state, "q": query}
            params.update(changes)
            return "?" + urlencode({k: v for k, v in params.items() if v})

        states = [
            {
                "value": "",
                "label": gettext("All"),
                "count": counts["total"],
                "url": link(state="", p=""),
                "current": state not in desk.State.values,
                "help": "",
            }
        ] + [
            {
                "value": value,
                "label": label,
                "count": counts[value],
                "url": link(state=value, p=""),
                "current": state == value,
                "help": desk.STATE_HELP[value],
            }
            for value, label in desk.State.choices
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Interface strings"),
            "subtitle": None,
            "opts": self.opts,
            "language": language,
            "domain": domain,
            "languages": [
                {"code": c, "name": n, "url": link(language=c, p=""), "current": c == language}
                for c, n in files.languages()
            ],
            "domains": [
                {
                    "code": d,
                    "name": DOMAIN_LABELS[d],
                    "url": link(domain=d, p=""),
                    "current": d == domain,
                }
                for d in files.DOMAINS
            ],  # fmt: skip
            "states": states,
            "state": state if state in desk.State.values else "",
            "query": query,
            "page": page,
            "rows": [
                {
                    "entry": entry,
                    "url": self._edit_url(
                        language, domain, entry.message.hash, back=link(p=page.number)
                    ),
                }
                for entry in page.object_list
            ],  # fmt: skip
            "previous_url": link(p=page.previous_page_number()) if page.has_previous() else "",
            "next_url": link(p=page.next_page_number()) if page.has_next() else "",
            "plural_forms": catalogue.plural_forms,
            "can_change": self.has_change_permission(request),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.list_template, context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        row = self.get_object(request, object_id)
        if row is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        return redirect(
            self._edit_url(row.language, row.domain, files.message_hash(row.msgctxt, row.msgid))
        )

    def _edit_url(self, language, domain, message_hash, back="") -> str:
        url = reverse(
            f"{self.admin_site.name}:catalogues_messagetranslation_edit",
            args=[language, domain, message_hash],
        )
        return f"{url}?{urlencode({'back': back})}" if back else url

    def _list_url(self, back: str = "") -> str:
        base = reverse(f"{self.admin_site.name}:catalogues_messagetranslation_changelist")
        return base + back if back.startswith("?") else base

    # The edit page -----------------------------------------------------------------

    def edit_view(self, request, language, domain, message):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if language not in dict(files.languages()) or domain not in files.DOMAINS:
            raise Http404
        catalogue = files.read(language, domain)
        found = catalogue.find(message)
        if found is None:
            raise Http404(gettext("This message is not in the catalogue (any more)."))
        entry = next(e for e in desk.entries(catalogue) if e.message.hash == message)
        back = request.GET.get("back", "")
        can_change = self.has_change_permission(request)
        if request.method == "POST" and not can_change:
            raise PermissionDenied
        form = TranslationForm(
            request.POST if request.method == "POST" else None,
            catalogue=catalogue,
            message=found,
            initial_forms=entry.forms,
        )
        if request.method == "POST" and form.is_valid():
            services.translation_save(
                catalogue=catalogue, message=found, forms=form.forms_entered(), user=request.user
            )
            messages.success(
                request,
                gettext("The translation is saved and live on the site in %(language)s.")
                % {"language": dict(files.languages())[language]},
            )
            if "_next" in request.POST:
                following = self._next_untranslated(catalogue, message)
                if following is not None:
                    return redirect(self._edit_url(language, domain, following, back=back))
                messages.info(request, gettext("No untranslated or fuzzy message is left."))
                return redirect(self._list_url(back))
            return redirect(self._edit_url(language, domain, message, back=back))
        plural_forms = catalogue.plural_forms
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Translate an interface string"),
            "subtitle": None,
            "opts": self.opts,
            "language": language,
            "language_name": dict(files.languages())[language],
            "domain": domain,
            "domain_label": DOMAIN_LABELS[domain],
            "entry": entry,
            "message": found,
            "form": form,
            "can_change": can_change,
            "list_url": self._list_url(back),
            "plural_forms": plural_forms,
            "media": self.media + form.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.edit_template, context)

    @staticmethod
    def _next_untranslated(catalogue, current: str) -> str | None:
        waiting = {desk.State.UNTRANSLATED, desk.State.FUZZY}
        found = desk.entries(catalogue)
        hashes = [e.message.hash for e in found]
        start = hashes.index(current) + 1 if current in hashes else 0
        for entry in found[start:] + found[:start]:
            if entry.state in waiting and entry.message.hash != current:
                return entry.message.hash
        return None
