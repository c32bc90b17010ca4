from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from articles.models import Localized, slug_conflicts, unique_slugs
from articles.rendering import render_markdown
from articles.text import ascii_slug
from core.languages import LANGUAGE_CODES
from core.links import localized_reverse


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Page.Status.PUBLISHED)


class Page(models.Model):
    """A page linked from every page's footer: about, contact, the privacy notice."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=80, blank=True, help_text=_("Filled from the title when empty.")
    )
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown."))
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in the footer.")
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("footer page")
        verbose_name_plural = _("footer pages")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published"]), name="page_status_valid"
            ),
            *unique_slugs("page"),
        ]

    def __str__(self):
        return str(self.local.title)

    def save(self, *args, **kwargs):
        self.fill_slugs()
        super().save(*args, **kwargs)

    def get_absolute_url(self, language: str | None = None) -> str:
        language = language or translation.get_language()
        slug = str(self.local.get("slug", language))
        return localized_reverse("pages:detail", language, slug=slug)

    def fill_slugs(self) -> None:
        """An empty slug is made from that language's title, as articles' are."""
        for code in LANGUAGE_CODES:
            title = getattr(self, f"title_{code}", "")
            if title and not getattr(self, f"slug_{code}", ""):
                setattr(self, f"slug_{code}", ascii_slug(title))

    def clean(self):
        super().clean()
        self.fill_slugs()
        errors = slug_conflicts(
            self, _("“%(slug)s” is already the %(language)s slug of the page “%(other)s”.")
        )
        if errors:
            raise ValidationError(errors)

    @cached_property
    def local(self) -> Localized:
        return Localized(self, settings.LANGUAGE_CODE)

    def body_html(self):
        return render_markdown(self.local.body)
