from django import forms
from django.utils.translation import gettext, ngettext

from . import files, services


def form_label(index: int, numbers: list[int], nplurals: int) -> str:
    """ "Form 2 (n = 2, 3, 4, …)": the numbers this plural form stands for."""
    shown = ", ".join(str(n) for n in numbers[:4]) + (", …" if len(numbers) > 4 else "")
    return gettext("Form %(number)s of %(total)s (n = %(numbers)s)") % {
        "number": index + 1,
        "total": nplurals,
        "numbers": shown or "—",
    }


class TranslationForm(forms.Form):
    """One text area per form of the message (one for a singular message); the checks of
    ``services.problems_of`` refuse a broken one, field by field, keeping the text."""

    def __init__(self, *args, catalogue: files.Catalogue, message: files.Message, initial_forms,
                 **kwargs):  # fmt: skip
        super().__init__(*args, **kwargs)
        self.catalogue, self.message = catalogue, message
        plural_forms = catalogue.plural_forms
        count = plural_forms.nplurals if message.is_plural else 1
        examples = plural_forms.examples()
        for index in range(count):
            label = (
                form_label(index, examples[index], count)
                if message.is_plural
                else gettext("Translation")
            )
            self.fields[f"form_{index}"] = forms.CharField(
                label=label,
                required=False,
                strip=False,  # leading and trailing whitespace is part of the message
                initial=initial_forms[index] if index < len(initial_forms) else "",
                widget=forms.Textarea(
                    attrs={
                        "rows": 3 if len(message.msgid) < 120 else 6,
                        "lang": catalogue.language,
                        "dir": "auto",
                        "spellcheck": "true",
                        "class": "vLargeTextField",
                    }
                ),  # fmt: skip
            )

    def forms_entered(self) -> list[str]:
        return [self.cleaned_data.get(name, "") for name in self.fields]

    def clean(self):
        cleaned = super().clean()
        forms_ = [cleaned.get(name, "") for name in self.fields]
        for index, problems in services.problems_of(
            catalogue=self.catalogue, message=self.message, forms=forms_
        ).items():
            for problem in problems:
                self.add_error(f"form_{index}", problem)
        if self.errors:
            raise forms.ValidationError(
                ngettext(
                    "The translation was not saved: correct the problem below.",
                    "The translation was not saved: correct the problems below.",
                    sum(len(e) for e in self.errors.values()),
                )
            )
        return cleaned
