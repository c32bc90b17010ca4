from django.urls import path
from django.utils.translation import pgettext_lazy

from pagecache.decorators import cache_page_for_readers

from . import views

app_name = "pages"

urlpatterns = [
    # Renewed with the site's token: a page's change renews every page (the footer).
    path(
        pgettext_lazy("URL path", "pages/<slug:slug>/"),
        cache_page_for_readers(views.PageDetailView.as_view()),
        name="detail",
    ),
]
