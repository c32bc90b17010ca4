"""Background machine drafts (Django's tasks framework, database backend)."""

from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from articles.models import MachineTranslation

from .generation import machine_translation_generate


@task
def translate_field(*, draft_id: int) -> str:
    """Draft one field's translation. Transient failures re-queue this task with back-off."""
    draft = MachineTranslation.objects.select_related("article").filter(pk=draft_id).first()
    if draft is None:
        return "skipped: draft deleted"

    def retry(delay: int) -> None:
        translate_field.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
            draft_id=draft_id
        )

    return machine_translation_generate(draft=draft, on_retry=retry)
