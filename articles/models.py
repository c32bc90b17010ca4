import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F, FilteredRelation, Q, Value
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.languages import LANGUAGE_CODES
from core.links import localized_reverse

from . import public_ids, search
from .coverage import COVERAGE_FIELDS, missing_q
from .rendering import reading_minutes, render_markdown
from .summaries.base import Problem
from .text import LocalizedText, ascii_slug

# What search reads (in every language): see articles.search.
SEARCHED_FIELDS = ("title", "standfirst", "body")

# Text changes within this time of publication are corrections, not updates.
REVISION_GRACE = timedelta(minutes=10)
# What decides which articles, in which order, article pages' "More in" and "Related"
# show (``ArticleQuerySet.more_in_category``, ``related_to``), besides the tags (followed
# through ``m2m_changed``): ``Article.moves_reading_on()`` compares them.
READING_ON_FIELDS = ("status", "published_at", "category_id")


def fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def missing_text(field: str) -> Q:
    """Matches rows where a (translated) text field is empty or was never filled."""
    return Q(**{f"{field}__isnull": True}) | Q(**{field: ""})


class Localized:
    """``article.local.title``: the field in the active language, else the original's."""

    # Never borrowed from another language: a summary is shown in its own language or
    # not at all (use ``Article.reader_summary()``, which also checks that it is ready).
    NO_FALLBACK = frozenset({"summary"})

    def __init__(self, instance, original_language: str):
        self._instance = instance
        self._original = original_language

    def __getattr__(self, field: str) -> LocalizedText:
        return self.get(field)

    def get(self, field: str, language: str | None = None) -> LocalizedText:
        """``field`` as a reader of ``language`` (default: the active one) sees it."""
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        if field in self.NO_FALLBACK:
            candidates = [language]
        else:
            candidates = dict.fromkeys([language, self._original, *LANGUAGE_CODES])
        for lang in candidates:
            value = getattr(self._instance, f"{field}_{lang}", None)
            if value:
                return LocalizedText(value, lang)
        return LocalizedText("", language)


def slug_conflicts(instance, message: str, *, typed_only: bool = False) -> dict:
    """Errors for each of ``instance``'s slugs that another row of its model uses in any
    language: every language's addresses share one namespace, or a Turkish slug equal to
    another row's English one would take over that address.

    ``message`` gets ``slug``, ``language`` (that row's language for it), ``other`` and
    ``public_id``. With ``typed_only``, a slug left as it is stored (or still empty, to be
    filled from the title) is not checked.
    """
    model = type(instance)
    fields = [f"slug_{code}" for code in LANGUAGE_CODES]
    stored = {}
    if typed_only and instance.pk:
        stored = model.objects.filter(pk=instance.pk).values(*fields).first() or {}
    names = dict(settings.LANGUAGES)
    errors = {}
    for field in fields:
        slug = getattr(instance, field, None) or ""
        if not slug or stored.get(field) == slug:
            continue
        same = Q()
        for other_field in fields:
            same |= Q(**{other_field: slug})
        clash = model.objects.filter(same).exclude(pk=instance.pk).first()
        if clash is not None:
            code = next(c for c in LANGUAGE_CODES if getattr(clash, f"slug_{c}") == slug)
            errors[field] = ValidationError(
                message,
                code="slug_taken",
                params={
                    "slug": slug,
                    "language": names[code],
                    "other": str(clash),
                    "public_id": getattr(clash, "public_id", ""),
                },
            )
    return errors


def unique_slugs(model_name: str) -> list[models.UniqueConstraint]:
    """Each language's slugs unique in the database (empty ones aside); one language's slug
    against another's is checked by ``slug_conflicts`` in ``clean()``."""
    return [
        models.UniqueConstraint(
            fields=[f"slug_{code}"],
            condition=~Q(**{f"slug_{code}": ""}),
            name=f"{model_name}_slug_{code}_unique",
        )
        for code in LANGUAGE_CODES
    ]


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
        # (The page prefers its own language's slug.)
        constraints = unique_slugs("category")

    def __str__(self):
        return str(self.local.name)

    def get_absolute_url(self, language: str | None = None) -> str:
        language = language or translation.get_language()
        slug = str(self.local.get("slug", language))
        return localized_reverse("articles:category", language, slug=slug)

    def clean(self):
        super().clean()
        errors = slug_conflicts(
            self,
            _("“%(slug)s” is already the %(language)s slug of the category “%(other)s”."),
        )
        if errors:
            raise ValidationError(errors)

    @cached_property
    def local(self) -> Localized:
        return Localized(self, settings.LANGUAGE_CODE)


