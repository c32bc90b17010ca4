"""Is this process ready for readers? The checks behind ``/readyz``.

Each check returns None when all is well, or a short reason. They are cheap: one
``SELECT 1``, one cache write and read, the migration plan (computed once per process
when nothing is pending: the code cannot change under a running process), and one
query for the freshest worker heartbeat.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

_migrations_applied = False


def check_database() -> str | None:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        return f"database unavailable: {type(error).__name__}"
    return None


def check_cache() -> str | None:
    key = f"operations:readyz:{uuid.uuid4().hex}"
    try:
        cache = caches["default"]
        cache.set(key, "1", timeout=10)
        answered = cache.get(key)
        cache.delete(key)
    except Exception as error:
        return f"cache unavailable: {type(error).__name__}"
    if answered != "1":
        return "cache unavailable: it did not keep a value"
    return None


def check_migrations() -> str | None:
    global _migrations_applied
    if _migrations_applied:
        return None
    try:
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as error:
        return f"migrations unknown: {type(error).__name__}"
    if plan:
        return f"{len(plan)} migration(s) not applied (run manage.py migrate)"
    _migrations_applied = True
    return None


def check_worker() -> str | None:
    from .models import WorkerHeartbeat

    cutoff = timezone.now() - timedelta(seconds=settings.BROADSHEET_WORKER_STALE_SECONDS)
    try:
        seen = WorkerHeartbeat.objects.filter(seen_at__gte=cutoff).exists()
    except Exception as error:
        return f"worker unknown: {type(error).__name__}"
    if not seen:
        return (
            f"no task worker seen in {settings.BROADSHEET_WORKER_STALE_SECONDS} seconds "
            "(run manage.py worker)"
        )
    return None


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "migrations": check_migrations,
    "worker": check_worker,
}


def readiness() -> dict[str, str | None]:
    """Each check's reason for not being ready (None: fine). Checks that need the
    database are not tried when it does not answer."""
    results = {"database": check_database(), "cache": check_cache()}
    for name in ("migrations", "worker"):
        results[name] = "database unavailable" if results["database"] else CHECKS[name]()
    return results


class ProbeMiddleware:
    """Answers the load balancer's probes (``/healthz``, ``/readyz``) before the rest of
    the middleware: a probe needs no session, language, HTTPS redirect or host check
    (load balancers probe by address over plain HTTP), and must not fail because a
    middleware below wants the very database whose absence it reports."""

    PATHS = ("/healthz", "/readyz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info in self.PATHS:
            from django.urls import resolve

            return resolve(request.path_info).func(request)
        return self.get_response(request)
