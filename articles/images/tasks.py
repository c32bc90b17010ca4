"""Background work on lead images (Django's tasks framework, database backend)."""

from django.tasks import task

from articles.models import Article

from .renditions import image_files_delete, renditions_make


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


@task
def delete_image_files(*, source: str) -> str:
    """Delete a replaced or removed image and its copies, unless an article shows it again."""
    if source and not Article.objects.filter(lead_image=source).exists():
        image_files_delete(storage=Article._meta.get_field("lead_image").storage, source=source)
        return "deleted"
    return "kept: still in use"
