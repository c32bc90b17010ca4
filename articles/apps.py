from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pagecache import invalidation


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from .models import Article, Category, Source, SummaryState

        # The admin's own saves and deletes; the services say what they change themselves.
        for model in (Category, Source):
            invalidation.follow(model, menu_or_source_changed, renews="every page")
        invalidation.follow(Article, article_changed, renews="its pages and the lists")
        invalidation.follow(SummaryState, summary_changed, renews="its pages and the lists")
        invalidation.next_change(next_publication)


def menu_or_source_changed(_instance, created=False) -> None:
    invalidation.site_changed()


def article_changed(article, created=False) -> None:
    invalidation.article_changed(article.pk)


def summary_changed(state, created=False) -> None:
    invalidation.article_changed(state.article_id)


def next_publication():
    """A scheduled article appears on the lists at its publication time."""
    from django.db.models import Min

    from .models import Article

    return Article.objects.scheduled().aggregate(first=Min("published_at"))["first"]
