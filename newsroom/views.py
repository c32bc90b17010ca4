from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from . import progress


def translation_progress(request):
    """Per language: interface strings and articles, translated, out of date, drafted."""
    if not progress.has_any(request.user):
        raise PermissionDenied
    context = {
        **admin.site.each_context(request),
        "title": gettext("Translation progress"),
        "rows": progress.language_progress(request.user),
    }
    return TemplateResponse(request, "admin/newsroom/progress.html", context)
