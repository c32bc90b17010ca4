"""Site-wide answers that belong to no app: liveness, robots.txt and uploaded files."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve

from .languages import LANGUAGE_CODES


@require_GET
@never_cache
def healthz(request):
    """Liveness probe for load balancers, and the benchmark's baseline."""
    return HttpResponse("ok\n", content_type="text/plain")


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    # The admin and the previews live under each language prefix (/en/admin/, /tr/preview/).
    lines = ["User-agent: *"]
    lines += [
        f"Disallow: /{code}/{area}/" for code in LANGUAGE_CODES for area in ("admin", "preview")
    ]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def media(request, path: str):
    """Uploaded files (lead images and their renditions) from the media folder.

    WhiteNoise serves only the files it found at start, and the worker writes new ones at
    any time, so the app serves them itself; every name is new for every upload, so
    browsers may keep each for a year. With S3 storage the bucket serves them instead.
    A proxy in front may serve MEDIA_ROOT at /media/ itself (README, "Lead images").
    """
    if not isinstance(storages["default"], FileSystemStorage):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = settings.MEDIA_CACHE_CONTROL
    return response
