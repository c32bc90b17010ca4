from django.contrib import admin

from .models import JobRun, WorkerHeartbeat


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    """The upkeep schedule's record, to read: the worker writes it."""

    list_display = ["job", "slot_start", "outcome", "started_at", "finished_at", "worker"]
    list_filter = ["job", "outcome"]
    readonly_fields = [field.name for field in JobRun._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    list_display = ["worker", "seen_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
