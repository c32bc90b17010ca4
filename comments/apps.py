from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pagecache import invalidation


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from . import holes  # noqa: F401 -- registers the comment form's fresh hole
        from .models import Comment

        # The admin's own saves and deletes; the services say what they change themselves.
        invalidation.follow(Comment, comment_changed, renews="its article's page and the lists")


def comment_changed(comment, created=False) -> None:
    """A new comment waiting for review shows nowhere and changes nothing."""
    from .models import Comment

    if created and comment.status != Comment.Status.APPROVED:
        return
    if comment.article_id is not None:
        invalidation.article_page_changed(comment.article_id)