class Source(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    url = models.URLField(_("home page"), blank=True)
    feed_url = models.URLField(
        _("feed address"),
        blank=True,
        help_text=_("RSS or Atom feed, checked for new articles to republish."),
    )
    language = models.CharField(
        _("language"),
        max_length=7,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language its articles are written in; empty: read it from each page."),
    )

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Author(models.Model):
    """A person named in bylines, with a page of their own."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("The author page's address.")
    )
    bio = models.TextField(_("bio"), blank=True, help_text=_("A few sentences, plain text."))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        limit_choices_to={"is_staff": True},
        verbose_name=_("staff account"),
        help_text=_("Optional: the member of staff who writes as this author."),
    )

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name", "pk"]
        permissions = [
            ("translate_author", _("Can translate authors' bios into other languages")),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self, language: str | None = None) -> str:
        return localized_reverse("articles:author", language, slug=self.slug)

    @cached_property
    def local(self) -> Localized:
        return Localized(self, settings.LANGUAGE_CODE)


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(_("slug"), max_length=60)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["pk"]
        permissions = [("translate_tag", _("Can translate tags into other languages"))]
        constraints = unique_slugs("tag")

    def __str__(self):
        return str(self.local.name)

    def get_absolute_url(self, language: str | None = None) -> str:
        language = language or translation.get_language()
        slug = str(self.local.get("slug", language))
        return localized_reverse("articles:tag", language, slug=slug)

    def clean(self):
        super().clean()
        errors = slug_conflicts(
            self, _("“%(slug)s” is already the %(language)s slug of the tag “%(other)s”.")
        )
        if errors:
            raise ValidationError(errors)

    @cached_property
    def local(self) -> Localized:
        return Localized(self, settings.LANGUAGE_CODE)


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

    def scheduled(self):
        """Published with a publication time still to come (the mirror of ``published()``)."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def translation_incomplete(self, language: str, fields: tuple[str, ...] = COVERAGE_FIELDS):
        """From another language, and lacking any of ``fields`` in ``language``."""
        return self.filter(missing_q(language, fields))

    def translation_complete(self, language: str):
        return self.exclude(missing_q(language))

    def translation_out_of_date(self, language: str):
        """Translated into ``language``, and the original changed since it was marked current."""
        return (
            self.filter(translation_records__language=language)
            .exclude(original_language=language)
            .exclude(translation_records__original_version=F("original_version"))
        )

    def machine_drafts_waiting(self, language: str):
        """With machine-translation drafts into ``language`` waiting for a translator."""
        return self.filter(
            models.Exists(
                MachineTranslation.objects.waiting().filter(
                    article=models.OuterRef("pk"), language=language
                )
            )
        )

    def for_listing(self):
        # One query for every card's byline, however many cards.
        return self.select_related("category", "source").prefetch_related("authors")

    def more_in_category(self, article: "Article", count: int):
        """The latest other published articles in ``article``'s category."""
        return (
            self.published()
            .for_listing()
            .filter(category_id=article.category_id)
            .exclude(pk=article.pk)[:count]
        )

    def related_to(self, article: "Article", count: int, exclude=()):
        """Published articles sharing the most tags with ``article`` (newest first among
        equals), leaving out ``article`` and the ids in ``exclude``: one query however
        many tags."""
        return (
            self.published()
            .for_listing()
            .filter(tags__in=[tag.pk for tag in article.tags.all()])
            .exclude(pk__in=[article.pk, *exclude])
            .annotate(shared_tags=models.Count("tags"))
            .order_by("-shared_tags", "-published_at", "-pk")[:count]
        )

    def lead(self):
        """The front page's lead: the featured article if readers can see it, else the
        latest. ``None`` when nothing is published. Call on a published() queryset."""
        return self.order_by(F("featured_at").desc(nulls_last=True), "-published_at", "-pk").first()

    def with_reader_summary(self, language: str | None = None):
        """Join each article's summary state in ``language`` (default: the active one).

        ``Article.reader_summary()`` then needs no query of its own.
        """
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        return self.annotate(
            reader_summary_row=FilteredRelation(
                "summary_states", condition=Q(summary_states__language=language)
            ),
            reader_summary_language=Value(language, output_field=models.CharField()),
            reader_summary_state=F("reader_summary_row__state"),
            reader_summary_origin=F("reader_summary_row__origin"),
            reader_summary_generated_at=F("reader_summary_row__generated_at"),
            reader_summary_updated_at=F("reader_summary_row__updated_at"),
        )


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
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_(
            "One to three sentences shown to readers as the AI summary. "
            "Text you write or change here counts as edited by the newsroom."
        ),
    )
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
    authors = models.ManyToManyField(
        Author, blank=True, related_name="articles", verbose_name=_("authors")
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("tags"))
    original_url = models.URLField(
        _("original URL"),
        blank=True,
        help_text=_("Where the article first appeared; used as the canonical address."),
    )
    originally_published_at = models.DateTimeField(
        _("originally published"),
        null=True,
        blank=True,
        help_text=_("When the source first published it (republished articles)."),
    )
    lead_image = models.ImageField(
        _("lead image"),
        upload_to="lead-images/",
        blank=True,
        width_field="lead_image_width",
        height_field="lead_image_height",
        help_text=_(
            "JPEG, PNG, WebP or AVIF. Location data and other metadata are removed; "
            "smaller copies for phones and large screens are made in the background."
        ),
    )
    lead_image_width = models.PositiveIntegerField(
        _("lead image width"), null=True, blank=True, editable=False
    )
    lead_image_height = models.PositiveIntegerField(
        _("lead image height"), null=True, blank=True, editable=False
    )
    lead_image_alt = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it. Required with an image."),
    )
    lead_image_caption = models.CharField(_("caption"), max_length=300, blank=True)
    lead_image_credit = models.CharField(
        _("credit"), max_length=120, blank=True, help_text=_("Who made the image.")
    )
    # Made by the worker (articles.images): which files exist for which source, so that
    # pages list them without a query or a storage call of their own.
    lead_image_renditions = models.JSONField(
        _("lead image renditions"), default=dict, blank=True, editable=False
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
    featured_at = models.DateTimeField(
        _("featured on the front page"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When an editor made it the lead story; empty when it is not featured."),
    )
    public_id = models.CharField(
        _("public ID"), max_length=public_ids.LENGTH, unique=True, editable=False
    )
    reading_time = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), default=1, editable=False
    )
    original_version = models.CharField(
        _("version of the original"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("Fingerprint of the original title, standfirst and body."),
    )
    revised_at = models.DateTimeField(
        _("text revised"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the original title, standfirst or body last changed after publication."),
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
            ("preview_article", _("Can preview articles that are not published yet")),
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
        previous, self.original_version = self.original_version, self.original_fingerprint()
        if previous and previous != self.original_version and self.is_revision_time():
            self.revised_at = timezone.now()
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "reading_time",
                "public_id",
                "original_version",
                "revised_at",
            }
        adding = self._state.adding
        with transaction.atomic():
            super().save(*args, **kwargs)
            # Its post_save receivers have compared them (moves_reading_on()); what the
            # database holds is known again once this commits (unknown, so "moved", until).
            held = self._reading_on_after(kwargs.get("update_fields"))
            self._reading_on_held = None
            transaction.on_commit(partial(setattr, self, "_reading_on_held", held))
            if self.changes_search_text(kwargs.get("update_fields")):
                # Its search documents change with it, in the same transaction.
                search.index_articles([self])
        TranslationRecord.record_new_translations(self)
        if not adding:
            # A fingerprint comparison only: no model server is called from here.
            SummaryState.objects.mark_stale(article=self)

    def get_absolute_url(self, language: str | None = None) -> str:
        language = language or translation.get_language()
        slug = str(self.local.get("slug", language)) or self.public_id.lower()
        return localized_reverse("articles:detail", language, public_id=self.public_id, slug=slug)

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        article = super().from_db(db, field_names, values, **kwargs)
        article._remember_reading_on()
        return article

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        self._remember_reading_on(fields)

    def _remember_reading_on(self, fields=None) -> None:
        self._reading_on_held = self._reading_on_after(fields)

    def _reading_on_after(self, fields=None) -> dict:
        """The values of ``READING_ON_FIELDS`` the database holds once ``fields`` (None:
        all) are read or written from this instance: those known before for the others."""
        held = dict(getattr(self, "_reading_on_held", None) or {})
        names = READING_ON_FIELDS
        if fields is not None:
            written = {self._meta.get_field(name).attname for name in fields}
            names = [name for name in READING_ON_FIELDS if name in written]
        for name in names:
            # Read from __dict__: a deferred field is unknown, not loaded by asking.
            if name in self.__dict__:
                held[name] = self.__dict__[name]
            else:
                held.pop(name, None)
        return held

    @classmethod
    def fields_move_reading_on(cls, fields) -> bool:
        """Whether writing ``fields`` may change which articles, in which order, article
        pages' "More in" and "Related" show (for a save of those fields only)."""
        return any(cls._meta.get_field(name).attname in READING_ON_FIELDS for name in fields)

    def moves_reading_on(self) -> bool:
        """Whether its current values may change which articles, in which order, article
        pages' "More in" and "Related" show, compared with those the database held when
        it was loaded or last saved (in a post_save receiver: before this save). Unknown
        (just made, a field deferred) counts as moved."""
        held = getattr(self, "_reading_on_held", None)
        if held is None:
            return True
        return any(
            name not in held or name not in self.__dict__ or self.__dict__[name] != held[name]
            for name in READING_ON_FIELDS
        )

    def clean(self):
        super().clean()
        # Filled from the title, slugs may repeat (the address carries the public ID);
        # one typed by hand may not be another article's in any language.
        errors = slug_conflicts(
            self,
            _(
                "“%(slug)s” is already the %(language)s slug of the article “%(other)s” "
                "(%(public_id)s)."
            ),
            typed_only=True,
        )
        if errors:
            raise ValidationError(errors)

    @cached_property
    def local(self) -> Localized:
        return Localized(self, self.original_language)

    @staticmethod
    def changes_search_text(update_fields) -> bool:
        """Whether a save of ``update_fields`` (None: every field) can change what search
        reads (titles, standfirsts, bodies, the original language)."""
        if update_fields is None:
            return True
        return any(
            field.split("_")[0] in SEARCHED_FIELDS or field == "original_language"
            for field in update_fields
        )

    def is_revision_time(self) -> bool:
        """A text change now is an update readers are told of: the article has been out
        for longer than the grace period that covers typos fixed just after publishing."""
        return self.is_published and timezone.now() - self.published_at > REVISION_GRACE

    @cached_property
    def lead_picture(self):
        """The lead image's renditions as pages use them, or None while there are none."""
        from .images.renditions import Picture

        return Picture.of(self)

    def original_text(self, field: str) -> str:
        return getattr(self, f"{field}_{self.original_language}", "") or ""

    def original_fingerprint(self) -> str:
        """What translations are made from: changes with the original title, standfirst, body."""
        return fingerprint(*(self.original_text(f) for f in ("title", "standfirst", "body")))

    def summary_fingerprint(self) -> str:
        """What summaries are written from: the original title and body."""
        return fingerprint(
            self.original_language, self.original_text("title"), self.original_text("body")
        )

    def summary_in(self, language: str) -> str:
        """The summary text in ``language`` exactly: never another language's."""
        return getattr(self, f"summary_{language}", "") or ""

    def reader_summary(self, language: str | None = None) -> "ReaderSummary | None":
        """The summary readers may see in ``language``: ready, and in that language.

        Uses the columns joined by ``with_reader_summary()`` when present, else one query.
        """
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        text = self.summary_in(language)
        if not text:
            return None
        if getattr(self, "reader_summary_language", None) == language:
            state = self.reader_summary_state
            origin = self.reader_summary_origin
            generated_at = self.reader_summary_generated_at
        else:
            row = (
                SummaryState.objects.filter(article=self, language=language)
                .values_list("state", "origin", "generated_at")
                .first()
            )
            state, origin, generated_at = row or (None, None, None)
        if state != SummaryState.State.READY:
            return None
        return ReaderSummary(text=text, language=language, origin=origin, generated_at=generated_at)

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

    def body_html(self):
        return render_markdown(self.local.body)


class TranslationRecordQuerySet(models.QuerySet):
    def out_of_date(self):
        return self.exclude(original_version=models.F("article__original_version"))


class TranslationRecord(models.Model):
    """Which version of the original a human translation was made from.

    Created when a translation first appears; when the original changes afterwards
    the translation is out of date until a translator marks it current again. The
    original's text at that moment is kept too (the snapshot), so a translator can see
    what changed since; records older than snapshots have none (``has_snapshot``).
    """

    SNAPSHOT_FIELDS = ("title", "standfirst", "body")

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="translation_records",
        verbose_name=_("article"),
    )
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    original_version = models.CharField(_("translated from version"), max_length=64)
    marked_current_at = models.DateTimeField(_("marked current"), default=timezone.now)
    marked_current_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked current by"),
    )
    # NULL: the record predates snapshots and the original as it was then is unknown.
    original_title = models.TextField(_("original title then"), null=True, blank=True)
    original_standfirst = models.TextField(_("original standfirst then"), null=True, blank=True)
    original_body = models.TextField(_("original body then"), null=True, blank=True)

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
        return self.original_version == self.article.original_version

    @property
    def has_snapshot(self) -> bool:
        return self.original_body is not None

    @staticmethod
    def snapshot_of(article: Article) -> dict[str, str]:
        """The record's fields for ``article``'s original as it is now."""
        return {
            f"original_{field}": article.original_text(field)
            for field in TranslationRecord.SNAPSHOT_FIELDS
        }

    def original_then(self, field: str) -> str | None:
        """The original's ``field`` when this translation was last current (None: unknown)."""
        return getattr(self, f"original_{field}") if self.has_snapshot else None

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
                cls(
                    article=article,
                    language=code,
                    original_version=article.original_version,
                    **cls.snapshot_of(article),
                )
                for code in languages
                if code not in known
            ],
            ignore_conflicts=True,
        )


