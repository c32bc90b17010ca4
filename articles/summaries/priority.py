"""Which summaries the worker writes first."""

from articles.models import Article

# Task priorities (Django's tasks, -100 to 100, higher runs first; django-tasks-db orders
# its queue by them). A reader of a page whose body is untranslated gets the summary
# in place of the text, so those summaries are written first.
PRIORITY_UNTRANSLATED_BODY = 10
PRIORITY_DEFAULT = 0


def summary_priority(*, article: Article, language: str) -> int:
    """How urgently readers of ``language`` need ``article``'s summary."""
    if language != article.original_language and not getattr(article, f"body_{language}", ""):
        return PRIORITY_UNTRANSLATED_BODY
    return PRIORITY_DEFAULT
