"""The editorial workflow: draft → in review → published (now or scheduled) → archived.

Every function checks the acting user's permissions, validates the article, saves it and
records the action in the admin history (``LogEntry``), so the admin's actions, its form
and any future caller follow the same rules.
"""

from datetime import datetime

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from pagecache import invalidation

from .models import Article, TranslationRecord
from .summaries.queueing import summaries_enqueue_for_publication

Status = Article.Status

CHANGE_PERMISSION = "articles.change_article"
PUBLISH_PERMISSION = "articles.publish_article"
TRANSLATE_PERMISSION = "articles.translate_article"
# Reading an article before readers can (drafts, embargoes): more than "view".
PREVIEW_PERMISSION = "articles.preview_article"

# Django translates each "field" of a JSON change message when it shows the history, so
# these phrases appear as "Changed status (published) and publication time." in the
# reader's language.
HISTORY_SENT_TO_REVIEW = gettext_noop("status (sent to review)")
HISTORY_PUBLISHED = gettext_noop("status (published)")
HISTORY_SCHEDULED = gettext_noop("status (scheduled)")
HISTORY_UNPUBLISHED = gettext_noop("status (unpublished)")
HISTORY_ARCHIVED = gettext_noop("status (archived)")
HISTORY_PUBLICATION_TIME = gettext_noop("publication time")
HISTORY_FEATURED = gettext_noop("featured on the front page")
HISTORY_UNFEATURED = gettext_noop("no longer featured")


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def can_edit(user) -> bool:
    """Full editing rights on an article's content (as opposed to translating it)."""
    return user.has_perm(CHANGE_PERMISSION)


def allowed_statuses(*, article: Article, user) -> list[str]:
    """The statuses ``user`` may give ``article`` by editing it, its current one included.

    Publishers may set any status. Other editors move articles between draft and review,
    and cannot touch the status of a published or archived article. Translators and
    readers of the admin keep the status as it is.
    """
    current = article.status
    if can_publish(user):
        return list(Status.values)
    if can_edit(user) and current in (Status.DRAFT, Status.REVIEW):
        return [Status.DRAFT, Status.REVIEW]
    return [current]


def publication_problems(
    *, title: str, body: str, status: str, published_at: datetime | None
) -> list[str]:
    """Why an article with these values cannot be published (empty when it can)."""
    problems = []
    if status != Status.PUBLISHED:
        return problems
    if not title.strip():
        problems.append(gettext("A published article needs a title in its original language."))
    if not body.strip():
        problems.append(gettext("A published article needs a body in its original language."))
    if published_at is not None and timezone.is_naive(published_at):
        problems.append(gettext("The publication time needs a time zone."))
    return problems


def _require(user, permission: str) -> None:
    if not user.has_perm(permission):
        raise PermissionDenied(gettext("You do not have permission to do this."))


def _save_and_log(*, article: Article, user, fields: list[str], history: list[str]) -> Article:
    article.save(update_fields=[*fields, "updated_at"])
    # Featuring moves it on the front page only; a status or time, in and out of lists.
    invalidation.article_changed(article.pk, reading_on=Article.fields_move_reading_on(fields))
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[article],
        action_flag=CHANGE,
        change_message=[{"changed": {"fields": history}}],
        single_object=True,
    )
    return article


@transaction.atomic
def article_send_to_review(*, article: Article, user) -> Article:
    _require(user, CHANGE_PERMISSION)
    if article.status != Status.DRAFT:
        raise ValidationError(gettext("Only drafts can be sent to review."), code="not_draft")
    article.status = Status.REVIEW
    return _save_and_log(
        article=article, user=user, fields=["status"], history=[HISTORY_SENT_TO_REVIEW]
    )


