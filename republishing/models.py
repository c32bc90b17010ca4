from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Category, Source

from .problems import problem_message


class Status(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Job(models.Model):
    """What the worker was asked to do, and how it went (shown to editors)."""

    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    problem_code = models.CharField(_("problem"), max_length=40, blank=True, editable=False)
    problem_detail = models.CharField(_("problem detail"), max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    @property
    def problem(self) -> str:
        return problem_message(self.problem_code, self.problem_detail) if self.problem_code else ""

    def mark_running(self) -> None:
        self.status = Status.RUNNING
        self.save(update_fields=["status"])

    def mark_done(self, **fields) -> None:
        for name, value in fields.items():
            setattr(self, name, value)
        self.status, self.finished_at = Status.DONE, timezone.now()
        self.problem_code = self.problem_detail = ""
        self.save()

    def mark_failed(self, code: str, detail: str = "", **fields) -> None:
        for name, value in fields.items():
            setattr(self, name, value)
        self.status, self.finished_at = Status.FAILED, timezone.now()
        self.problem_code, self.problem_detail = code, detail[:300]
        self.save()


class FeedCheck(Job):
    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="feed_checks", verbose_name=_("source")
    )
    new_entries = models.PositiveIntegerField(_("new entries"), default=0)

    class Meta(Job.Meta):
        verbose_name = _("feed check")
        verbose_name_plural = _("feed checks")

    def __str__(self):
        return f"{self.source} · {self.created_at:%Y-%m-%d %H:%M}"


class FeedEntryQuerySet(models.QuerySet):
    def not_imported(self):
        return self.filter(article__isnull=True)


class FeedEntry(models.Model):
    """An article a source's feed lists, found by a feed check."""

    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="feed_entries", verbose_name=_("source")
    )
    url = models.URLField(_("address"), max_length=2000, unique=True)
    title = models.CharField(_("title"), max_length=300)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    seen_at = models.DateTimeField(_("found"), auto_now_add=True)
    article = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported article"),
    )

    objects = FeedEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("feed entry")
        verbose_name_plural = _("feed entries")
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return self.title


class ImportRequest(Job):
    url = models.URLField(
        _("address"), max_length=2000, help_text=_("The address of the article to republish.")
    )
    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="import_requests", verbose_name=_("source")
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="+", verbose_name=_("category")
    )
    feed_entry = models.ForeignKey(
        FeedEntry, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("draft"),
    )

    class Meta(Job.Meta):
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return self.url
