from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, F, IntegerField, Prefetch, Q, Value, When
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from . import services
from .models import Comment, Report, ReportedComment

# The form the per-row buttons submit (``form="comment-row-form"``): one form outside
# the change list's own, since forms cannot nest (templates/admin/comments/...).
ROW_FORM = "comment-row-form"


def open_reports() -> Prefetch:
    """Each comment's undecided reports, in one query for the whole page."""
    return Prefetch(
        "reports",
        queryset=Report.objects.filter(resolved_at__isnull=True).order_by("created_at"),
        to_attr="open_reports",
    )


class ModerationListMixin:
    """What both moderation lists show: the whole comment, its article and permalink,
    the spam signals and readers' reports in words, and per-row decision buttons."""

    change_list_template = "admin/comments/comment/change_list.html"
    list_select_related = ["article", "moderated_by"]
    list_per_page = 100
    list_max_show_all = 1000

    class Media:
        css = {"all": ["admin-extra/comments.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(open_reports())

    def can_decide(self, request) -> bool:
        return self.has_change_permission(request)

    def get_list_display(self, request):
        display = super().get_list_display(request)
        if self.can_decide(request):
            return display
        return [name for name in display if name != "row_actions"]

    @admin.display(description=_("comment"), ordering="created_at")
    def comment_full(self, comment: Comment) -> str:
        # The whole text, escaped, its line breaks kept: moderators decide on all of it;
        # under it when and where it was written (the article, the comment on the site).
        return format_html(
            '<div class="comment-full" lang="{}">{}</div>'
            '<div class="comment-where">{} · {} · {}</div>',
            comment.language,
            linebreaksbr(comment.text),
            date_format(timezone.localtime(comment.created_at), "j M Y, H:i"),
            comment.get_language_display(),
            self.article_link(comment),
        )

    @admin.display(description=_("status"), ordering="status")
    def status_info(self, comment: Comment) -> str:
        """The status, what the spam rules noticed, and who decided (or which rule)."""
        decided = comment.approved_by_rule or (comment.moderated_by or "")
        signals = ", ".join(comment.spam_signal_labels())
        return format_html(
            "<strong>{}</strong>{}{}",
            comment.get_status_display(),
            format_html('<br><span class="spam-signals">{}</span>', signals) if signals else "",
            format_html('<br><span class="quiet">{}</span>', decided) if decided else "",
        )

    @admin.display(description=_("article"), ordering="article_public_id")
    def article_link(self, comment: Comment) -> str:
        if comment.article is None:
            return format_html("#{} ({})", comment.article_public_id, _("deleted"))
        link = format_html(
            '<a href="{}" target="_blank" rel="noopener">#{} {}</a>',
            comment.article.get_absolute_url(comment.language),
            comment.article_public_id,
            Truncator(str(comment.article)).chars(50),
        )
        if comment.status != Comment.Status.APPROVED or comment.hidden_at is not None:
            return link
        return format_html(
            '{} · <a href="{}" target="_blank" rel="noopener">{}</a>',
            link,
            comment.get_absolute_url(),
            _("The comment on the site"),
        )

    @admin.display(description=_("spam signals"))
    def signals(self, comment: Comment) -> str:
        return ", ".join(comment.spam_signal_labels()) or "–"

    @admin.display(description=_("reports"))
    def reports_summary(self, comment: Comment) -> str:
        reports = getattr(comment, "open_reports", None)
        if reports is None:
            reports = list(comment.reports.filter(resolved_at__isnull=True))
        if not reports:
            return "–"
        counts: dict[str, int] = {}
        for report in reports:
            label = report.get_reason_display()
            counts[label] = counts.get(label, 0) + 1
        heading = ngettext("%(count)s report", "%(count)s reports", len(reports)) % {
            "count": len(reports)
        }
        notes = [report.note for report in reports if report.note]
        return format_html(
            "<strong>{}</strong>{}{}{}",
            heading,
            format_html(" ({})", gettext("hidden from readers")) if comment.hidden_at else "",
            format_html_join("", "<br>{}\u00a0×\u00a0{}", counts.items()),
            format_html_join("", '<br><q class="report-note">{}</q>', ((n,) for n in notes)),
        )

    def _row_buttons(self, comment: Comment, url: str, choices) -> str:
        return format_html(
            '<div class="row-decisions">{}</div>',
            format_html_join(
                "",
                '<button type="submit" class="button" form="{}" formaction="{}" name="decision"'
                ' value="{}" aria-label="{} {}">{}</button>',
                (
                    (
                        ROW_FORM,
                        url,
                        value,
                        label,
                        _("the comment by %(name)s") % {"name": comment.name},
                        label,
                    )
                    for value, label in choices
                ),
            ),
        )

    def _back(self, request, fallback: str) -> HttpResponseRedirect:
        """To the list page the moderator was on, its filters and page kept."""
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            target = fallback
        return HttpResponseRedirect(target)


@admin.register(Comment)
class CommentAdmin(ModerationListMixin, admin.ModelAdmin):
    list_display = ["comment_full", "name", "status_info", "reports_summary", "row_actions"]
    list_display_links = ["name"]
    list_filter = [
        "status",
        ("article", admin.RelatedOnlyFieldListFilter),
        "created_at",
        "language",
    ]
    search_fields = ["name", "email", "text", "article_public_id"]
    date_hierarchy = "created_at"
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
        "reports_summary",
        "client_hash",
        "moderated_by",
        "moderated_at",
        "approved_by_rule",
        "hidden_at",
        "notify",
        "notified_at",
    ]
    # Moderators decide the status; everything the reader sent stays as it was.
    readonly_fields = [name for name in fields if name != "status"]

    # Per-row decisions: the value a button sends, and what the list says after it.
    ROW_DECISIONS = {
        Comment.Status.APPROVED: (_("Approve"), _("The comment by %(name)s is approved.")),
        Comment.Status.REJECTED: (_("Reject"), _("The comment by %(name)s is rejected.")),
        Comment.Status.SPAM: (_("Spam"), _("The comment by %(name)s is marked as spam.")),
    }

    def changelist_view(self, request, extra_context=None):
        extra_context = {"title": gettext("Comments to moderate"), **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def get_ordering(self, request):
        # Pending comments first, then the newest.
        pending_first = Case(
            When(status=Comment.Status.PENDING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return [pending_first.asc(), "-created_at", "-pk"]

    def get_urls(self):
        view = self.admin_site.admin_view(require_POST(self.moderate_view))
        return [
            path("<path:object_id>/moderate/", view, name="comments_comment_moderate"),
            *super().get_urls(),
        ]

    def has_add_permission(self, request):
        return False  # comments come from readers

    @admin.display(description=_("comment"))
    def text_display(self, comment: Comment) -> str:
        return linebreaksbr(comment.text, autoescape=True)

    @admin.display(description=_("decide"))
    def row_actions(self, comment: Comment) -> str:
        url = reverse("admin:comments_comment_moderate", args=[comment.pk])
        choices = [
            (value, label)
            for value, (label, _done) in self.ROW_DECISIONS.items()
            if value != comment.status
        ]
        return self._row_buttons(comment, url, choices)

    def moderate_view(self, request, object_id):
        """One row's Approve / Reject / Spam button: decide, then back to the same list."""
        comment = get_object_or_404(Comment, pk=object_id)
        if not self.has_change_permission(request, comment):
            raise PermissionDenied
        changelist = reverse("admin:comments_comment_changelist")
        decision = self.ROW_DECISIONS.get(request.POST.get("decision", ""))
        if decision is None:
            self.message_user(request, gettext("Unknown decision."), messages.ERROR)
            return self._back(request, changelist)
        status = request.POST["decision"]
        services.comments_moderate(
            comments=Comment.objects.filter(pk=comment.pk), status=status, moderator=request.user
        )
        self.message_user(request, decision[1] % {"name": comment.name}, messages.SUCCESS)
        return self._back(request, changelist)

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


@admin.register(ReportedComment)
class ReportedCommentAdmin(ModerationListMixin, admin.ModelAdmin):
    """The queue of approved comments readers reported: Keep or Remove each.

    Moderators of comments (``comments.change_comment``) work here; the comments
    themselves are changed in the comments list, so this list changes nothing else.
    """

    list_display = ["comment_full", "name", "reports_summary", "row_actions"]
    list_display_links = ["name"]
    search_fields = ["name", "text", "article_public_id"]
    actions = ["keep", "remove"]
    fields = ["article_link", "name", "text_display", "reports_summary", "hidden_at"]
    readonly_fields = fields

    def get_queryset(self, request):
        undecided = Q(reports__resolved_at__isnull=True)
        return (
            super()
            .get_queryset(request)
            .filter(status=Comment.Status.APPROVED)
            .annotate(open_report_count=Count("reports", filter=undecided))
            .filter(open_report_count__gt=0)
        )

    def changelist_view(self, request, extra_context=None):
        title = gettext("Reported comments: keep or remove")
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    def get_ordering(self, request):
        # The most reported first (an expression: the change list checks plain names
        # against the model's fields).
        return [F("open_report_count").desc(), "-created_at", "-pk"]

    def get_urls(self):
        view = self.admin_site.admin_view(require_POST(self.decide_view))
        return [
            path("<path:object_id>/decide/", view, name="comments_reportedcomment_decide"),
            *super().get_urls(),
        ]

    def has_moderate_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("comments.change_comment")

    def can_decide(self, request) -> bool:
        return self.has_moderate_permission(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("comments.view_comment") or self.has_moderate_permission(
            request
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # decisions only: Keep or Remove

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("comment"))
    def text_display(self, comment: Comment) -> str:
        return linebreaksbr(comment.text, autoescape=True)

    @admin.display(description=_("decide"))
    def row_actions(self, comment: Comment) -> str:
        url = reverse("admin:comments_reportedcomment_decide", args=[comment.pk])
        return self._row_buttons(comment, url, [("keep", _("Keep")), ("remove", _("Remove"))])

    def decide_view(self, request, object_id):
        comment = get_object_or_404(Comment, pk=object_id)
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        changelist = reverse("admin:comments_reportedcomment_changelist")
        decision = request.POST.get("decision", "")
        queryset = Comment.objects.filter(pk=comment.pk)
        if decision == "keep":
            services.reports_keep(comments=queryset, moderator=request.user)
            message = gettext("The comment by %(name)s stays; its reports are decided.")
        elif decision == "remove":
            services.comments_moderate(
                comments=queryset, status=Comment.Status.REJECTED, moderator=request.user
            )
            message = gettext("The comment by %(name)s is removed from the site.")
        else:
            self.message_user(request, gettext("Unknown decision."), messages.ERROR)
            return self._back(request, changelist)
        self.message_user(request, message % {"name": comment.name}, messages.SUCCESS)
        return self._back(request, changelist)

    @admin.action(
        description=_("Keep selected comments (decide their reports)"), permissions=["moderate"]
    )
    def keep(self, request, queryset):
        count = services.reports_keep(comments=queryset, moderator=request.user)
        self.message_user(
            request,
            ngettext("%(count)s comment kept.", "%(count)s comments kept.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Remove selected comments from the site"), permissions=["moderate"])
    def remove(self, request, queryset):
        count = services.comments_moderate(
            comments=queryset, status=Comment.Status.REJECTED, moderator=request.user
        )
        self.message_user(
            request,
            ngettext("%(count)s comment removed.", "%(count)s comments removed.", count)
            % {"count": count},
            messages.SUCCESS,
        )
