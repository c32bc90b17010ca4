"""The upkeep schedule's record: one row per job and interval, and the workers seen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobRunQuerySet(models.QuerySet):
    def latest_per_job(self) -> dict[str, "JobRun"]:
        """The most recent run of each job, by job name."""
        # Runs are claimed in time order, so a job's latest run has its highest id.
        last_ids = self.values("job").annotate(last=models.Max("id")).values("last")
        return {run.job: run for run in self.filter(pk__in=last_ids)}


class JobRun(models.Model):
    """One job's run in one interval. The unique (job, slot) row is the claim: the worker
    whose INSERT succeeds runs the job, every other worker's INSERT fails and it moves on,
    so with any number of workers a job runs once per interval."""

    class Outcome(models.TextChoices):
        RUNNING = "running", _("Running")
        OK = "ok", _("Succeeded")
        FAILED = "failed", _("Failed")

    job = models.CharField(_("job"), max_length=100)
    # Seconds since the epoch divided by the job's interval: the interval's number.
    slot = models.BigIntegerField(_("slot"))
    slot_start = models.DateTimeField(_("interval start"))
    next_run = models.DateTimeField(_("next run"))
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome, default=Outcome.RUNNING
    )
    message = models.TextField(_("message"), blank=True)
    worker = models.CharField(_("worker"), max_length=200)

    objects = JobRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("upkeep job run")
        verbose_name_plural = _("upkeep job runs")
        ordering = ["-slot_start", "job"]
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="operations_jobrun_once_per_slot")
        ]
        indexes = [models.Index(fields=["job", "-slot_start"], name="operations_jobrun_latest")]

    def __str__(self):
        return f"{self.job} @ {self.slot_start:%Y-%m-%d %H:%M}"


class WorkerHeartbeat(models.Model):
    """A task worker's last sign of life (readiness wants one seen recently)."""

    worker = models.CharField(_("worker"), max_length=200, unique=True)
    seen_at = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return self.worker
