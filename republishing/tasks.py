"""Background work of the republishing desk (Django's tasks framework)."""

from django.tasks import task

from .models import FeedCheck, ImportRequest
from .services import feed_check_run, import_run


@task
def run_import(*, request_id: int) -> str:
    request = ImportRequest.objects.select_related("source", "category").filter(pk=request_id)
    request = request.first()
    if request is None:
        return "skipped: request deleted"
    import_run(request=request)
    return f"{request.status}: {request.problem_code}" if request.problem_code else request.status


@task
def run_feed_check(*, check_id: int) -> str:
    check = FeedCheck.objects.select_related("source").filter(pk=check_id).first()
    if check is None:
        return "skipped: check deleted"
    feed_check_run(check=check)
    return f"{check.status}: {check.new_entries} new"
