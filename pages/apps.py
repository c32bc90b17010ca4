from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pagecache import invalidation


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Footer pages")

    def ready(self):
        from articles.signals import demo_loaded

        from .demo import load_demo_pages
        from .models import Page

        # Every page's footer links the published pages, so any change renews every page.
        invalidation.follow(Page, page_changed, renews="every page")
        demo_loaded.connect(load_demo_pages, dispatch_uid="pages-demo")


def page_changed(_page, created=False) -> None:
    invalidation.site_changed()
