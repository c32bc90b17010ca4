"""Translators in the admin: other languages only, enforced on the server.

A user with a model's ``change`` permission edits everything as usual. A user who holds
only the model's ``translate`` permission may change the translated fields in languages
other than the object's original one. Every other field is read-only for them: Django
leaves read-only fields out of the form, so a crafted POST cannot change them, and the
form checks once more what changed before anything is saved.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.core.exceptions import ValidationError
from django.utils.text import get_text_list
from django.utils.translation import gettext

from ..models import LANGUAGE_CODES


class TranslatorAwareForm(forms.ModelForm):
    # Set by TranslatorAccessMixin.get_form() on the form class built for each request.
    translates_only = False
    translatable_fields: frozenset[str] = frozenset()

    def clean(self):
        cleaned_data = super().clean()
        if self.translates_only:
            forbidden = [
                str(self.fields[name].label or name)
                for name in self.changed_data
                if name not in self.translatable_fields
            ]
            if forbidden:
                raise ValidationError(
                    gettext("As a translator you cannot change %(fields)s.")
                    % {"fields": get_text_list(forbidden, gettext("and"))},
                    code="translator_forbidden",
                )
        return cleaned_data


class TranslatorAccessMixin:
    """Mix into a modeltranslation ``TranslationAdmin`` before it."""

    form = TranslatorAwareForm
    translate_permission = ""  # "app_label.codename"

    def original_language(self, obj) -> str:
        return settings.LANGUAGE_CODE

    def translates_only(self, request) -> bool:
        codename = get_permission_codename("change", self.opts)
        user = request.user
        return not user.has_perm(f"{self.opts.app_label}.{codename}") and user.has_perm(
            self.translate_permission
        )

    def translatable_fields(self, obj) -> list[str]:
        if obj is None:
            return []
        original = self.original_language(obj)
        return [
            f"{name}_{code}"
            for name in self.trans_opts.all_fields
            for code in LANGUAGE_CODES
            if code != original
        ]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) or self.translates_only(request)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self.translates_only(request):
            allowed = set(self.translatable_fields(obj))
            readonly += [
                field.name
                # Many-to-many fields (authors, tags) are not translations either.
                for field in [*self.opts.concrete_fields, *self.opts.many_to_many]
                if field.editable
                and not field.primary_key
                # The untranslated column is never in the form; its per-language
                # columns (title_en, title_tr) are, and are checked one by one.
                and field.name not in self.trans_opts.all_fields
                and field.name not in allowed
                and field.name not in readonly
            ]
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.translates_only = self.translates_only(request)
        form.translatable_fields = frozenset(self.translatable_fields(obj))
        return form

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if self.translates_only(request):
            # Editable list columns (a category's position) are not translations.
            changelist.list_editable = ()
        return changelist
