from django.conf import settings
from django.contrib.sitemaps import Sitemap

from .models import Article, Author, Category, Tag


class LocalizedSitemap(Sitemap):
    """Every item once per language, each with ``xhtml:link`` alternates and x-default."""

    i18n = True
    alternates = True
    x_default = True

    def _urls(self, page, protocol, domain):
        # Django's x-default is the unprefixed path, which cannot resolve once URL
        # paths are translated ("/makaleler/..."); point it at the default language.
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            by_language = {alt["lang_code"]: alt for alt in url["alternates"]}
            if "x-default" in by_language and settings.LANGUAGE_CODE in by_language:
                by_language["x-default"]["location"] = by_language[settings.LANGUAGE_CODE][
                    "location"
                ]
        return urls

    def location(self, item):
        # Sitemap activates each language in turn; the item builds its own localized URL.
        return item.get_absolute_url()


class ArticleSitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Article.objects.published().select_related(None).order_by("-published_at")

    def lastmod(self, item: Article):
        return item.updated_at


class CategorySitemap(LocalizedSitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Category.objects.all()


class AuthorSitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return Author.objects.filter(articles__in=Article.objects.published()).distinct()


class TagSitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.3

    def items(self):
        return Tag.objects.filter(articles__in=Article.objects.published()).distinct()


SITEMAPS = {
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "authors": AuthorSitemap,
    "tags": TagSitemap,
}
