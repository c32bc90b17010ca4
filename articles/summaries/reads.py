"""What the back office reads about summaries beyond a filter: the dashboard's counts.

The filter itself ("articles with a stale summary") is
``SummaryState.objects.article_filter()``, shared with the admin's list filter so that
a count on the dashboard and the list it links to always agree.
"""

from articles.models import Article, SummaryState

State = SummaryState.State


def summary_dashboard_counts() -> dict[str, int]:
    """Published articles with a missing, stale or failed summary (any language)."""
    published = Article.objects.filter(status=Article.Status.PUBLISHED)
    return {
        state: published.filter(SummaryState.objects.article_filter(state)).count()
        for state in (State.MISSING, State.STALE, State.FAILED)
    }
