"""Background work on lead images (Django's tasks framework, database backend)."""

from django.tasks import task

from articles.models import Article

from .renditions import renditions_make


@task
def make_renditions(*, article_id: int, source: str) -> str:
    """Make the copies of ``source``, the article's lead image when it was queued.

    Idempotent: run twice, it makes the same files again under the same names.
    """
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return "skipped: article deleted"
    if (article.lead_image.name or "") != source:
        return "skipped: the image changed since; a newer task makes its copies"
    data = renditions_make(article=article)
    return f"made {sum(len(c) for c in data.get('files', {}).values())} copies" if data else "none"
