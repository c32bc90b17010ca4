"""What a comment's change does to cached pages."""

from . import fragments
from .models import Comment


def comment_changed(sender, instance, created=False, **kwargs) -> None:
    """Signal receiver: forget the comment list of the comment's article.

    Only that article's page shows comments, and cached copies of it depend on the
    list's version (articles.page_cache.depends_on), so every other cached page stays.
    A new comment waiting for review shows nowhere and changes nothing.
    """
    if created and instance.status != Comment.Status.APPROVED:
        return
    fragments.forget(sender, instance)
