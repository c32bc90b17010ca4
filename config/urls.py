from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from articles import views as article_views

urlpatterns = [
    path("robots.txt", article_views.robots_txt, name="robots_txt"),
    path("a/<str:public_id>/", article_views.short_link, name="article_short"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("comments/", include("comments.urls")),
    path("", include("articles.urls")),
)
