"""Upkeep that runs itself: periodic jobs run by the task worker, with no cron.

Apps register their jobs in their ``AppConfig.ready()``::

    from operations import upkeep
    upkeep.register("search_index", label=_("Search index catch-up"), every=3600,
                    command="search_index")

Time is cut into intervals of each job's length, counted from the epoch. Every worker
looks every ``BROADSHEET_UPKEEP_TICK_SECONDS`` for jobs whose current interval has no
run yet and claims one by inserting its (job, interval) row: the unique constraint lets
exactly one INSERT win, so however many workers run, each job runs once per interval.
A failed run is recorded and tried again in the next interval. ``BROADSHEET_UPKEEP``
sets a job's interval in seconds by name; 0 turns it off.
"""

import io
import logging
import os
import socket
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, close_old_connections, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    label: str
    every: int  # the registered default, in seconds; see interval()
    run: Callable[[], str | None]
    command: str | None = None
    args: tuple = field(default=())

    @property
    def interval(self) -> int:
        """Seconds between runs (the ``BROADSHEET_UPKEEP`` setting wins); 0: off."""
        return int(getattr(settings, "BROADSHEET_UPKEEP", {}).get(self.name, self.every))

    def slot(self, now: datetime) -> int:
        return int(now.timestamp()) // self.interval

    def slot_start(self, slot: int) -> datetime:
        return datetime.fromtimestamp(slot * self.interval, tz=UTC)


_registry: dict[str, Job] = {}


def register(
    name: str,
    *,
    label,
    every: int,
    func: Callable[[], str | None] | None = None,
    command: str | None = None,
    args: tuple | list = (),
) -> Job:
    """Run ``func()`` (its return value is the run's message) or the management command
    ``command`` with ``args`` (its output is the message) every ``every`` seconds."""
    if (func is None) == (command is None):
        raise ValueError("An upkeep job runs either a function or a command.")
    if func is None:

        def func() -> str:
            out = io.StringIO()
            call_command(command, *args, stdout=out, stderr=out)
            return out.getvalue()

    job = Job(name=name, label=label, every=every, run=func, command=command, args=tuple(args))
    _registry[name] = job
    return job


def jobs() -> list[Job]:
    """Every registered job, in the order registered."""
    return list(_registry.values())


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def heartbeat(*, worker: str | None = None, now: datetime | None = None) -> None:
    from .models import WorkerHeartbeat

    WorkerHeartbeat.objects.update_or_create(
        worker=worker or worker_name(), defaults={"seen_at": now or timezone.now()}
    )


def claim(job: Job, *, now: datetime, worker: str):
    """The new run of ``job`` in the interval holding ``now``, or None when that
    interval's run is already claimed (by this worker or any other)."""
    from .models import JobRun

    slot = job.slot(now)
    start = job.slot_start(slot)
    try:
        with transaction.atomic():
            return JobRun.objects.create(
                job=job.name,
                slot=slot,
                slot_start=start,
                next_run=start + timedelta(seconds=job.interval),
                started_at=now,
                worker=worker,
            )
    except IntegrityError:
        return None


def run_due(*, now: datetime | None = None, worker: str | None = None) -> list[str]:
    """Run every job whose current interval has no run yet; the names of those run here."""
    from .models import JobRun

    worker = worker or worker_name()
    ran = []
    for job in jobs():
        if job.interval <= 0:
            continue
        run = claim(job, now=now or timezone.now(), worker=worker)
        if run is None:
            continue
        ran.append(job.name)
        try:
            message = job.run() or ""
        except Exception:
            logger.exception("Upkeep job %s failed", job.name)
            run.outcome = JobRun.Outcome.FAILED
            run.message = traceback.format_exc(limit=5)[-4000:]
        else:
            run.outcome = JobRun.Outcome.OK
            run.message = message.strip()[-4000:]
        run.finished_at = timezone.now()
        run.save(update_fields=["outcome", "message", "finished_at"])
    return ran


def tick(*, worker: str | None = None) -> list[str]:
    """One look at the schedule: a heartbeat, then the jobs that are due."""
    worker = worker or worker_name()
    heartbeat(worker=worker)
    return run_due(worker=worker)


def run_forever(*, worker: str | None = None, stop: threading.Event | None = None) -> None:
    """The worker's upkeep thread: a tick every ``BROADSHEET_UPKEEP_TICK_SECONDS``."""
    from django.db import connection

    stop = stop or threading.Event()
    while not stop.is_set():
        close_old_connections()
        try:
            tick(worker=worker)
        except Exception:
            # The database may be away for a moment; the next tick tries again.
            logger.exception("Upkeep tick failed")
        finally:
            connection.close()
        stop.wait(settings.BROADSHEET_UPKEEP_TICK_SECONDS)


def prune_history() -> str:
    """Finished task results (django-tasks-db's ``prune_db_task_results``, its default
    ages) and upkeep runs older than ``BROADSHEET_UPKEEP_HISTORY_DAYS``."""
    from django_tasks_db.models import DBTaskResult

    from .models import JobRun

    before = DBTaskResult.objects.count()
    call_command("prune_db_task_results", verbosity=0)
    tasks = before - DBTaskResult.objects.count()
    cutoff = timezone.now() - timedelta(days=settings.BROADSHEET_UPKEEP_HISTORY_DAYS)
    runs, _by_model = JobRun.objects.filter(started_at__lt=cutoff).delete()
    return f"Deleted {tasks} finished task result(s) and {runs} upkeep run(s)."


@dataclass(frozen=True)
class JobStatus:
    job: Job
    last_run: object  # JobRun | None
    next_run: datetime | None


def schedule(*, now: datetime | None = None) -> list[JobStatus]:
    """Each job's last run and when it runs next (None: turned off), for the dashboard."""
    from .models import JobRun

    now = now or timezone.now()
    latest = JobRun.objects.filter(job__in=[job.name for job in jobs()]).latest_per_job()
    statuses = []
    for job in jobs():
        last = latest.get(job.name)
        if job.interval <= 0:
            next_run = None
        elif last is not None and last.slot == job.slot(now):
            next_run = job.slot_start(job.slot(now) + 1)
        else:
            next_run = now  # due: the next tick of any worker runs it
        statuses.append(JobStatus(job=job, last_run=last, next_run=next_run))
    return statuses
