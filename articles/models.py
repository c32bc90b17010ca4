import hashlib

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from . import public_ids
from .rendering import reading_minutes, render_markdown
from .text import LocalizedText, ascii_slug

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def missing_text(field: str) -> Q:
    """Matches rows where a (translated) text field is empty or was never filled."""
    return Q(**{f"{field}__isnull": True}) | Q(**{field: ""})


class Localized:
    """``article.local.title``: the field in the active language, else the original's."""

    def __init__(self, instance, original_language: str):
        self._instance = instance
        self._original = original_language

    def __getattr__(self, field: str) -> LocalizedText:
        language = translation.get_language() or settings.LANGUAGE_CODE
        for lang in dict.fromkeys([language, self._original, *LANGUAGE_CODES]):
            value = getattr(self._instance, f"{field}_{lang}", None)
            if value:
                return LocalizedText(value, lang)
        return LocalizedText("", language)


class Category(models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in the menu.")
    )

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "pk"]
        permissions = [
            ("translate_category", _("Can translate categories into other languages")),
        ]

    def __str__(self):
        return str(self.local.name)

    def get_absolute_url(self, language: str | None = None) -> str:
        with translation.override(language or translation.get_language()):
            return reverse("articles:category", kwargs={"slug": self.local.slug})

    @cached_property
    def local(self) -> Localized:
        return Localized(self, settings.LANGUAGE_CODE)


class Source(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    url = models.URLField(_("home page"), blank=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["name"]

    def __str__(self):
        return self.name


class IssuedPublicId(models.Model):
    """Every public ID ever handed out, so that none is reused after a deletion."""

    code = models.CharField(max_length=public_ids.LENGTH, primary_key=True)
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("issued public ID")
        verbose_name_plural = _("issued public IDs")

    def __str__(self):
        return self.code

    @classmethod
    def issue(cls) -> str:
        for _attempt in range(20):
            code = public_ids.random_public_id()
            try:
                with transaction.atomic():
                    cls.objects.create(code=code)
            except IntegrityError:
                continue
            return code
        raise RuntimeError("Could not find a free public ID after 20 attempts.")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Visible to readers: published, and the publication time has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_listing(self):
        return self.select_related("category", "source")


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=80, blank=True, help_text=_("Filled from the title when empty.")
    )
    standfirst = models.TextField(
        _("standfirst"), blank=True, help_text=_("One or two sentences under the title.")
    )
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown."))
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="articles", verbose_name=_("category")
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("source"),
        help_text=_("Leave empty for the newsroom's own reporting."),
    )
    original_url = models.URLField(
        _("original URL"),
        blank=True,
        help_text=_("Where the article first appeared; used as the canonical address."),
    )
    original_language = models.CharField(
        _("original language"),
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.DRAFT, db_index=False
    )
    published_at = models.DateTimeField(_("publication time"), null=True, blank=True)
    comments_closed = models.BooleanField(
        _("comments closed"),
        default=False,
        help_text=_("Readers can no longer comment; approved comments stay visible."),
    )
    public_id = models.CharField(
        _("public ID"), max_length=public_ids.LENGTH, unique=True, editable=False
    )
    reading_time = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), default=1, editable=False
    )
    source_version = models.CharField(
        _("version of the original"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("Fingerprint of the original title, standfirst and body."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-pk"]
        permissions = [
            ("publish_article", _("Can publish, schedule, unpublish and archive articles")),
            ("translate_article", _("Can translate articles out of their original language")),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_published"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "review", "published", "archived"]),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_time",
            ),
        ]

    def __str__(self):
        return str(self.local.title)

    def save(self, *args, **kwargs):
        if not self.public_id:
            self.public_id = IssuedPublicId.issue()
        for code in LANGUAGE_CODES:
            title = getattr(self, f"title_{code}", "")
            if title and not getattr(self, f"slug_{code}", ""):
                setattr(self, f"slug_{code}", ascii_slug(title) or self.public_id.lower())
        self.reading_time = reading_minutes(self.original_text("body"))
        self.source_version = self.original_fingerprint()
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "reading_time",
                "public_id",
                "source_version",
            }
        super().save(*args, **kwargs)
        TranslationRecord.record_new_translations(self)

    def get_absolute_url(self, language: str | None = None) -> str:
        with translation.override(language or translation.get_language()):
            slug = self.local.slug or self.public_id.lower()
            return reverse("articles:detail", kwargs={"public_id": self.public_id, "slug": slug})

    @cached_property
    def local(self) -> Localized:
        return Localized(self, self.original_language)

    def original_text(self, field: str) -> str:
        return getattr(self, f"{field}_{self.original_language}", "") or ""

    def original_fingerprint(self) -> str:
        """Changes whenever the original title, standfirst or body changes."""
        text = "\x1f".join(self.original_text(f) for f in ("title", "standfirst", "body"))
        return hashlib.sha256(text.encode()).hexdigest()

    def get_short_url(self) -> str:
        return reverse("article_short", kwargs={"public_id": self.public_id})

    @property
    def is_published(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def is_republication(self) -> bool:
        return bool(self.original_url)

    def body_html(self):
        return render_markdown(self.local.body)

    def available_languages(self) -> list[str]:
        return [code for code in LANGUAGE_CODES if getattr(self, f"title_{code}", "")]


class TranslationRecordQuerySet(models.QuerySet):
    def out_of_date(self):
        return self.exclude(source_version=models.F("article__source_version"))


class TranslationRecord(models.Model):
    """Which version of the original a human translation was made from.

    Created when a translation first appears; when the original changes afterwards
    the translation is out of date until a translator marks it current again.
    """

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="translation_records",
        verbose_name=_("article"),
    )
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    source_version = models.CharField(_("translated from version"), max_length=64)
    marked_current_at = models.DateTimeField(_("marked current"), default=timezone.now)
    marked_current_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked current by"),
    )

    objects = TranslationRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation record")
        verbose_name_plural = _("translation records")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="translation_record_one_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.article.public_id} [{self.language}]"

    @property
    def is_current(self) -> bool:
        return self.source_version == self.article.source_version

    @classmethod
    def record_new_translations(cls, article: Article) -> None:
        """Start tracking each language that has a translated title but no record yet."""
        languages = [
            code
            for code in LANGUAGE_CODES
            if code != article.original_language and getattr(article, f"title_{code}", "")
        ]
        if not languages:
            return
        known = set(
            cls.objects.filter(article=article, language__in=languages).values_list(
                "language", flat=True
            )
        )
        cls.objects.bulk_create(
            [
                cls(article=article, language=code, source_version=article.source_version)
                for code in languages
                if code not in known
            ],
            ignore_conflicts=True,
        )
