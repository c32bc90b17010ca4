from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="home"),
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
    # Staff only and never indexed, so the address stays the same in every language.
    path("preview/<str:public_id>/", views.ArticlePreviewView.as_view(), name="preview"),
]
