from django.urls import path
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import condition

from pagecache.decorators import cache_page_for_readers
from pagecache.invalidation import LISTS, SEARCH, STORIES

from . import views
from .feeds import AuthorArticlesFeed, LatestArticlesFeed, feed_last_modified

app_name = "articles"

urlpatterns = [
    path(
        "",
        cache_page_for_readers(views.HomeView.as_view(), depends=[LISTS], query=["page"]),
        name="home",
    ),
    path(
        pgettext_lazy("URL path", "feed/"),
        cache_page_for_readers(
            condition(last_modified_func=feed_last_modified)(LatestArticlesFeed()),
            depends=[STORIES],
        ),
        name="feed",
    ),
    # Results change with any article (LISTS) and with the index (SEARCH).
    path(
        pgettext_lazy("URL path", "search/"),
        cache_page_for_readers(
            views.SearchView.as_view(), depends=[LISTS, SEARCH], query=["q", "page"]
        ),
        name="search",
    ),
    path(
        pgettext_lazy("URL path", "category/<slug:slug>/"),
        cache_page_for_readers(views.CategoryView.as_view(), depends=[LISTS], query=["page"]),
        name="category",
    ),
    path(
        pgettext_lazy("URL path", "tags/<slug:slug>/"),
        cache_page_for_readers(views.TagView.as_view(), depends=[LISTS], query=["page"]),
        name="tag",
    ),
    # Author changes renew every page (bylines are everywhere), article changes the lists.
    path(
        pgettext_lazy("URL path", "authors/<slug:slug>/"),
        cache_page_for_readers(views.AuthorView.as_view(), depends=[LISTS], query=["page"]),
        name="author",
    ),
    path(
        pgettext_lazy("URL path", "authors/<slug:slug>/feed/"),
        cache_page_for_readers(
            condition(last_modified_func=feed_last_modified)(AuthorArticlesFeed()),
            depends=[STORIES],
        ),
        name="author_feed",
    ),
    path(
        pgettext_lazy("URL path", "articles/<public_id:public_id>/<slug:slug>/"),
        # The comments' page and order, and the comment a reply answers (comments.fragments).
        cache_page_for_readers(
            views.ArticleDetailView.as_view(), query=["comments", "order", "reply_to"]
        ),
        name="detail",
    ),
    # Staff only and never indexed, so the address stays the same in every language.
    path("preview/<public_id:public_id>/", views.ArticlePreviewView.as_view(), name="preview"),
]
