from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import public_ids
from articles.models import Article

from .rules import MAX_STORED_LENGTH, NAME_MAX_LENGTH


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def visible(self):
        """What readers see, and what every comment count counts: approved comments not
        hidden by readers' reports (``COMMENTS_HIDE_AFTER_REPORTS``); a reply only while the
        comment it answers is visible too (a reply goes with its thread)."""
        return self.approved().filter(
            Q(parent__isnull=True)
            | Q(parent__status=Comment.Status.APPROVED, parent__hidden_at__isnull=True),
            hidden_at__isnull=True,
        )

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def for_page(self, article: Article):
        """What readers see under ``article``: visible comments, oldest first."""
        return self.visible().filter(article=article).order_by("created_at", "pk")

    def threads(self, article: Article):
        """The visible top-level comments under ``article``, oldest first."""
        return self.for_page(article).filter(parent__isnull=True)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    class SpamSignal(models.TextChoices):
        HONEYPOT = "honeypot", _("Hidden field filled in")
        TOO_FAST = "too_fast", _("Sent too soon after the form was shown")
        # No longer recorded (the start time travels in the signed human check); kept
        # for the comments that carry it.
        NO_START = "no_start", _("Form start time missing or altered")
        LINKS = "links", _("Too many links")

    # Deleting an article keeps its comments and their moderation history: the link
    # becomes empty and ``article_public_id`` (never reused) still says where they were.
    article = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("article"),
    )
    article_public_id = models.CharField(
        _("article ID"), max_length=public_ids.LENGTH, editable=False, db_index=True
    )
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("Only editors see it; never shown on the site.")
    )
    text = models.TextField(_("comment"))
    language = models.CharField(
        _("language"),
        max_length=7,
        choices=settings.LANGUAGES,
        help_text=_("The language of the page the comment was written on."),
    )
    text_language = models.CharField(
        _("language of the text"),
        max_length=7,
        blank=True,
        help_text=_(
            "Detected when the comment was sent; empty when the text was too short to tell."
        ),
    )
    # One level deep: a reply to a reply joins its thread (services.reply_parent).
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("reply to"),
    )
    from_newsroom = models.BooleanField(
        _("from the newsroom"),
        default=False,
        help_text=_("Written by signed-in staff; shown with a “Newsroom” badge."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING, db_index=False
    )
    spam_signals = models.CharField(
        _("spam signals"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("What the spam protection noticed when the comment was sent."),
    )
    client_hash = models.CharField(
        _("client fingerprint"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("A salted hash of the sender's address; the address itself is not kept."),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="moderated_comments",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    notified_at = models.DateTimeField(
        _("moderators notified"), null=True, blank=True, editable=False
    )
    approved_by_rule = models.CharField(
        _("approved automatically"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("The rule that approved the comment without a moderator, in words."),
    )
    hidden_at = models.DateTimeField(
        _("hidden after reports"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Readers' reports took it off the site until a moderator decides."),
    )
    notify = models.BooleanField(
        _("commenter asked to be told"),
        default=False,
        editable=False,
        help_text=_("E-mail the commenter when the comment is published or answered."),
    )
    # Set once the e-mails its approval causes (to its writer, to the writer of the
    # comment it answers) were handled, so that none is sent twice.
    notices_sent_at = models.DateTimeField(
        _("commenters told"), null=True, blank=True, editable=False
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["article", "status", "created_at"], name="comment_article_status_time"
            ),
            models.Index(fields=["status", "created_at"], name="comment_status_time"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "rejected", "spam"]),
                name="comment_status_valid",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("text"), MAX_STORED_LENGTH),
                name="comment_text_max_stored",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="comment_text_not_empty"),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("name"), NAME_MAX_LENGTH),
                name="comment_name_max_80",
            ),
            models.CheckConstraint(condition=~Q(name=""), name="comment_name_not_empty"),
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "rejected"]) | Q(moderated_at__isnull=False),
                name="comment_decision_has_time",
            ),
        ]

    def __str__(self):
        return _("Comment by %(name)s on #%(article)s") % {
            "name": self.name,
            "article": self.article_public_id,
        }

    def get_absolute_url(self) -> str:
        """Its permalink: the article page at ``#comment-N`` (only shown once approved)."""
        if self.article is None:
            return ""
        return f"{self.article.get_absolute_url(self.language)}#comment-{self.pk}"

    @property
    def shown_language(self) -> str:
        """The language of the text as readers get it: detected, else the page's."""
        return self.text_language or self.language

    def spam_signal_labels(self) -> list[str]:
        """The recorded signals (stored comma-separated) in words."""
        labels = dict(self.SpamSignal.choices)
        codes = [code for code in self.spam_signals.split(",") if code]
        return [str(labels.get(code, code)) for code in codes]


class UsedChallenge(models.Model):
    """A human-check nonce that has been used; a token carrying it is refused."""

    nonce = models.CharField(max_length=64, primary_key=True)
    used_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("used human check")
        verbose_name_plural = _("used human checks")

    def __str__(self):
        return self.nonce


class SubmissionCount(models.Model):
    """How often one client did one thing (``kind``) in the window starting at ``window_start``.

    The comment limits (``comments.limits``) live here rather than in the cache, where
    page copies could push them out; ``purge_comments`` deletes the windows that are over.
    """

    class Kind(models.TextChoices):
        COMMENT = "comment", _("Comment accepted")
        WRONG_ANSWER = "wrong_answer", _("Wrong answer to the human check")
        REPORT = "report", _("Comment reported")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    client = models.CharField(
        _("client fingerprint"),
        max_length=64,
        help_text=_("A salted hash of the sender's address; the address itself is not kept."),
    )
    window_start = models.DateTimeField(_("window start"), db_index=True)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("submission count")
        verbose_name_plural = _("submission counts")
        constraints = [
            models.UniqueConstraint(
                fields=["client", "kind", "window_start"], name="submission_count_unique"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["comment", "wrong_answer", "report"]),
                name="submission_count_kind",
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.client[:8]}… {self.window_start:%Y-%m-%d %H:%M}: {self.count}"


class Report(models.Model):
    """A reader's report of an approved comment; one per reader (``client_hash``) each."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam")
        ABUSE = "abuse", _("Abuse or harassment")
        OFF_TOPIC = "off_topic", _("Off-topic")
        MISINFORMATION = "misinformation", _("Misinformation")
        OTHER = "other", _("Other")

    NOTE_MAX_LENGTH = 500

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="reports", verbose_name=_("comment")
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason)
    note = models.TextField(_("note"), blank=True)
    client_hash = models.CharField(
        _("client fingerprint"),
        max_length=64,
        help_text=_("A salted hash of the sender's address; the address itself is not kept."),
    )
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    resolved_at = models.DateTimeField(_("decided"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "client_hash"], name="report_one_per_reader"
            ),
            models.CheckConstraint(
                condition=Q(reason__in=["spam", "abuse", "off_topic", "misinformation", "other"]),
                name="report_reason_valid",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("note"), 500), name="report_note_max_500"
            ),
        ]

    def __str__(self):
        return _("Report on comment %(comment)s: %(reason)s") % {
            "comment": self.comment_id,
            "reason": self.get_reason_display(),
        }


class ReportedComment(Comment):
    """The admin's queue of approved comments readers reported."""

    class Meta:
        proxy = True
        verbose_name = _("reported comment")
        verbose_name_plural = _("reported comments")


class NotificationAddress(models.Model):
    """An e-mail address a commenter gave for notices; nothing is sent until confirmed."""

    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification address")
        verbose_name_plural = _("notification addresses")

    def __str__(self):
        return self.email

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None
