"""Version tokens kept in the cache, naming what a cached copy was made from.

A cached page or fragment records the tokens it depends on; a change replaces the
token (``pagecache.invalidation`` names them and says when), so every copy made from
the old state is passed over, on every server sharing the cache. A lost token (evicted,
cache emptied) just means one re-render. Tokens live in the ``tokens`` cache alias when
the project defines one, apart from the page copies, which would otherwise push them out.

A token starts with the time it was made, which doubles as "last changed" for
Last-Modified headers (a lost token moves that forward: harmless).
"""

import secrets
import time
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

# Long enough to outlive busy days, short enough that orphaned copies expire.
TIMEOUT = 24 * 60 * 60


def store():
    return caches["tokens" if "tokens" in settings.CACHES else "default"]


def new() -> str:
    return f"{time.time_ns():x}-{secrets.token_hex(4)}"


def made_at(token: str) -> datetime | None:
    """When ``token`` was made, or None for a token this module did not write.

    (Servers' clocks may differ a little; a time far ahead means a foreign token.)
    """
    try:
        made = datetime.fromtimestamp(int(token.partition("-")[0], 16) / 1e9, tz=UTC)
    except (ValueError, OverflowError, OSError):
        return None
    return made if made <= datetime.now(tz=UTC) + timedelta(days=1) else None


def current(key: str) -> str:
    tokens = store()
    value = tokens.get(key)
    if value is not None and made_at(value) is None:
        tokens.delete(key)
        value = None
    if value is None:
        tokens.add(key, new(), TIMEOUT)  # unless another process just did
        value = tokens.get(key) or new()
    return value


def current_many(keys: list[str]) -> dict[str, str]:
    """``current(key)`` for each of ``keys``: one read when they are all there."""
    found = store().get_many(keys) if keys else {}
    return {
        key: value
        if (value := found.get(key)) is not None and made_at(value) is not None
        else current(key)
        for key in keys
    }


def holds(recorded: dict[str, str]) -> bool:
    """Every key still has the token ``recorded`` for it (one read for them all)."""
    return bool(recorded) and store().get_many(list(recorded)) == recorded


def renew(*keys: str) -> None:
    """Replace the tokens of ``keys`` at once and again after the commit, so that a
    reader arriving while the transaction is still open cannot leave the old state
    cached under the new token."""

    def replace():
        store().set_many(dict.fromkeys(keys, new()), TIMEOUT)

    replace()
    transaction.on_commit(replace)
