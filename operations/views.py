"""Readiness for load balancers, the 500 page with its request id, and metrics."""

import ipaddress

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseForbidden, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

from .readiness import readiness
from .requestid import current_request_id


@require_GET
@never_cache
def readyz(request):
    """200 when this process can serve readers (database, cache, migrations applied and a
    task worker alive), 503 with the failing checks otherwise. A load balancer sends
    traffic by this; ``/healthz`` only says the process is alive."""
    results = readiness()
    failing = {name: reason for name, reason in results.items() if reason}
    if failing:
        return JsonResponse({"status": "unavailable", "failing": failing}, status=503)
    return JsonResponse({"status": "ok", "checks": sorted(results)})


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """Django's own 500 view, with the request id a reader can quote to the newsroom."""
    request_id = getattr(request, "request_id", "") or current_request_id()
    try:
        template = loader.get_template(template_name)
        body = template.render({"request_id": request_id})
    except Exception:
        body = f"<h1>Server Error (500)</h1><p>{request_id}</p>"
    return HttpResponse(body, status=500)


def _metrics_allowed(request) -> bool:
    token = settings.BROADSHEET_METRICS_TOKEN
    if token and request.headers.get("Authorization", "") == f"Bearer {token}":
        return True
    try:
        client = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(
        client in ipaddress.ip_network(allowed, strict=False)
        for allowed in settings.BROADSHEET_METRICS_ALLOWED
    )


@require_GET
@never_cache
def metrics(request):
    """Prometheus metrics (operations.metrics), to the addresses and token allowed only."""
    if not settings.BROADSHEET_METRICS:
        raise Http404
    if not _metrics_allowed(request):
        return HttpResponseForbidden("forbidden\n", content_type="text/plain")
    from prometheus_client import CONTENT_TYPE_LATEST

    from .metrics import render

    return HttpResponse(render(), content_type=CONTENT_TYPE_LATEST)