@dataclass(frozen=True)
class ReaderSummary:
    """A summary as shown to readers, with what they are told about its origin."""

    text: str
    language: str
    origin: str
    generated_at: datetime | None

    @property
    def is_ai(self) -> bool:
        return self.origin == SummaryState.Origin.AI

    @property
    def disclosure(self) -> str:
        """Machine-readable AI involvement, for the ``data-ai-disclosure`` attribute."""
        return "ai-generated-unreviewed" if self.is_ai else "ai-assisted-human-reviewed"


class SummaryStateQuerySet(models.QuerySet):
    def mark_stale(self, *, article: Article) -> int:
        """AI summaries written from another version of the source become stale."""
        return (
            self.filter(article=article, origin=SummaryState.Origin.AI)
            .filter(state=SummaryState.State.READY)
            .exclude(written_from=article.summary_fingerprint())
            .update(state=SummaryState.State.STALE, updated_at=timezone.now())
        )

    def article_filter(self, state: str, language: str | None = None) -> Q:
        """A filter for articles with a summary in ``state`` in ``language`` (any when None).

        ``missing`` includes articles that have no row for a language at all. For
        ``Article`` querysets: the admin's filter and the dashboard's counts share it.
        """
        rows = self.filter(article=models.OuterRef("pk"))
        if state == SummaryState.State.MISSING:
            present = rows.exclude(state=SummaryState.State.MISSING)
            condition = Q()
            for code in [language] if language else LANGUAGE_CODES:
                condition |= ~models.Exists(present.filter(language=code))
            return condition
        rows = rows.filter(state=state)
        if language:
            rows = rows.filter(language=language)
        return Q(models.Exists(rows))


