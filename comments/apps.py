from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from articles import page_cache

        from . import holes  # noqa: F401 -- registers the comment form's fresh hole
        from .models import Comment

        # An approved, rejected or deleted comment changes what article pages show.
        post_save.connect(page_cache.invalidate, sender=Comment, dispatch_uid="page-comment")
        post_delete.connect(page_cache.invalidate, sender=Comment, dispatch_uid="pd-comment")
