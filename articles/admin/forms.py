from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from ..models import Article
from ..services import allowed_statuses, publication_problems
from .access import TranslatorAwareForm

Status = Article.Status


class ArticleAdminForm(TranslatorAwareForm):
    """The admin's article form, with the workflow rules of ``articles.services``.

    ``ArticleAdmin.get_form()`` sets ``user`` on the class it builds for each request.
    The status field offers only what the user may choose, and ``clean()`` checks the
    submitted value again, so a hand-made POST gets the same answer as the form.
    """

    user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed_statuses = allowed_statuses(article=self.instance, user=self.user)
        if "status" in self.fields:
            field = self.fields["status"]
            field.choices = [
                (value, label) for value, label in field.choices if value in self.allowed_statuses
            ]

    def _value(self, name: str):
        if name in self.fields:
            return self.cleaned_data.get(name)
        return getattr(self.instance, name)

    def clean(self):
        cleaned_data = super().clean()
        if self.has_error("status"):
            return cleaned_data
        status = self._value("status")
        if status not in self.allowed_statuses:
            self.add_error(
                "status" if "status" in self.fields else None,
                ValidationError(
                    gettext("You do not have permission to set this status."), code="status"
                ),
            )
            return cleaned_data
        # Publishing without a time means now; a future time schedules the article.
        if (
            status == Status.PUBLISHED
            and "published_at" in self.fields
            and cleaned_data.get("published_at") is None
            and not self.has_error("published_at")
        ):
            cleaned_data["published_at"] = timezone.now()
        # The form shows the time to the second: that second, sent back, is the time as
        # stored (a save must not move the article among those published that second).
        stored = self.instance.published_at
        sent = cleaned_data.get("published_at")
        if stored and sent and sent == stored.replace(microsecond=0):
            cleaned_data["published_at"] = stored
        language = self._value("original_language") or self.instance.original_language
        alt = f"lead_image_alt_{language}"
        if (
            self._value("lead_image")
            and alt in self.fields
            and not self.cleaned_data.get(alt)
            and not self.has_error(alt)
        ):
            self.add_error(
                alt,
                ValidationError(
                    gettext("Describe the image for readers who cannot see it (alternative text)."),
                    code="alt_required",
                ),
            )
        for problem in publication_problems(
            title=self._value(f"title_{language}") or "",
            body=self._value(f"body_{language}") or "",
            status=status,
            published_at=self._value("published_at"),
        ):
            self.add_error(None, ValidationError(problem, code="incomplete"))
        return cleaned_data
