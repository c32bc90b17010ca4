"""What a comment's change does to cached pages."""

from articles import page_cache

from . import fragments
from .models import Comment


def comment_changed(sender, instance, created=False, **kwargs) -> None:
    """Signal receiver: forget the pages and the comment list a change may show.

    A new comment waiting for review shows nowhere, and it is the commonest write on
    the site: letting it through would empty the page cache with every submission.
    """
    if created and instance.status != Comment.Status.APPROVED:
        return
    page_cache.invalidate()
    fragments.forget(sender, instance)
