"""Translations saved on the translators' desk.

The .po files shipped with the code are the base; each row overrides one message of one
catalogue (language and domain) on every server, until ``manage.py catalogues_write``
has written it into the repository's files (``written_at``), and after (a release
ships the file that says the same).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class MessageTranslationQuerySet(models.QuerySet):
    def not_written(self):
        """Edited on the desk and not yet written into the repository's .po files."""
        return self.filter(Q(written_at__isnull=True) | Q(written_at__lt=F("updated_at")))


class MessageTranslation(models.Model):
    class Domain(models.TextChoices):
        DJANGO = "django", _("Pages and e-mails (django)")
        DJANGOJS = "djangojs", _("Scripts (djangojs)")

    language = models.CharField(_("language"), max_length=15)
    domain = models.CharField(_("domain"), max_length=10, choices=Domain)
    msgctxt = models.CharField(_("context"), max_length=200, blank=True, default="")
    msgid = models.TextField(_("original"))
    msgid_plural = models.TextField(_("original plural"), blank=True, default="")
    msgstr = models.TextField(_("translation"), blank=True, default="")
    msgstr_plural = models.JSONField(_("plural forms"), default=list, blank=True)
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"))
    written_at = models.DateTimeField(_("written to the files"), null=True, blank=True)

    objects = MessageTranslationQuerySet.as_manager()

    class Meta:
        verbose_name = _("interface string")
        verbose_name_plural = _("interface strings")
        ordering = ["language", "domain", "msgctxt", "msgid"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "domain", "msgctxt", "msgid"],
                name="catalogues_one_translation_per_message",
            )
        ]

    def __str__(self):
        return f"{self.language}/{self.domain}: {self.msgid[:60]}"

    @property
    def is_plural(self) -> bool:
        return bool(self.msgid_plural)

    @property
    def forms(self) -> list[str]:
        return list(self.msgstr_plural) if self.is_plural else [self.msgstr]

    @property
    def is_written(self) -> bool:
        return self.written_at is not None and self.written_at >= self.updated_at
