from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("jsi18n.js", views.javascript_catalog, name="jsi18n"),
    path(
        "jsi18n.<slug:version>.js",
        views.javascript_catalog_versioned,
        name="jsi18n_versioned",
    ),
    path("report/<int:pk>/", views.comment_report, name="report"),
    path("confirm/<str:token>/", views.address_confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<public_id:public_id>/", views.comment_create, name="create"),
    path("<public_id:public_id>/start/", views.comment_start, name="start"),
]
