from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from operations import upkeep
from pagecache import invalidation


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from . import holes  # noqa: F401 -- registers the comment form's fresh hole
        from .models import Comment

        # The admin's own saves and deletes; the services say what they change themselves.
        invalidation.follow(Comment, comment_changed, renews="its article's page and the lists")

        # Run by the task worker (operations.upkeep); intervals in BROADSHEET_UPKEEP.
        upkeep.register(
            "purge_comments",
            label=_("Purge old spam, rejected comments and expired nonces"),
            every=24 * 3600,
            command="purge_comments",
        )
        upkeep.register(
            "moderator_digest",
            label=_("Moderators' digest of comments waiting"),
            every=3600,
            func=moderator_digest,
        )


def moderator_digest() -> str:
    """A safety net beside the digest each new comment schedules: a comment whose digest
    was lost (a cache emptied, a task dropped) is announced within the hour."""
    from django.conf import settings

    from .notifications import moderator_digest_send

    if not settings.COMMENTS_NOTIFY_MODERATORS:
        return "Moderator notifications are off."
    return f"Announced {moderator_digest_send()} comment(s)."


def comment_changed(comment, created=False) -> None:
    """A new comment waiting for review shows nowhere and changes nothing."""
    from .models import Comment

    if created and comment.status != Comment.Status.APPROVED:
        return
    if comment.article_id is not None:
        invalidation.article_page_changed(comment.article_id)
