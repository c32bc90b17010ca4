from django.tasks import task

from . import notifications


@task
def send_moderator_digest() -> int:
    """One e-mail to moderators about every comment waiting for review."""
    return notifications.moderator_digest_send()


@task
def send_address_confirmation(address_id: int, language: str) -> bool:
    """The link confirming a commenter's e-mail address."""
    return notifications.address_confirmation_send(address_id, language)


@task
def send_approval_notices(comment_ids: list[int]) -> int:
    """Tell commenters who asked that their comment is published, or answered."""
    return notifications.approval_notices_send(comment_ids)
