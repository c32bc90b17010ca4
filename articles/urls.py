from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views
from .feeds import LatestArticlesFeed

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="home"),
    path(pgettext_lazy("URL path", "feed/"), LatestArticlesFeed(), name="feed"),
    path(pgettext_lazy("URL path", "search/"), views.SearchView.as_view(), name="search"),
    path(
        pgettext_lazy("URL path", "category/<slug:slug>/"),
        views.CategoryView.as_view(),
        name="category",
    ),
    path(
        pgettext_lazy("URL path", "articles/<str:public_id>/<slug:slug>/"),
        views.ArticleDetailView.as_view(),
        name="detail",
    ),
]
