from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, register_converter
from django.views.decorators.cache import cache_control

from articles import views as article_views
from articles.converters import PublicIdConverter
from articles.sitemaps import SITEMAPS
from catalogues.views import JavaScriptCatalog
from core import views as core_views
from newsroom import views as newsroom_views
from operations import views as operations_views
from pagecache.assets import versioned
from pagecache.decorators import cache_page_for_readers
from pagecache.invalidation import STORIES
from pages.sitemaps import PageSitemap

register_converter(PublicIdConverter, "public_id")

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", operations_views.readyz, name="readyz"),
    path("metrics", operations_views.metrics, name="metrics"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    # Cached like the pages it lists (BROADSHEET_PAGE_CACHE_PATHS): every article's change
    # renews it (STORIES), as every category, author, tag and page's does (SITE).
    path(
        "sitemap.xml",
        cache_page_for_readers(sitemap, depends=[STORIES]),
        {"sitemaps": {**SITEMAPS, "pages": PageSitemap}},
        name="sitemap",
    ),
    path("a/<public_id:public_id>/", article_views.short_link, name="article_short"),
    path("media/<path:path>", core_views.media, name="media"),
]

urlpatterns += i18n_patterns(
    # Staff sign-in (login with a second factor, one's own security) comes before the admin.
    path("admin/", include("accounts.urls")),
    path("admin/passkeys/", include("accounts.passkey_urls")),
    path(
        "admin/progress/",
        admin.site.admin_view(newsroom_views.translation_progress),
        name="translation_progress",
    ),
    path("admin/", admin.site.urls),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    # The comments' script catalogue (comments:jsi18n) with the desk's translations on top:
    # this route comes first and answers at the same address.
    path(
        "comments/jsi18n.js",
        cache_control(max_age=3600, public=True)(JavaScriptCatalog.as_view(packages=["comments"])),
    ),
    # Its long-lived address (the version names the catalogue and the desk's edits).
    path(
        "comments/jsi18n.<slug:version>.js",
        versioned(
            JavaScriptCatalog.as_view(packages=["comments"]), url_name="comments:jsi18n_versioned"
        ),
    ),
    path("comments/", include("comments.urls")),
    path("", include("pages.urls")),
    path("", include("articles.urls")),
)

# The 500 page with the request id a reader can quote (operations.requestid).
handler500 = "operations.views.server_error"
