from django.contrib import admin, messages
from django.db.models import Case, IntegerField, Value, When
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from . import services
from .models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = [
        "excerpt",
        "name",
        "status",
        "article_link",
        "language",
        "created_at",
        "signals",
        "moderated_by",
        "moderated_at",
    ]
    list_display_links = ["excerpt"]
    list_filter = [
        "status",
        ("article", admin.RelatedOnlyFieldListFilter),
        "created_at",
        "language",
    ]
    list_select_related = ["article", "moderated_by"]
    search_fields = ["name", "email", "text", "article_public_id"]
    date_hierarchy = "created_at"
    list_per_page = 100
    list_max_show_all = 1000
    actions = ["approve", "reject", "mark_spam"]
    fields = [
        "status",
        "article_link",
        "name",
        "email",
        "text_display",
        "language",
        "created_at",
        "signals",
        "client_hash",
        "moderated_by",
        "moderated_at",
        "notified_at",
    ]
    # Moderators decide the status; everything the reader sent stays as it was.
    readonly_fields = [name for name in fields if name != "status"]

    def get_ordering(self, request):
        # Pending comments first, then the newest.
        pending_first = Case(
            When(status=Comment.Status.PENDING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return [pending_first.asc(), "-created_at", "-pk"]

    def has_add_permission(self, request):
        return False  # comments come from readers

    @admin.display(description=_("comment"))
    def excerpt(self, comment: Comment) -> str:
        # Plain text: the admin escapes it.
        return Truncator(comment.text).chars(90)

    @admin.display(description=_("comment"))
    def text_display(self, comment: Comment) -> str:
        return linebreaksbr(comment.text, autoescape=True)

    @admin.display(description=_("article"), ordering="article_public_id")
    def article_link(self, comment: Comment) -> str:
        if comment.article is None:
            return format_html("#{} ({})", comment.article_public_id, _("deleted"))
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">#{} {}</a>',
            comment.article.get_absolute_url(comment.language),
            comment.article_public_id,
            Truncator(str(comment.article)).chars(60),
        )

    @admin.display(description=_("spam signals"))
    def signals(self, comment: Comment) -> str:
        return ", ".join(comment.spam_signal_labels()) or "–"

    def save_model(self, request, obj, form, change):
        if change and "status" in form.changed_data:
            services.comment_moderate(comment=obj, status=obj.status, moderator=request.user)
        else:
            super().save_model(request, obj, form, change)

    def _moderate(self, request, queryset, status: str, message) -> None:
        count = services.comments_moderate(comments=queryset, status=status, moderator=request.user)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Approve selected comments"), permissions=["change"])
    def approve(self, request, queryset):
        message = ngettext_lazy(
            "%(count)s comment approved.", "%(count)s comments approved.", "count"
        )
        self._moderate(request, queryset, Comment.Status.APPROVED, message)

    @admin.action(description=_("Reject selected comments"), permissions=["change"])
    def reject(self, request, queryset):
        message = ngettext_lazy(
            "%(count)s comment rejected.", "%(count)s comments rejected.", "count"
        )
        self._moderate(request, queryset, Comment.Status.REJECTED, message)

    @admin.action(description=_("Mark selected comments as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        message = ngettext_lazy(
            "%(count)s comment marked as spam.", "%(count)s comments marked as spam.", "count"
        )
        self._moderate(request, queryset, Comment.Status.SPAM, message)
