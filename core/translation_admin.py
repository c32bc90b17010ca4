"""One language switch for a whole translated admin form.

modeltranslation's tabbed admin gives every translated field its own strip of language
tabs, so one click switches one field and leaves the form in two languages. This admin
shows one tab list above the translated fields instead; its script
(``admin-extra/language_switch.js``) shows the fields of one language at a time. Each tab
says how complete that language is (``language_states``), computed here on the server.
Without JavaScript every field stays visible with its language in its label.
"""

from django.conf import settings
from django.utils.translation import gettext, pgettext
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from .languages import LANGUAGE_CODES

ORIGINAL, FILLED, MISSING, OUT_OF_DATE = "original", "filled", "missing", "stale"


def language_state(
    code: str,
    name: str,
    *,
    original: bool = False,
    missing: dict[str, str] | None = None,
    out_of_date: bool = False,
    notes: list[str] = (),
) -> dict:
    """What a language tab shows: a state key, its sentence, and extra notes.

    ``missing`` maps the form's empty fields (``body_tr``) to their labels ("body"). The
    script keeps the sentence true while they are filled in: it gets the sentence pattern
    and what the tab says once none is missing (``when_filled``), both translated here.
    """
    missing = missing or {}
    template = pgettext("language tab", "missing: %(fields)s")
    if out_of_date:
        when_filled = pgettext("language tab", "out of date")
    else:
        when_filled = pgettext("language tab", "filled, not saved yet")
    if original:
        state, label = ORIGINAL, pgettext("language tab", "original")
    elif missing:
        state, label = MISSING, template % {"fields": ", ".join(missing.values())}
    elif out_of_date:
        state, label = OUT_OF_DATE, when_filled
    else:
        state, label = FILLED, pgettext("language tab", "filled")
    return {
        "code": code,
        "name": str(name),
        "state": state,
        "label": label,
        "notes": list(notes),
        "missing": [{"name": field, "label": text} for field, text in missing.items()],
        "missing_template": template,
        "when_filled": when_filled,
        "when_filled_state": OUT_OF_DATE if out_of_date else FILLED,
    }


class LanguageSwitchAdmin(TranslationAdmin):
    """A modeltranslation admin whose form switches language as a whole."""

    change_form_template = "admin/language_switch_change_form.html"

    class Media:
        # Not modeltranslation's tabs (and no jQuery UI): the switch replaces them.
        js = ["admin-extra/language_switch.js"]
        css = {"all": ["admin-extra/language_switch.css"]}

    def original_language(self, obj) -> str:
        return settings.LANGUAGE_CODE

    def language_states(self, request, obj) -> list[dict]:
        """One state per language. Here: which translated fields are empty although the
        original language has them; models that know more (articles) say more."""
        if obj is None:
            # Nothing is written yet: the tabs carry the language names only.
            return [
                {"code": code, "name": str(name), "state": "", "label": "", "notes": []}
                for code, name in settings.LANGUAGES
            ]
        original = self.original_language(obj)
        states = []
        for code, name in settings.LANGUAGES:
            missing = {
                build_localized_fieldname(field, code): str(self.opts.get_field(field).verbose_name)
                for field in self.trans_opts.all_fields
                if code != original
                and getattr(obj, build_localized_fieldname(field, original), None)
                and not getattr(obj, build_localized_fieldname(field, code), None)
                and not field.startswith("slug")
            }
            states.append(language_state(code, name, original=code == original, missing=missing))
        return states

    def form_language_fields(self) -> dict[str, list[str]]:
        """The form's field names per language (``title_tr``), for the switch to show."""
        return {
            code: [build_localized_fieldname(field, code) for field in self.trans_opts.all_fields]
            for code in LANGUAGE_CODES
        }

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["form_languages"] = {
            "languages": self.language_states(request, obj),
            "fields": self.form_language_fields(),
            "label": gettext("Language of the translated fields"),
        }
        return super().render_change_form(request, context, add, change, form_url, obj)