class SummaryState(models.Model):
    """Where the summary of one article in one language stands, and who wrote it.

    The text itself is the translated field ``Article.summary``; this row is its
    provenance. No row means the summary is missing.
    """

    class State(models.TextChoices):
        MISSING = "missing", pgettext_lazy("summary state", "Missing")
        QUEUED = "queued", pgettext_lazy("summary state", "Queued")
        READY = "ready", pgettext_lazy("summary state", "Ready")
        STALE = "stale", pgettext_lazy("summary state", "Stale")
        FAILED = "failed", pgettext_lazy("summary state", "Failed")

    class Origin(models.TextChoices):
        AI = "ai", pgettext_lazy("summary origin", "AI")
        HUMAN = "human", pgettext_lazy("summary origin", "Edited by a person")

    Problem = Problem

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="summary_states",
        verbose_name=_("article"),
    )
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.MISSING)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin, blank=True)
    backend = models.CharField(_("backend"), max_length=80, blank=True)
    model_name = models.CharField(_("model"), max_length=200, blank=True)
    generated_at = models.DateTimeField(_("generated"), null=True, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("edited by"),
    )
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    written_from = models.CharField(
        _("written from version"),
        max_length=64,
        blank=True,
        help_text=_("Hash of the original title and body the summary was written from."),
    )
    problem = models.CharField(_("problem"), max_length=24, choices=Problem, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    task_token = models.CharField(max_length=32, blank=True, editable=False)
    queued_at = models.DateTimeField(_("queued"), null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = SummaryStateQuerySet.as_manager()

    class Meta:
        verbose_name = _("summary status")
        verbose_name_plural = _("summary statuses")
        ordering = ["article", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="summarystate_one_per_language"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["missing", "queued", "ready", "stale", "failed"]),
                name="summarystate_state_valid",
            ),
            models.CheckConstraint(
                condition=Q(origin__in=["", "ai", "human"]), name="summarystate_origin_valid"
            ),
            models.CheckConstraint(
                condition=~Q(state="ready") | ~Q(origin=""),
                name="summarystate_ready_has_origin",
            ),
        ]
        indexes = [models.Index(fields=["state", "language"], name="summarystate_state")]

    def __str__(self):
        return f"{self.article_id}/{self.language}: {self.get_state_display()}"

    @property
    def is_protected(self) -> bool:
        """A person's summary: the machine never replaces it unless an editor says so."""
        return self.origin == self.Origin.HUMAN and self.state == self.State.READY

    # State transitions: each sets its fields here, so the services never assign them.

    def mark_queued(self, *, token: str, now: datetime) -> None:
        """Queued for a new task carrying ``token``; older tasks find themselves superseded."""
        self.state = self.State.QUEUED
        self.task_token = token
        self.queued_at = now
        self.claimed_until = None
        self.attempts = 0
        self.problem = ""
        self.last_error = ""
        self.save()

    def mark_unsupported(self, *, backend: str) -> None:
        """Nothing queued: ``backend`` cannot write this language, and the admin says so."""
        self.state = self.State.MISSING
        self.problem = Problem.UNSUPPORTED_LANGUAGE
        self.backend = backend
        self.last_error = ""
        self.task_token = ""
        self.save()

    def claim(self, *, until: datetime) -> None:
        """Held by one attempt until ``until``, so no other worker writes it meanwhile."""
        # A task's row is queued already; a direct call (shell, tests) counts as queued too.
        self.state = self.State.QUEUED
        self.claimed_until = until
        self.attempts += 1
        self.save(update_fields=["claimed_until", "attempts", "state", "updated_at"])

    def release_claim(self) -> None:
        """The attempt ends without recording anything (its result was dropped)."""
        self.claimed_until = None
        self.save(update_fields=["claimed_until", "updated_at"])

    def mark_generated(
        self, *, backend: str, model: str, fingerprint: str, current_fingerprint: str
    ) -> None:
        """Written by the machine from the source with ``fingerprint``.

        Ready, or stale at once when the source changed while the model wrote
        (``current_fingerprint`` is the source's now).
        """
        ready = current_fingerprint == fingerprint
        self.state = self.State.READY if ready else self.State.STALE
        self.origin = self.Origin.AI
        self.backend = backend
        self.model_name = model[:200]
        self.generated_at = timezone.now()
        self.edited_by = None
        self.edited_at = None
        self.written_from = fingerprint
        self.problem = ""
        self.last_error = ""
        self.claimed_until = None
        self.save()

    def mark_failed(
        self, *, problem: str, error: str, backend: str = "", retry: bool = False
    ) -> None:
        """An attempt that gave no summary; the problem is kept and any text stays as it was.

        Missing when the backend cannot write the language at all (trying again will
        not help, and it is not a fault), queued again when ``retry`` (the caller
        schedules the attempt), failed otherwise.
        """
        if problem == Problem.UNSUPPORTED_LANGUAGE:
            self.state = self.State.MISSING
        elif retry:
            self.state = self.State.QUEUED
        else:
            self.state = self.State.FAILED
        self.claimed_until = None
        self.problem = problem
        self.last_error = error[:2000]
        if backend:
            self.backend = backend
        self.save()

    def mark_edited(self, *, editor, fingerprint: str) -> None:
        """Written or corrected by a person: ready, and left alone by the machine.

        ``editor`` is recorded when it is a saved user. Supersedes any queued task.
        """
        self.state = self.State.READY
        self.origin = self.Origin.HUMAN
        self.edited_by = editor if getattr(editor, "pk", None) else None
        self.edited_at = timezone.now()
        self.written_from = fingerprint
        self._supersede()
        self.save()

    def mark_missing(self) -> None:
        """Emptied by a person: missing, with no provenance, to be generated next time."""
        self.state = self.State.MISSING
        self.origin = ""
        self.written_from = ""
        self.edited_by = None
        self.edited_at = None
        self._supersede()
        self.save()

    def _supersede(self) -> None:
        # A person's edit ends whatever the machine had queued or claimed.
        self.task_token = ""
        self.claimed_until = None
        self.problem = ""
        self.last_error = ""

    def problem_message(self) -> str:
        """The last problem in the reader's language, with the technical detail."""
        if not self.problem:
            return ""
        if self.problem == Problem.UNSUPPORTED_LANGUAGE:
            return gettext("The %(backend)s backend cannot write %(language)s.") % {
                "backend": self.backend or "?",
                "language": translation.get_language_info(self.language)["name_translated"],
            }
        message = str(self.get_problem_display())
        return f"{message} ({self.last_error})" if self.last_error else message


