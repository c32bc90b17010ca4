"""The arithmetic human check and the form's start stamp.

A question travels as a token signed with Django's signing (so it cannot be altered),
carrying its two numbers, the article it was issued for and a random nonce. Tokens
expire after ``COMMENTS_CHALLENGE_MAX_AGE`` seconds; the nonce is recorded when the
token is used (``comments.services.challenge_spend``) so that a token works once.
"""

import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

CHALLENGE_SALT = "comments.challenge"
STARTED_SALT = "comments.started"


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

    def is_answered_by(self, answer: str) -> bool:
        try:
            return int(str(answer).strip()) == self.a + self.b
        except (TypeError, ValueError):
            return False


def new_challenge(*, article_id: int) -> Challenge:
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    nonce = secrets.token_urlsafe(16)
    token = signing.dumps(
        {"a": a, "b": b, "article": article_id, "nonce": nonce}, salt=CHALLENGE_SALT
    )
    return Challenge(a=a, b=b, article_id=article_id, nonce=nonce, token=token)


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


def started_stamp(*, at: float | None = None) -> str:
    """A signed note of when the form was first shown (for the minimum-time rule)."""
    return signing.dumps(round(time.time() if at is None else at, 3), salt=STARTED_SALT)


def seconds_since_start(stamp: str) -> float | None:
    """Seconds since ``stamp`` was issued, or None when it is missing or altered."""
    try:
        started = float(signing.loads(stamp or "", salt=STARTED_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return time.time() - started
