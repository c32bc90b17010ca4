"""The writer's own comments awaiting review, shown to them alone, without an account.

Sending a comment adds its id to a signed cookie (HttpOnly, SameSite=Lax, at most
``MAX_IDS`` ids, kept ``MAX_AGE``). The article page shows those of them that are still
pending through a fresh hole (``comments.holes``), so the cached page stays one copy for
all readers: once a comment is approved it appears in the list like any other, and once
rejected it is gone.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

COOKIE = "own_comments"
SALT = "comments.own"
MAX_AGE = 30 * 24 * 3600  # longer than a comment waits for review
MAX_IDS = 20


def read(request: HttpRequest) -> list[int]:
    """The ids the reader's browser holds; none when the cookie is missing, old or forged."""
    value = request.get_signed_cookie(COOKIE, default="", salt=SALT, max_age=MAX_AGE)
    return [int(part) for part in value.split(".") if part.isdigit()][-MAX_IDS:]


def remember(request: HttpRequest, response: HttpResponse, comment) -> None:
    """Add ``comment`` to the reader's cookie, dropping those no longer pending."""
    from .models import Comment

    ids = read(request)
    still = set(Comment.objects.pending().filter(pk__in=ids).values_list("pk", flat=True))
    ids = [pk for pk in ids if pk in still] + [comment.pk]
    response.set_signed_cookie(
        COOKIE,
        ".".join(str(pk) for pk in ids[-MAX_IDS:]),
        salt=SALT,
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
