from django.tasks import task

from . import services


@task
def send_moderator_digest() -> int:
    """One e-mail to moderators about every comment waiting for review."""
    return services.moderator_digest_send()
