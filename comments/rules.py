"""The rules a comment is measured against, shared by the form, the services and the page.

The browser's counter (static/js/comments.js) counts exactly as ``comment_length`` does:
line breaks are normalised to ``\\n`` first (browsers submit ``\\r\\n``), then characters
are counted as the reader sees them, in extended grapheme clusters (Unicode's UAX #29:
``Intl.Segmenter`` in the browser, the ``regex`` module's ``\\X`` here), so a flag, an
emoji with a skin tone or a family emoji is one character on both sides.
"""

import re
from datetime import datetime, timedelta

import regex
from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext, ngettext

MAX_LENGTH = 1200
NAME_MAX_LENGTH = 80
# What the database stores at most, in code points: a character a reader sees may take
# several (a family emoji takes five), so storage stays bounded whatever is typed.
MAX_STORED_LENGTH = 4 * MAX_LENGTH

GRAPHEME = regex.compile(r"\X")

# Anything a reader's browser or a bot would turn into a link.
LINK_PATTERN = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.|<\s*a\b|\[url\b|\bmailto:)", re.IGNORECASE
)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def comment_length(text: str) -> int:
    """Characters as the reader sees them (grapheme clusters), after newline normalisation."""
    return sum(1 for _ in GRAPHEME.finditer(normalise_newlines(text)))


def count_links(text: str) -> int:
    return len(LINK_PATTERN.findall(text))


def client_hash(ip: str) -> str:
    """A keyed, salted hash of the client's address (``core.clients.client_ip``); the
    address itself is never stored."""
    salt = settings.COMMENTS_CLIENT_HASH_SALT
    return salted_hmac(salt, ip or "unknown", algorithm="sha256").hexdigest()[:32]


def auto_close_time(article) -> datetime | None:
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    if days is None or article.published_at is None:
        return None
    return article.published_at + timedelta(days=days)


def closed_reason(article, *, now: datetime | None = None) -> str:
    """Why readers cannot comment on ``article``, or "" when they can."""
    if article.comments_closed:
        return gettext("Comments are closed for this article.")
    closes_at = auto_close_time(article)
    if closes_at is not None and closes_at <= (now or timezone.now()):
        days = settings.COMMENTS_CLOSE_AFTER_DAYS
        return ngettext(
            "Comments close %(days)s day after publication.",
            "Comments close %(days)s days after publication.",
            days,
        ) % {"days": days}
    return ""
