"""The task worker: django-tasks-db's ``db_worker``, plus recovery of abandoned tasks.

A worker that is killed (OOM, a lost machine, ``kill -9``) leaves its task marked
RUNNING for ever. Every worker therefore also puts back into the queue any task that
has been RUNNING for longer than ``BROADSHEET_TASK_LEASE_SECONDS``, so that another
worker picks it up. The tasks themselves are idempotent, so a task that was in fact
still running elsewhere does no harm when it runs again.

Every worker also runs the upkeep schedule (``operations.upkeep``): a heartbeat, and
the periodic jobs whose interval has come, each claimed by one worker only, every
``BROADSHEET_UPKEEP_TICK_SECONDS`` in a thread of its own. ``--batch`` (run what is
queued and exit) leaves the schedule alone: ``manage.py upkeep`` runs it once.

A database locked for longer than the connection's timeout (SQLite's one write lock, held
by a long write elsewhere) stops none of this: each part logs a warning and tries again.
"""

import os
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.core.management.base import CommandError
from django.db import (
    DatabaseError,
    OperationalError,
    close_old_connections,
    connection,
    connections,
)
from django.tasks import TaskResultStatus
from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import is_locked_database_exception

from operations import upkeep


def requeue_abandoned_tasks(*, older_than: timedelta) -> int:
    """Put tasks RUNNING for longer than ``older_than`` back into the queue."""
    cutoff = timezone.now() - older_than
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY, started_at=None)


class Worker(db_worker.Worker):
    """``db_worker``'s loop, which outlasts a locked database.

    The loop waits for the write lock to claim each task; once it has waited the
    connection's timeout (SQLite's busy timeout) it gets "database is locked", and
    ``db_worker`` would exit. This one logs a warning, pauses and goes on. SIGTERM works as
    before: at once between tasks (during the pause too), after the task under way.
    """

    def run(self) -> None:
        while True:
            try:
                return super().run()
            except OperationalError as error:
                if not is_locked_database_exception(error):
                    raise
            connections.close_all()
            if not self.running:  # asked to stop while it waited
                return None
            pause = max(self.interval, 1.0)
            db_worker.logger.warning(
                "The database is locked (another process has been writing for longer than "
                "the timeout); trying again in %g s.",
                pause,
            )
            self.startup_delay = False
            time.sleep(pause)


class Command(db_worker.Command):
    help = (
        "Run queued background tasks (django-tasks-db's db_worker), and put back tasks "
        "whose worker died in the middle of them."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--lease",
            type=float,
            default=None,
            help="Seconds a task may stay RUNNING before it is given to another worker "
            "(default: BROADSHEET_TASK_LEASE_SECONDS).",
        )
        parser.add_argument(
            "--no-upkeep",
            action="store_true",
            help="Do not run the periodic upkeep jobs (nor send this worker's heartbeat).",
        )

    def handle(self, *args, **options):
        lease = options.pop("lease")
        lease = timedelta(
            seconds=settings.BROADSHEET_TASK_LEASE_SECONDS if lease is None else lease
        )
        no_upkeep = options.pop("no_upkeep")
        self.reclaim(lease)
        stop, upkeep_thread = threading.Event(), None
        if not options.get("batch"):
            # Daemon threads: they end with the process, when db_worker stops.
            threading.Thread(target=self.reclaim_periodically, args=(lease,), daemon=True).start()
            if not no_upkeep:
                upkeep_thread = threading.Thread(
                    target=upkeep.run_forever, kwargs={"stop": stop}, daemon=True
                )
                upkeep_thread.start()
        try:
            return self.run_worker(**options)
        finally:
            # An upkeep job under way finishes and records its outcome before the process
            # ends (on SIGTERM too), instead of staying "running" until its next interval.
            stop.set()
            if upkeep_thread is not None:
                upkeep_thread.join(timeout=30)

    def run_worker(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options,
    ) -> None:
        """``db_worker.Command.handle`` (django-tasks-db 0.13) with the ``Worker`` above."""
        self.configure_logging(verbosity)
        if reload and batch:
            db_worker.logger.warning(
                "Warning: --reload and --batch cannot be specified together. Disabling autoreload."
            )
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # in the reloader's child only
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()

    def reclaim(self, lease: timedelta) -> None:
        count = requeue_abandoned_tasks(older_than=lease)
        if count:
            self.stderr.write(
                self.style.WARNING(f"Requeued {count} task(s) abandoned by a stopped worker.")
            )

    def reclaim_periodically(self, lease: timedelta) -> None:
        interval = max(5.0, lease.total_seconds() / 4)
        while True:
            time.sleep(interval)
            close_old_connections()
            try:
                self.reclaim(lease)
            except DatabaseError as error:
                # Locked or away for a moment: the next round tries again (an exception
                # here would end the thread, and no task would be put back any more).
                db_worker.logger.warning(
                    "Could not put back abandoned tasks (%s); trying again in %g s.",
                    error,
                    interval,
                )
            finally:
                connection.close()
