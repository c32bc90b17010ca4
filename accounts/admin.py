"""django-axes' "Access attempts" screen, where an administrator lifts a lock."""

from axes.admin import AccessAttemptAdmin
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.contrib import admin

admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class LockAdmin(AccessAttemptAdmin):
    @admin.action(description=AccessAttemptAdmin.cleanup_expired_attempts.short_description)
    def cleanup_expired_attempts(self, request, queryset):
        # axes 8.3.1 reads request.axes_attempt_time, which only a sign-in request has
        # (a server error otherwise); its proxy handler sets it on any request.
        AxesProxyHandler.update_request(request)
        return super().cleanup_expired_attempts(request, queryset)
