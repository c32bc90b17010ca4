"""What the article page needs to show its comments and the comment form."""

from . import services
from .forms import CommentForm
from .fragments import Listing, comment_list
from .rules import MAX_LENGTH, closed_reason


def is_trusted(request) -> bool:
    """Logged-in staff skip the human check and the spam rules."""
    return request.user.is_authenticated and request.user.is_staff


def is_blank(form: CommentForm) -> bool:
    """Nothing of the reader's in it: neither submitted data nor text kept for them."""
    return not form.is_bound and not any(form.initial.get(k) for k in ("name", "email", "text"))


def reply_target(article, wanted) -> "services.Comment | None":
    """The comment ``?reply_to=N`` (or the form's ``parent``) answers, if readers see it;
    a reply to a reply is sent to its thread (services.reply_parent)."""
    wanted = str(wanted or "")
    if not wanted.isdigit() or len(wanted) > 18:
        return None
    try:
        return services.replyable(article=article, pk=int(wanted))
    except services.CommentRefused:
        return None  # a stale link: the form is for a new comment


def comment_section(*, request, article, form: CommentForm | None = None) -> dict:
    """Context for templates/comments/_comments.html; a fixed number of queries whatever
    the count (none while the list is kept, one more for a reply's parent)."""
    reason = closed_reason(article)
    listing = Listing.from_query(request.GET)
    comments = comment_list(article, closed=bool(reason), listing=listing)
    reply_to = None
    if not reason:
        if form is None:
            wanted = request.GET.get("reply_to")
        else:
            wanted = form.data.get("parent") if form.is_bound else form.initial.get("parent")
        reply_to = reply_target(article, wanted)
    if form is None and not reason and is_trusted(request):
        form = CommentForm(
            article=article,
            challenge_required=False,
            challenge=None,
            initial={"parent": reply_to.pk} if reply_to else None,
        )
    # A blank form with a human check is made per reader from a cached copy
    # (comments.holes); a form with the reader's input and errors is rendered.
    blank_for_reader = form is None or (is_blank(form) and form.challenge_required)
    hole = f"{article.pk}-{article.public_id}" + (f"-{reply_to.pk}" if reply_to else "")
    return {
        "comment_list": comments,
        "comment_form": form,
        "comments_closed_reason": reason,
        "comment_max_length": MAX_LENGTH,
        "comment_form_hole": hole if blank_for_reader and not reason else "",
        "comment_reply_to": reply_to,
        "comment_cancel_reply": (listing.query() or "?") + "#comment-form",
    }
