from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import page_cache
        from .models import Article, Category, Source, SummaryState

        # Categories and sources show on every page: they forget every cached page.
        for model in (Category, Source):
            post_save.connect(page_cache.invalidate, sender=model, dispatch_uid=f"page-{model}")
            post_delete.connect(page_cache.invalidate, sender=model, dispatch_uid=f"pd-{model}")
        # An article renews its own page and the lists; a summary, its article's page.
        for model in (Article, SummaryState):
            post_save.connect(page_cache.article_changed, sender=model, dispatch_uid=f"v-{model}")
            post_delete.connect(
                page_cache.article_changed, sender=model, dispatch_uid=f"vd-{model}"
            )
