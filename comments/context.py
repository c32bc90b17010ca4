"""What the article page needs to show its comments and the comment form."""

from . import captcha
from .forms import CommentForm
from .models import Comment
from .rules import MAX_LENGTH, closed_reason


def is_trusted(request) -> bool:
    """Logged-in staff skip the human check and the spam rules."""
    return request.user.is_authenticated and request.user.is_staff


def comment_section(*, request, article, form: CommentForm | None = None) -> dict:
    """Context for templates/comments/_comments.html; one query whatever the count."""
    comments = list(Comment.objects.for_page(article))
    reason = closed_reason(article)
    if form is None and not reason:
        trusted = is_trusted(request)
        form = CommentForm(
            article=article,
            challenge_required=not trusted,
            challenge=None if trusted else captcha.new_challenge(article_id=article.pk),
        )
    return {
        "approved_comments": comments,
        "approved_comment_count": len(comments),
        "comment_form": form,
        "comments_closed_reason": reason,
        "comment_max_length": MAX_LENGTH,
        # The cached page re-renders the form per reader (comments.holes).
        "comment_form_hole": f"{article.pk}-{article.public_id}",
    }
