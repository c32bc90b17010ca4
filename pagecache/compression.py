"""Compressed copies of cached pages: Brotli and gzip, made once when a page is stored.

A stored page keeps, beside its text, the bytes of that text compressed with each
encoding in ``ENCODINGS``; a hit for a reader whose ``Accept-Encoding`` takes one of them
sends those bytes as they are, with no compression per request.

Only pages that are the same for every reader are compressed (BREACH): a cached page
whose holes stayed empty carries nothing of one reader's, neither a CSRF token nor a
human-check question, so a page that also echoes the address (a search) gives an
attacker nothing to guess at. A page with a filled hole (a reader's own pending comments)
is sent uncompressed, and so is every page made outside the page cache (forms sent back
with a reader's text and a fresh token, staff pages).
"""

import functools
import gzip
import re

try:  # the production dependency; a bare checkout still serves gzip
    import brotli
except ImportError:  # pragma: no cover
    brotli = None

# Fast settings: a page is compressed once per change, on a request's time; Brotli 5
# gives about gzip 9's size at a fraction of the time.
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
# Smaller bodies are sent as they are: the headers would outweigh what is saved.
MIN_SIZE = 512

ENCODINGS = ("br", "gzip") if brotli is not None else ("gzip",)

_CODING = re.compile(r"\s*([\w*-]+)\s*(?:;\s*q\s*=\s*([\d.]+))?\s*")


def compress(body: bytes) -> dict[str, bytes]:
    """``body`` in each encoding, or nothing when it is too small to gain."""
    if len(body) < MIN_SIZE:
        return {}
    encoded = {"gzip": gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)}
    if brotli is not None:
        encoded["br"] = brotli.compress(body, quality=BROTLI_QUALITY, mode=brotli.MODE_TEXT)
    return encoded


@functools.lru_cache(maxsize=64)  # browsers send a handful of spellings; 15 µs a parse
def accepted(header: str) -> tuple[str, ...]:
    """The encodings ``Accept-Encoding`` allows, among ours, best first (q=0 refuses)."""
    weights: dict[str, float] = {}
    for part in header.split(","):
        match = _CODING.fullmatch(part)
        if not match:
            continue
        name, q = match.group(1).lower(), match.group(2)
        try:
            weights[name] = float(q) if q is not None else 1.0
        except ValueError:
            weights[name] = 0.0
    star = weights.get("*", 0.0)
    chosen = [(weights.get(e, star), -i, e) for i, e in enumerate(ENCODINGS)]
    return tuple(e for weight, _i, e in sorted(chosen, reverse=True) if weight > 0)


def choose(request, encoded: dict[str, bytes]) -> str | None:
    """The encoding to answer ``request`` with, among those ``encoded`` holds."""
    header = request.META.get("HTTP_ACCEPT_ENCODING", "")
    if not header or not encoded:
        return None
    return next((e for e in accepted(header) if e in encoded), None)
