"""Images made on the spot for the tests: real encoders, real metadata."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

# EXIF tags: Orientation, GPSInfo, and in the GPS block latitude and its reference.
ORIENTATION, GPS_INFO, GPS_LAT_REF, GPS_LAT = 0x0112, 0x8825, 1, 2


def image_bytes(width=1600, height=900, fmt="JPEG", *, gps=False, orientation=None) -> bytes:
    """A picture that is red on its left half and blue on its right."""
    image = Image.new("RGB", (width, height), (200, 30, 30))
    image.paste((30, 30, 200), (width // 2, 0, width, height))
    exif = Image.Exif()
    if gps:
        exif[GPS_INFO] = {GPS_LAT_REF: "N", GPS_LAT: (41.0, 0.0, 36.0)}
    if orientation:
        exif[ORIENTATION] = orientation
    out = io.BytesIO()
    image.save(out, fmt, exif=exif.tobytes() if (gps or orientation) else b"")
    return out.getvalue()


def upload(name="photo.jpg", content=None, content_type="image/jpeg", **options):
    return SimpleUploadedFile(name, content or image_bytes(**options), content_type=content_type)


def has_gps(data: bytes) -> bool:
    with Image.open(io.BytesIO(data)) as image:
        return bool(image.getexif().get_ifd(GPS_INFO)) or b"GPS" in image.info.get("exif", b"")
