from django import template
from django.urls import reverse

from articles.summaries.services import summary_dashboard_counts

register = template.Library()


@register.inclusion_tag("admin/articles/_summary_dashboard.html", takes_context=True)
def summary_dashboard(context) -> dict:
    """Counts of missing, stale and failed summaries for the admin index."""
    request = context.get("request")
    if request is None or not request.user.has_perm("articles.view_article"):
        return {"counts": None}
    return {
        "counts": summary_dashboard_counts(),
        "changelist_url": reverse("admin:articles_article_changelist"),
    }
