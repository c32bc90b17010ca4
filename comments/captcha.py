"""The arithmetic human check, which also says when the form was first shown.

A question travels as a token signed with Django's signing (so it cannot be altered),
carrying its two numbers, the article it was issued for, a random nonce and the moment
the reader was first shown the form (for the minimum-time rule: a form sent sooner is
spam). Keeping that moment inside the token binds it to one question: an old moment
cannot be sent along with a fresh question. Tokens expire after
``COMMENTS_CHALLENGE_MAX_AGE`` seconds; the nonce is recorded when the token is used
(``comments.services.challenge_spend``) so that a token works once.
"""

import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

CHALLENGE_SALT = "comments.challenge"


class ChallengeError(Exception):
    def __init__(self, message, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Challenge:
    a: int
    b: int
    article_id: int
    nonce: str
    token: str
    started: float  # when the reader was first shown the form (seconds since the epoch)

    def seconds_since_start(self) -> float:
        return time.time() - self.started

    def is_answered_by(self, answer: str) -> bool:
        try:
            return int(str(answer).strip()) == self.a + self.b
        except (TypeError, ValueError):
            return False


def new_challenge(*, article_id: int, started: float | None = None) -> Challenge:
    """A new question; ``started`` carries over when the form was first shown (default now).

    A carried-over moment is never older than ``COMMENTS_CHALLENGE_MAX_AGE``, so a chain
    of questions cannot make a form look older than one question lives.
    """
    now = time.time()
    started = (
        now
        if started is None
        else min(now, max(started, now - settings.COMMENTS_CHALLENGE_MAX_AGE))
    )
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    nonce = secrets.token_urlsafe(16)
    token = signing.dumps(
        {"a": a, "b": b, "article": article_id, "nonce": nonce, "started": round(started, 3)},
        salt=CHALLENGE_SALT,
    )
    return Challenge(
        a=a, b=b, article_id=article_id, nonce=nonce, token=token, started=round(started, 3)
    )


def read_challenge(token: str, *, article_id: int) -> Challenge:
    """The challenge in ``token``, or ChallengeError when expired, altered or foreign."""
    try:
        data = signing.loads(
            token or "", salt=CHALLENGE_SALT, max_age=settings.COMMENTS_CHALLENGE_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise ChallengeError(
            _("The human check has expired. Please answer the new question."), "expired"
        ) from error
    except signing.BadSignature as error:
        raise ChallengeError(
            _("The human check could not be read. Please answer the new question."), "invalid"
        ) from error
    try:
        challenge = Challenge(
            a=int(data["a"]),
            b=int(data["b"]),
            article_id=int(data["article"]),
            nonce=str(data["nonce"]),
            token=token,
            started=float(data["started"]),  # tokens issued before it was added: unreadable
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ChallengeError(
            _("The human check could not be read. Please answer the new question."), "invalid"
        ) from error
    if challenge.article_id != article_id:
        raise ChallengeError(
            _("The human check belongs to another article. Please answer the new question."),
            "foreign",
        )
    return challenge
