"""Refuse requests whose address carries NUL characters.

No URL of the site can contain one, and PostgreSQL rejects NUL in text, so a NUL in the
path or the query string gets a plain 400 instead of reaching a view and the database.
(Form fields refuse NUL themselves, with an error next to the field.)
"""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "%00" in query or "\x00" in query:
            return HttpResponseBadRequest(
                gettext("The address contains characters that are not allowed."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