class MachineTranslationQuerySet(models.QuerySet):
    def open(self):
        """Not yet decided: queued, being translated, ready for review, or failed."""
        return self.filter(status__in=MachineTranslation.OPEN)

    def waiting(self):
        """Drafts ready for a translator's review (the "machine draft" marker)."""
        return self.filter(status=MachineTranslation.Status.READY)

    def waiting_languages(self, article: Article) -> set[str]:
        """The languages in which ``article`` has machine drafts waiting for review."""
        return set(self.waiting().filter(article=article).values_list("language", flat=True))

    def waiting_by_language(self) -> dict[str, int]:
        """Per language: how many articles have machine drafts waiting (progress page)."""
        rows = (
            self.waiting()
            .values("language")
            .annotate(articles=models.Count("article", distinct=True))
            .order_by()
        )
        counts = dict.fromkeys(LANGUAGE_CODES, 0)
        counts.update({row["language"]: row["articles"] for row in rows})
        return counts


class MachineTranslation(models.Model):
    """A machine's draft translation of one field of an article into one language.

    It never reaches readers by itself: the article's translated field changes only
    when a translator accepts the draft (``machine_translation_accept``), which records
    who reviewed it. Failed attempts are kept with their reason.
    """

    class Field(models.TextChoices):
        TITLE = "title", _("title")
        STANDFIRST = "standfirst", _("standfirst")
        BODY = "body", _("body")

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("machine translation", "Queued")
        RUNNING = "running", pgettext_lazy("machine translation", "Translating")
        READY = "ready", pgettext_lazy("machine translation", "Needs review")
        FAILED = "failed", pgettext_lazy("machine translation", "Failed")
        ACCEPTED = "accepted", pgettext_lazy("machine translation", "Accepted")
        DISCARDED = "discarded", pgettext_lazy("machine translation", "Discarded")

    OPEN = (Status.QUEUED, Status.RUNNING, Status.READY, Status.FAILED)

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="machine_translations",
        verbose_name=_("article"),
    )
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    field = models.CharField(_("field"), max_length=12, choices=Field)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    text = models.TextField(_("draft"), blank=True)
    source_text = models.TextField(
        _("original"), blank=True, help_text=_("The original text the draft was made from.")
    )
    source_fingerprint = models.CharField(_("made from version"), max_length=64, blank=True)
    backend = models.CharField(_("backend"), max_length=80, blank=True)
    model_name = models.CharField(_("model"), max_length=200, blank=True)
    problem = models.CharField(_("problem"), max_length=32, blank=True)
    problem_params = models.JSONField(default=dict, blank=True)
    detail = models.TextField(_("detail"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("translated"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    objects = MachineTranslationQuerySet.as_manager()

    class Meta:
        verbose_name = _("machine translation")
        verbose_name_plural = _("machine translations")
        ordering = ["article", "language", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=["queued", "running", "ready", "failed", "accepted", "discarded"]
                ),
                name="machinetranslation_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(field__in=["title", "standfirst", "body"]),
                name="machinetranslation_field_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["ready", "accepted"]) | ~Q(text=""),
                name="machinetranslation_ready_has_text",
            ),
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(reviewed_at__isnull=False),
                name="machinetranslation_accepted_is_reviewed",
            ),
            models.UniqueConstraint(
                fields=["article", "language", "field"],
                condition=Q(status__in=["queued", "running", "ready", "failed"]),
                name="machinetranslation_one_open_per_field",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "language"], name="machinetranslation_status"),
        ]

    def __str__(self):
        return f"{self.article_id}/{self.language}/{self.field}: {self.get_status_display()}"

    def source_changed(self, article: Article | None = None) -> bool:
        """The original field changed since the draft was made from it."""
        article = article or self.article
        return bool(self.source_fingerprint) and self.source_fingerprint != fingerprint(
            article.original_language, article.original_text(self.field)
        )

    # State transitions: each sets its fields here, so the services never assign them.

    def mark_running(self, *, source_text: str, source_language: str) -> bool:
        """Claimed by one worker; ``False`` when another took it or it was superseded."""
        claimed = MachineTranslation.objects.filter(pk=self.pk, status=self.Status.QUEUED).update(
            status=self.Status.RUNNING,
            attempts=F("attempts") + 1,
            source_text=source_text,
            source_fingerprint=fingerprint(source_language, source_text),
        )
        if claimed:
            self.refresh_from_db()
        return bool(claimed)

    def mark_ready(self, *, text: str, backend: str, model: str) -> bool:
        """The checked draft, waiting for review. ``False`` when it was superseded meanwhile."""
        return self._finish(
            status=self.Status.READY,
            text=text,
            backend=backend,
            model_name=model[:200],
            problem="",
            problem_params={},
            detail="",
        )

    def mark_failed(
        self, *, problem: str, params: dict | None = None, detail: str = "", retry: bool = False
    ) -> bool:
        """An attempt that gave no usable draft; queued again when ``retry``."""
        return self._finish(
            status=self.Status.QUEUED if retry else self.Status.FAILED,
            problem=problem,
            problem_params=params or {},
            detail=detail[:2000],
        )

    def _finish(self, **values) -> bool:
        values["finished_at"] = timezone.now()
        done = MachineTranslation.objects.filter(pk=self.pk, status=self.Status.RUNNING).update(
            **values
        )
        if done:
            self.refresh_from_db()
        return bool(done)

    def mark_accepted(self, *, reviewer) -> None:
        self.status = self.Status.ACCEPTED
        self.reviewed_by = reviewer if getattr(reviewer, "pk", None) else None
        self.reviewed_at = timezone.now()
        self.save(update_fields=["status", "reviewed_by", "reviewed_at"])

    def mark_discarded(self, *, reviewer=None) -> None:
        """Set aside by a translator, or superseded by a new request."""
        self.status = self.Status.DISCARDED
        self.reviewed_by = reviewer if getattr(reviewer, "pk", None) else None
        self.reviewed_at = timezone.now() if reviewer is not None else None
        self.save(update_fields=["status", "reviewed_by", "reviewed_at"])

    def problem_message(self) -> str:
        """Why the last attempt failed, in the reader's language."""
        if not self.problem:
            return ""
        from .machine_translation.problems import problem_message

        return problem_message(self.problem, self.problem_params, self.detail)


class SearchDocument(models.Model):
    """PostgreSQL's search index: an article's text in one language as its reader sees it,
    with its weighted ``tsvector`` (see ``articles.search``).

    Not managed by Django: migration 0012 creates the table (and its GIN index) on
    PostgreSQL only; SQLite keeps its index in an FTS5 table instead.
    """

    article = models.ForeignKey(
        Article, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    language = models.CharField(max_length=7)
    body = models.TextField()
    vector = SearchVectorField()

    class Meta:
        managed = False
        db_table = "articles_search_document"
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return f"{self.article_id} [{self.language}]"
