"""Who the client is: the address a request came from, behind any trusted proxies.

``BROADSHEET_TRUSTED_PROXIES`` says how many proxies of our own stand in front of the
app server. With none, the client is ``REMOTE_ADDR``. With N, each of them appended the
address it saw to ``X-Forwarded-For``, so the N right-most entries were written by our
proxies and the N-th from the right is the address the outermost one saw: the client.
Anything further left was written by the client and proves nothing.

Everything that limits or recognises clients (comment limits, the staff sign-in
throttle) asks ``client_ip(request)``.
"""

import ipaddress
import logging

from django.conf import settings
from django.http import HttpRequest

logger = logging.getLogger(__name__)
_warned: set[str] = set()


def _warn_once(reason: str, message: str, *args) -> None:
    if reason not in _warned:
        _warned.add(reason)
        logger.warning(message, *args)


def _normalised(value: str) -> str | None:
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    return str(mapped or address)


def client_ip(request: HttpRequest) -> str:
    """The client's address, as the outermost trusted proxy saw it ("" when unknown)."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    remote = _normalised(remote) or remote
    trusted = settings.BROADSHEET_TRUSTED_PROXIES
    if trusted <= 0:
        return remote
    chain = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if not chain[-1].strip() or len(chain) < trusted:
        _warn_once(
            "short",
            "BROADSHEET_TRUSTED_PROXIES is %s but a request came with fewer X-Forwarded-For "
            "entries; using REMOTE_ADDR. Check the setting and the proxies' configuration.",
            trusted,
        )
        return remote
    address = _normalised(chain[-trusted])
    if address is None:
        _warn_once(
            "invalid",
            "The X-Forwarded-For entry written by the outermost trusted proxy is not an "
            "address; using REMOTE_ADDR. Check BROADSHEET_TRUSTED_PROXIES.",
        )
        return remote
    return address
