"""Fetching a page or a feed from an address an editor typed: safely.

Only ``http`` and ``https``; every address a request goes to (the first and each
redirect, at most ``MAX_REDIRECTS``) is resolved here, and each of its IP addresses is
checked: loopback, private, link-local, multicast, reserved and unspecified ranges are
refused unless ``BROADSHEET_REPUBLISHING_ALLOW_PRIVATE_ADDRESSES`` is on (tests and
local use). The connection then goes to the checked IP itself (the host name is sent as
``Host`` and, for TLS, as the server name and the name the certificate must carry), so
a second DNS answer cannot point the request somewhere else (DNS rebinding).

The body is read in chunks up to ``BROADSHEET_REPUBLISHING_MAX_BYTES`` within
``BROADSHEET_REPUBLISHING_TIMEOUT`` seconds in all; the content type must be one the
caller accepts. Every refusal is a ``FetchError`` with a code the editor's message is
chosen by (``republishing.problems``).
"""

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings

MAX_REDIRECTS = 5
CHUNK = 64 * 1024
USER_AGENT = "Broadsheet republishing desk (+https://github.com/broadsheet)"

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
)


class FetchError(Exception):
    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Fetched:
    url: str  # where the content came from, after redirects
    content: bytes
    content_type: str
    charset: str | None


def allow_private() -> bool:
    return bool(getattr(settings, "BROADSHEET_REPUBLISHING_ALLOW_PRIVATE_ADDRESSES", False))


def check_url(url: str):
    """The parts of ``url`` if it is one we may fetch at all (scheme and host)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError("scheme", parts.scheme or url)
    if not parts.hostname:
        raise FetchError("address", url)
    if parts.username or parts.password:
        raise FetchError("address", url)
    return parts


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve(host: str, port: int) -> str:
    """One IP address of ``host`` to connect to, every one of its addresses checked."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError("unresolvable", host) from error
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if not addresses:
        raise FetchError("unresolvable", host)
    if not allow_private():
        refused = [ip for ip in addresses if not is_public(ip)]
        if refused:
            raise FetchError("private", f"{host} → {refused[0]}")
    return str(addresses[0])


def fetch(url: str, *, accept: tuple[str, ...]) -> Fetched:
    """GET ``url`` (following checked redirects) and return a body of an ``accept`` type."""
    timeout = float(settings.BROADSHEET_REPUBLISHING_TIMEOUT)
    limit = int(settings.BROADSHEET_REPUBLISHING_MAX_BYTES)
    deadline = time.monotonic() + timeout
    for _hop in range(MAX_REDIRECTS + 1):
        response = _request(url, deadline=deadline)
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location")
                if not location:
                    raise FetchError("status", str(response.status))
                url = urljoin(url, location.strip())
                continue
            if response.status != 200:
                raise FetchError("status", str(response.status))
            content_type, charset = _content_type(response.headers.get("Content-Type", ""))
            if content_type not in accept:
                raise FetchError("content_type", content_type or "—")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchError("too_large", declared)
            content = _read(response, limit=limit, deadline=deadline)
            return Fetched(url=url, content=content, content_type=content_type, charset=charset)
        finally:
            response.release_conn()
            response.close()
    raise FetchError("redirects", str(MAX_REDIRECTS))


def _request(url: str, *, deadline: float) -> urllib3.BaseHTTPResponse:
    parts = check_url(url)
    https = parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    ip = resolve(parts.hostname, port)
    remaining = _remaining(deadline)
    options = {"timeout": urllib3.Timeout(connect=remaining, read=remaining), "retries": False}
    if https:
        pool = urllib3.HTTPSConnectionPool(
            ip, port, server_hostname=parts.hostname, assert_hostname=parts.hostname, **options
        )
    else:
        pool = urllib3.HTTPConnectionPool(ip, port, **options)
    host_header = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    try:
        return pool.urlopen(
            "GET",
            path,
            headers={
                "Host": host_header,
                "User-Agent": USER_AGENT,
                "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
                "application/atom+xml, application/xml;q=0.9, */*;q=0.1",
            },
            redirect=False,
            preload_content=False,
            decode_content=True,
        )
    except urllib3.exceptions.TimeoutError as error:
        raise FetchError("timeout", str(int(settings.BROADSHEET_REPUBLISHING_TIMEOUT))) from error
    except urllib3.exceptions.HTTPError as error:
        raise FetchError("connection", parts.hostname) from error


def _read(response, *, limit: int, deadline: float) -> bytes:
    chunks, size = [], 0
    try:
        for chunk in response.stream(CHUNK):
            size += len(chunk)
            if size > limit:
                raise FetchError("too_large", str(size))
            if time.monotonic() > deadline:
                raise FetchError("timeout", str(int(settings.BROADSHEET_REPUBLISHING_TIMEOUT)))
            chunks.append(chunk)
    except urllib3.exceptions.TimeoutError as error:
        raise FetchError("timeout", str(int(settings.BROADSHEET_REPUBLISHING_TIMEOUT))) from error
    except urllib3.exceptions.HTTPError as error:
        raise FetchError("connection", str(error)) from error
    return b"".join(chunks)


def _remaining(deadline: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError("timeout", str(int(settings.BROADSHEET_REPUBLISHING_TIMEOUT)))
    return remaining


def _content_type(header: str) -> tuple[str, str | None]:
    main, *params = (part.strip() for part in header.split(";"))
    charset = None
    for param in params:
        name, _sep, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return main.lower(), charset
