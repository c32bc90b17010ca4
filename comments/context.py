"""What the article page needs to show its comments and the comment form."""

from . import captcha
from .forms import CommentForm
from .models import Comment
from .rules import MAX_LENGTH, closed_reason


def is_trusted(request) -> bool:
    """Logged-in staff skip the human check and the spam rules."""
    return request.user.is_authenticated and request.user.is_staff


def is_blank(form: CommentForm) -> bool:
    """Nothing of the reader's in it: neither submitted data nor text kept for them."""
    return not form.is_bound and not any(form.initial.get(k) for k in ("name", "email", "text"))


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
        # A blank form with a human check is made per reader from a cached copy
        # (comments.holes); a form with the reader's input and errors is rendered.
        "comment_form_hole": (
            f"{article.pk}-{article.public_id}"
            if form is not None and is_blank(form) and form.challenge_required
            else ""
        ),
    }
