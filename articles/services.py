"""Actions on articles that change state; views, admin and commands call these."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Article, TranslationRecord


def translation_mark_current(
    *, article: Article, language: str, user: AbstractBaseUser | None
) -> TranslationRecord:
    """A translator declares the ``language`` translation up to date with the original."""
    if language == article.original_language:
        raise ValidationError(_("The original language has no translation to mark."))
    if not getattr(article, f"title_{language}", ""):
        raise ValidationError(_("There is no translation in this language yet."))
    record, _created = TranslationRecord.objects.update_or_create(
        article=article,
        language=language,
        defaults={
            "source_version": article.source_version,
            "marked_current_at": timezone.now(),
            "marked_current_by": user,
        },
    )
    return record
