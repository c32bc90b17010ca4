from django.tasks import task

from . import notifications


@task
def send_moderator_digest() -> int:
    """One e-mail to moderators about every comment waiting for review."""
    return notifications.moderator_digest_send()
