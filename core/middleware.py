"""Refuse requests the site cannot read, with a plain 400 before any view sees them.

``RejectNulMiddleware``: no URL of the site can contain a NUL character, and PostgreSQL
rejects NUL in text, so a NUL in the path or the query string gets a 400 instead of
reaching a view and the database. (Form fields refuse NUL themselves, with an error next
to the field.)

``RejectUnreadableCharsetMiddleware``: a body declared in a character set Python does
not know, or one that is not ASCII-compatible (UTF-16, UTF-32, UTF-7, EBCDIC), cannot be
parsed as form data safely; Django refuses URL-encoded forms in anything but UTF-8 with
an exception that the CSRF check of its own 400 page raises again (a 500). Both get a
400 here instead.
"""

import codecs
from functools import lru_cache

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

# What form data and its delimiters are made of: an ASCII-compatible charset reads
# these bytes as these characters, both ways.
FORM_ASCII = "abcxyzABCXYZ0189=&;%+-._~ "

NUL_MESSAGE = gettext_noop("The address contains characters that are not allowed.")
CHARSET_MESSAGE = gettext_noop("The form was sent in a character set this site cannot read.")


def bad_request(request, message: str) -> HttpResponseBadRequest:
    """A plain 400 in the language of the address (these run before LocaleMiddleware)."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        text = gettext(message)
    return HttpResponseBadRequest(text, content_type="text/plain; charset=utf-8")


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "%00" in query or "\x00" in query:
            return bad_request(request, NUL_MESSAGE)
        return self.get_response(request)


@lru_cache(maxsize=64)
def is_readable_charset(charset: str) -> bool:
    """Python knows ``charset`` as a text encoding that reads ASCII as ASCII."""
    try:
        info = codecs.lookup(charset)
        readable = FORM_ASCII.encode("ascii").decode(info.name) == FORM_ASCII
        return readable and FORM_ASCII.encode(info.name) == FORM_ASCII.encode("ascii")
    except (LookupError, UnicodeError, TypeError, ValueError):
        return False


def is_utf8(charset: str) -> bool:
    # Spelled as Django checks it: it refuses "utf8" for URL-encoded forms too.
    return charset.lower() == "utf-8"


class RejectUnreadableCharsetMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        charset = request.content_params.get("charset")
        if charset is not None and not self.readable(request.content_type, charset):
            return bad_request(request, CHARSET_MESSAGE)
        return self.get_response(request)

    @staticmethod
    def readable(content_type: str, charset: str) -> bool:
        if content_type == "application/x-www-form-urlencoded":
            return is_utf8(charset)  # the only one Django parses (RFC 1866)
        return is_readable_charset(charset)
