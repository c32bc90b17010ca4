"""Background generation of summaries (Django's tasks framework, database backend)."""

from datetime import timedelta

from django.tasks import task
from django.utils import timezone, translation

from articles.models import Article

from .generation import summary_generate
from .priority import summary_priority


@task
def generate_summary(*, article_id: int, language: str, token: str, force: bool = False) -> str:
    """Write one summary. Transient failures re-queue this task with back-off.

    Outside any request, so the target language is activated explicitly for every
    read and write of translated fields.
    """
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return "skipped: article deleted"

    def retry(delay: int) -> None:
        generate_summary.using(
            run_after=timezone.now() + timedelta(seconds=delay),
            priority=summary_priority(article=article, language=language),
        ).enqueue(article_id=article_id, language=language, token=token, force=force)

    with translation.override(language):
        outcome = summary_generate(
            article=article, language=language, force=force, token=token, on_retry=retry
        )
    return f"{outcome.status}: {outcome.detail}" if outcome.detail else str(outcome.status)
