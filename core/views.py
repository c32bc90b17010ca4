"""Site-wide answers that belong to no app: liveness and robots.txt."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

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
