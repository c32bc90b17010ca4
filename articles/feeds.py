from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Max
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.http import http_date
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from pagecache import versions
from pagecache.invalidation import STORIES

from .models import Article, Author

FEED_LENGTH = 20


def feed_last_modified(request, *args, **kwargs):
    """The latest article edit, or the last renewal of the stories' token (``STORIES``):
    a new summary (which the feed shows) or a change made with ``update()`` moves it too."""
    if not hasattr(request, "feed_last_modified"):  # asked by condition() and the feed
        latest = Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]
        renewed = versions.made_at(versions.current(STORIES))
        moments = [latest, min(renewed, timezone.now()) if renewed else None]
        request.feed_last_modified = max(filter(None, moments), default=None)
    return request.feed_last_modified


class LatestArticlesFeed(Feed):
    """RSS of the latest published articles, in the language of the URL prefix."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # Django dates the feed by its newest item, which a new summary does not move;
        # conditional requests and cached copies must see every change.
        changed = feed_last_modified(request)
        if changed is not None:
            response["Last-Modified"] = http_date(changed.timestamp())
        return response

    def title(self):
        return _("%(site)s: latest news") % {"site": settings.BROADSHEET_SITE_NAME}

    def description(self):
        return _("Technology news and explainers in English and Turkish.")

    def link(self):
        return reverse("articles:home")

    def items(self):
        return Article.objects.published().for_listing().with_reader_summary()[:FEED_LENGTH]

    # Feed readers render an item's title and description as HTML: our text is plain
    # text, so it goes out escaped, and a "<img onerror>" in it stays words on the screen.

    def item_title(self, item: Article):
        return escape(item.local.title)

    def item_description(self, item: Article):
        """The summary in the feed's language when one is ready, else the standfirst."""
        summary = item.reader_summary()
        return escape(summary.text if summary else item.local.standfirst)

    def item_link(self, item: Article):
        return item.get_absolute_url()

    def item_guid(self, item: Article):
        return f"broadsheet:{item.public_id}:{translation.get_language()}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_categories(self, item: Article):
        return [item.category.local.name]

    def item_author_name(self, item: Article):
        if authors := item.authors.all():
            return escape(get_text_list([author.name for author in authors], _("and")))
        return escape(item.source.name) if item.source else settings.BROADSHEET_SITE_NAME


class AuthorArticlesFeed(LatestArticlesFeed):
    """RSS of one author's latest published articles."""

    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, author: Author):
        return escape(
            _("%(site)s: articles by %(name)s")
            % {"site": settings.BROADSHEET_SITE_NAME, "name": author.name}
        )

    def description(self, author: Author):
        return escape(author.local.bio) or self.title(author)

    def link(self, author: Author):
        return author.get_absolute_url()

    def items(self, author: Author):
        return (
            Article.objects.published()
            .filter(authors=author)
            .for_listing()
            .with_reader_summary()[:FEED_LENGTH]
        )
