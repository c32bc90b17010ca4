"""The publishing workflow in the article admin: who may set which status, and the actions.

The rules themselves live in ``articles.services``; this mixin applies them to the admin's
form (read-only fields, the user the form validates for) and offers the services as
actions, both in the list (bulk) and on each article's page.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .. import services
from ..models import Article

BOTH_PLACES = [admin.ActionLocation.CHANGE_LIST, admin.ActionLocation.CHANGE_FORM]


class WorkflowAdminMixin:
    """Mix into the article admin; ``actions`` there names the actions below."""

    def has_publish_permission(self, request):
        return services.can_publish(request.user)

    def has_edit_permission(self, request):
        """Full editing rights; translators have change access to their languages only."""
        return services.can_edit(request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not services.can_publish(request.user):
            # Setting a publication time is scheduling; leaving draft/review is publishing.
            readonly.append("published_at")
            if obj is not None and obj.status not in (Article.Status.DRAFT, Article.Status.REVIEW):
                readonly.append("status")
        return list(dict.fromkeys(readonly))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        return form

    # Actions -------------------------------------------------------------------------

    def _run(self, request, queryset, service, done_message) -> None:
        done = 0
        for article in queryset:
            try:
                service(article=article, user=request.user)
            except (ValidationError, PermissionDenied) as error:
                reason = " ".join(getattr(error, "messages", [str(error)]))
                self.message_user(
                    request,
                    gettext("“%(article)s” was not changed: %(reason)s")
                    % {"article": article, "reason": reason},
                    messages.WARNING,
                )
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done) % {"count": done}, messages.SUCCESS)

    def _require(self, request, permission_check) -> None:
        # get_actions() already hides the action; this stops a hand-made POST as well.
        if not permission_check(request):
            raise PermissionDenied

    @admin.action(
        permissions=["edit"],
        description=_("Send to review"),
        description_plural=_("Send selected articles to review"),
        location=BOTH_PLACES,
    )
    def send_to_review(self, request, queryset):
        self._require(request, self.has_edit_permission)
        self._run(
            request,
            queryset,
            services.article_send_to_review,
            lambda n: ngettext(
                "%(count)d article sent to review.", "%(count)d articles sent to review.", n
            ),
        )

    @admin.action(
        permissions=["publish"],
        description=_("Publish now"),
        description_plural=_("Publish selected articles now"),
        location=BOTH_PLACES,
    )
    def publish(self, request, queryset):
        self._require(request, self.has_publish_permission)
        self._run(
            request,
            queryset,
            services.article_publish,
            lambda n: ngettext("%(count)d article published.", "%(count)d articles published.", n),
        )

    @admin.action(
        permissions=["publish"],
        description=_("Unpublish"),
        description_plural=_("Unpublish selected articles"),
        location=BOTH_PLACES,
    )
    def unpublish(self, request, queryset):
        self._require(request, self.has_publish_permission)
        self._run(
            request,
            queryset,
            services.article_unpublish,
            lambda n: ngettext(
                "%(count)d article unpublished.", "%(count)d articles unpublished.", n
            ),
        )

    @admin.action(
        permissions=["publish"],
        description=_("Archive"),
        description_plural=_("Archive selected articles"),
        location=BOTH_PLACES,
    )
    def archive(self, request, queryset):
        self._require(request, self.has_publish_permission)
        self._run(
            request,
            queryset,
            services.article_archive,
            lambda n: ngettext("%(count)d article archived.", "%(count)d articles archived.", n),
        )

    @admin.action(
        permissions=["publish"],
        description=_("Feature on the front page"),
        location=BOTH_PLACES,
    )
    def feature(self, request, queryset):
        self._require(request, self.has_publish_permission)
        # One lead story: of several selected, the last one featured wins, so take one.
        if queryset.count() > 1:
            self.message_user(
                request, gettext("Select one article to lead the front page."), messages.WARNING
            )
            return
        self._run(
            request,
            queryset,
            services.article_feature,
            lambda n: gettext("The article now leads the front page."),
        )

    @admin.action(
        permissions=["publish"],
        description=_("Stop featuring"),
        location=BOTH_PLACES,
    )
    def unfeature(self, request, queryset):
        self._require(request, self.has_publish_permission)
        self._run(
            request,
            queryset,
            services.article_unfeature,
            lambda n: ngettext(
                "%(count)d article no longer featured; the latest article leads.",
                "%(count)d articles no longer featured; the latest article leads.",
                n,
            ),
        )