@transaction.atomic
def article_publish(*, article: Article, user, at: datetime | None = None) -> Article:
    """Publish now, or schedule when ``at`` lies in the future.

    A scheduled article is an ordinary published one with a future publication time:
    ``Article.objects.published()`` starts showing it when that time comes.
    """
    _require(user, PUBLISH_PERMISSION)
    if article.is_published:
        raise ValidationError(
            gettext("This article is already published."), code="already_published"
        )
    published_at = at or timezone.now()
    problems = publication_problems(
        title=article.original_text("title"),
        body=article.original_text("body"),
        status=Status.PUBLISHED,
        published_at=published_at,
    )
    if problems:
        raise ValidationError(problems, code="incomplete")
    article.status = Status.PUBLISHED
    article.published_at = published_at
    history = HISTORY_SCHEDULED if article.is_scheduled else HISTORY_PUBLISHED
    _save_and_log(
        article=article,
        user=user,
        fields=["status", "published_at"],
        history=[history, HISTORY_PUBLICATION_TIME],
    )
    # Queues the missing summaries (BROADSHEET_SUMMARIES_ON_PUBLISH); never calls a model.
    summaries_enqueue_for_publication(articles=[article])
    return article


@transaction.atomic
def article_unpublish(*, article: Article, user) -> Article:
    """Take a published or scheduled article off the site; it becomes a draft again."""
    _require(user, PUBLISH_PERMISSION)
    if article.status != Status.PUBLISHED:
        raise ValidationError(
            gettext("Only published or scheduled articles can be unpublished."),
            code="not_published",
        )
    article.status = Status.DRAFT
    article.published_at = None
    article.featured_at = None
    return _save_and_log(
        article=article,
        user=user,
        fields=["status", "published_at", "featured_at"],
        history=[HISTORY_UNPUBLISHED, HISTORY_PUBLICATION_TIME],
    )


@transaction.atomic
def article_archive(*, article: Article, user) -> Article:
    """Take an article off the site for good, keeping it and its publication time."""
    _require(user, PUBLISH_PERMISSION)
    if article.status == Status.ARCHIVED:
        raise ValidationError(gettext("This article is already archived."), code="archived")
    article.status = Status.ARCHIVED
    article.featured_at = None
    return _save_and_log(
        article=article, user=user, fields=["status", "featured_at"], history=[HISTORY_ARCHIVED]
    )


@transaction.atomic
def article_feature(*, article: Article, user) -> Article:
    """Make ``article`` the front page's lead story, in place of the one featured before."""
    _require(user, PUBLISH_PERMISSION)
    if not article.is_published:
        raise ValidationError(
            gettext("Only a published article can lead the front page."), code="not_published"
        )
    previous = Article.objects.filter(featured_at__isnull=False).exclude(pk=article.pk)
    for other in previous:
        other.featured_at = None
        _save_and_log(
            article=other, user=user, fields=["featured_at"], history=[HISTORY_UNFEATURED]
        )
    article.featured_at = timezone.now()
    return _save_and_log(
        article=article, user=user, fields=["featured_at"], history=[HISTORY_FEATURED]
    )


@transaction.atomic
def article_unfeature(*, article: Article, user) -> Article:
    """Stop featuring ``article``: the latest published article leads again."""
    _require(user, PUBLISH_PERMISSION)
    if article.featured_at is None:
        raise ValidationError(
            gettext("This article is not featured on the front page."), code="not_featured"
        )
    article.featured_at = None
    return _save_and_log(
        article=article, user=user, fields=["featured_at"], history=[HISTORY_UNFEATURED]
    )


def translation_mark_current(
    *, article: Article, language: str, user: AbstractBaseUser | None
) -> TranslationRecord:
    """A translator declares the ``language`` translation up to date with the original."""
    if language == article.original_language:
        raise ValidationError(gettext("The original language has no translation to mark."))
    if not getattr(article, f"title_{language}", ""):
        raise ValidationError(gettext("There is no translation in this language yet."))
    record, _created = TranslationRecord.objects.update_or_create(
        article=article,
        language=language,
        defaults={
            "original_version": article.original_version,
            "marked_current_at": timezone.now(),
            "marked_current_by": user,
            # What the translator now vouches for: the next diff starts from here.
            **TranslationRecord.snapshot_of(article),
        },
    )
    return record
