"""The lead image in the article admin: a checked upload, a preview, the worker's copies."""

from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..images.renditions import renditions_enqueue
from ..images.tasks import delete_image_files
from ..images.uploads import LeadImageFormField

FIELDSET = (
    _("Lead image"),
    {
        "fields": [
            "lead_image",
            "lead_image_preview",
            "lead_image_alt",
            "lead_image_caption",
            "lead_image_credit",
        ],
        "description": _(
            "Shown at the top of the article, on its card and when the article is shared. "
            "The alternative text is required with an image."
        ),
    },
)


class LeadImageInput(AdminFileWidget):
    # Django wraps its file widget in a fieldset whose legend labels no input, so the
    # empty file input had no label (axe: "Form elements must have labels"). As one
    # field, the label names the file input; "Clear" keeps its own label.
    use_fieldset = False


class LeadImageAdminMixin:
    formfield_overrides = {
        models.ImageField: {"form_class": LeadImageFormField, "widget": LeadImageInput}
    }

    @admin.display(description=_("preview"))
    def lead_image_preview(self, obj):
        if obj is None or not obj.lead_image:
            return gettext("No image.")
        picture = obj.lead_picture
        if picture is None:
            return format_html(
                '<img class="lead-image-preview" src="{}" width="240" alt=""><br>{}',
                obj.lead_image.url,
                gettext(
                    "The smaller copies are being made in the background; readers see "
                    "the image once they are ready."
                ),
            )
        return format_html(
            '<img class="lead-image-preview" src="{}" width="240" alt=""><br>{}',
            picture.thumbnail_url,
            gettext("%(width)s × %(height)s pixels; copies for every screen are ready.")
            % {"width": picture.width, "height": picture.height},
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "lead_image" in form.changed_data:
            # Replacing or removing it too: the worker deletes the old image and its copies.
            previous = form.initial.get("lead_image")
            renditions_enqueue(article=obj, replaced=getattr(previous, "name", "") or "")
            if obj.lead_image:
                self.message_user(
                    request,
                    gettext(
                        "The image is being prepared for every screen; readers see it in "
                        "a minute or so."
                    ),
                    messages.INFO,
                )

    def delete_model(self, request, obj):
        source = obj.lead_image.name or ""
        super().delete_model(request, obj)
        if source:
            delete_image_files.enqueue(source=source)

    def delete_queryset(self, request, queryset):
        sources = [name for name in queryset.values_list("lead_image", flat=True) if name]
        super().delete_queryset(request, queryset)
        for source in sources:
            delete_image_files.enqueue(source=source)
