from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("jsi18n.js", views.javascript_catalog, name="jsi18n"),
    path("<public_id:public_id>/", views.comment_create, name="create"),
]
