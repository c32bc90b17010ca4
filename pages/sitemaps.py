from articles.sitemaps import LocalizedSitemap

from .models import Page


class PageSitemap(LocalizedSitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return Page.objects.published()

    def lastmod(self, item: Page):
        return item.updated_at
