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
"""

import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from operations import upkeep


def requeue_abandoned_tasks(*, older_than: timedelta) -> int:
    """Put tasks RUNNING for longer than ``older_than`` back into the queue."""
    cutoff = timezone.now() - older_than
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY, started_at=None)


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
            return super().handle(*args, **options)
        finally:
            # An upkeep job under way finishes and records its outcome before the process
            # ends (on SIGTERM too), instead of staying "running" until its next interval.
            stop.set()
            if upkeep_thread is not None:
                upkeep_thread.join(timeout=30)

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
            finally:
                connection.close()
