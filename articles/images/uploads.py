"""What an editor's upload must be before it is stored, and what is stored of it.

The file is opened with Pillow (never trusted by its name), its size is checked in bytes
and in pixels before anything is decoded, and it is stored re-encoded: turned upright
by its EXIF orientation and with every piece of metadata (GPS location, camera, author,
comments, colour profiles) left behind.
"""

import hashlib
import io
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow format -> (extension, content type, options of the stored copy).
ACCEPTED = {
    "JPEG": ("jpg", "image/jpeg", {"quality": 90, "optimize": True}),
    "PNG": ("png", "image/png", {"optimize": True}),
    "WEBP": ("webp", "image/webp", {"quality": 90}),
    "AVIF": ("avif", "image/avif", {"quality": 80}),
}


def without_metadata(image: Image.Image) -> Image.Image:
    """A copy that carries pixels only: no EXIF, XMP, ICC profile or comments."""
    clean = image.copy()
    clean.info = {}
    return clean


def check_size(size: int) -> None:
    if size > settings.BROADSHEET_IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The image is %(size)s; images may be at most %(limit)s."),
            code="too_large",
            params={
                "size": filesizeformat(size),
                "limit": filesizeformat(settings.BROADSHEET_IMAGE_MAX_BYTES),
            },
        )


def too_many_pixels() -> ValidationError:
    return ValidationError(
        _("The image has more than %(limit)s million pixels; make it smaller and retry."),
        code="too_many_pixels",
        params={"limit": settings.BROADSHEET_IMAGE_MAX_PIXELS // 1_000_000},
    )


def sanitise(data: bytes) -> tuple[bytes, str]:
    """The bytes to store for an upload, and their format; raises ``ValidationError``.

    Checks size in bytes and pixels first, then decodes, applies the EXIF orientation
    and encodes a fresh file without metadata.
    """
    check_size(len(data))
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its own limit and twice it; ours is lower anyway.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            warnings.simplefilter("ignore", UserWarning)  # "Corrupt EXIF data": dropped
            image = Image.open(io.BytesIO(data))
            fmt = image.format
            width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels() from None
    except (UnidentifiedImageError, Exception):  # noqa: BLE001 - any decoder error
        image, fmt, width, height = None, None, 0, 0
    if image is not None and width * height > settings.BROADSHEET_IMAGE_MAX_PIXELS:
        raise too_many_pixels()
    if image is None or fmt not in ACCEPTED:
        raise ValidationError(
            _("This file is not a JPEG, PNG, WebP or AVIF image."), code="not_an_image"
        )
    try:
        with warnings.catch_warnings():
            # "Corrupt EXIF data": the metadata is dropped below anyway.
            warnings.simplefilter("ignore", UserWarning)
            image.load()
            upright = ImageOps.exif_transpose(image)
    except Exception as error:  # noqa: BLE001 - truncated data, a hostile EXIF block
        raise ValidationError(
            _("This image is damaged or its metadata cannot be read; save it again and retry."),
            code="unreadable",
        ) from error
    if fmt == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    _ext, _type, options = ACCEPTED[fmt]
    out = io.BytesIO()
    without_metadata(upright).save(out, fmt, **options)
    return out.getvalue(), fmt


class LeadImageFormField(forms.ImageField):
    """An image field that checks and cleans the upload (``sanitise``).

    The stored name is made from the cleaned content, never from the editor's file name.
    """

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        # Known before reading it: a huge file is refused without loading it into memory.
        check_size(upload.size or 0)
        upload.seek(0)
        cleaned, fmt = sanitise(upload.read())
        ext, content_type, _options = ACCEPTED[fmt]
        name = f"{hashlib.sha256(cleaned).hexdigest()[:20]}.{ext}"
        return SimpleUploadedFile(name, cleaned, content_type=content_type)
