"""What the article page needs to show its comments and the comment form."""

from .forms import CommentForm
from .fragments import comment_list
from .rules import MAX_LENGTH, closed_reason


def is_trusted(request) -> bool:
    """Logged-in staff skip the human check and the spam rules."""
    return request.user.is_authenticated and request.user.is_staff


def is_blank(form: CommentForm) -> bool:
    """Nothing of the reader's in it: neither submitted data nor text kept for them."""
    return not form.is_bound and not any(form.initial.get(k) for k in ("name", "email", "text"))


def comment_section(*, request, article, form: CommentForm | None = None) -> dict:
    """Context for templates/comments/_comments.html; at most one query whatever the count."""
    reason = closed_reason(article)
    comments = comment_list(article, closed=bool(reason))
    if form is None and not reason and is_trusted(request):
        form = CommentForm(article=article, challenge_required=False, challenge=None)
    # A blank form with a human check is made per reader from a cached copy
    # (comments.holes); a form with the reader's input and errors is rendered.
    blank_for_reader = form is None or (is_blank(form) and form.challenge_required)
    return {
        "comment_list": comments,
        "comment_form": form,
        "comments_closed_reason": reason,
        "comment_max_length": MAX_LENGTH,
        "comment_form_hole": (
            f"{article.pk}-{article.public_id}" if blank_for_reader and not reason else ""
        ),
    }
