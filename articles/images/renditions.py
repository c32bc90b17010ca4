"""The smaller copies of a lead image, made once by the worker, and how pages list them.

django-imagekit describes each copy as an ``ImageSpec`` (processors, format, options) and
makes it with Pillow; we call it from the task only, never while a page is rendered,
and record the files on the article (``Article.lead_image_renditions``) so that a page
lists them without a query or a storage call. File names come from the source's name,
which is new for every upload: a replaced image never shares a name with its old copies,
so every copy can be cached for a year.
"""

import io
import logging
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.db import transaction
from imagekit import ImageSpec
from imagekit.processors import ResizeToFit, Transpose
from PIL import Image

from pagecache import invalidation

from .uploads import without_metadata

logger = logging.getLogger(__name__)

# Phone to wide desktop (at 1x and 2x); never wider than the source.
WIDTHS = (360, 640, 960, 1280, 1920)
# Open Graph and JSON-LD: one JPEG of about 1200 px, what link previews expect.
SHARE_WIDTH = 1200
# Format -> (extension, Pillow options). AVIF and WebP first, JPEG for the rest.
FORMATS = {
    "avif": ("avif", {"quality": 55, "speed": 6}),
    "webp": ("webp", {"quality": 72, "method": 4}),
    "jpeg": ("jpg", {"quality": 78, "optimize": True, "progressive": True}),
}


class StripMetadata:
    """An imagekit processor: nothing but pixels goes into the copy."""

    def process(self, img):
        return without_metadata(img)


class Rendition(ImageSpec):
    def __init__(self, source, *, width: int, fmt: str):
        super().__init__(source=source)
        self.processors = [Transpose(), ResizeToFit(width=width, upscale=False), StripMetadata()]
        self.format = fmt.upper()
        self.options = FORMATS[fmt][1]


def widths_for(source_width: int) -> list[int]:
    """The widths to make for a source: the steps below it, then its own (at most 1920)."""
    widths = [width for width in WIDTHS if width < min(source_width, WIDTHS[-1])]
    return [*widths, min(source_width, WIDTHS[-1])]


def rendition_folder(source_name: str) -> str:
    path = PurePosixPath(source_name)
    return str(path.parent / "renditions" / path.stem)


def renditions_make(*, article) -> dict:
    """Make every copy of ``article``'s current lead image, record them, renew its pages.

    Copies of an earlier image are deleted. When the image changed again meanwhile, the
    copies just made are deleted instead (the newer task makes its own).
    """
    from articles.models import Article

    field = article.lead_image
    storage = field.storage
    name = field.name or ""
    data: dict = {}
    if name:
        with storage.open(name) as stored:
            source = ContentFile(stored.read(), name=name)
        with Image.open(source) as probe:
            width, height = probe.size
        folder = rendition_folder(name)
        files: dict[str, list] = {}

        def make(w: int, fmt: str, label: str) -> tuple[int, int, str]:
            made = Rendition(source, width=w, fmt=fmt).generate()
            content = made.read()
            with Image.open(io.BytesIO(content)) as result:
                size = result.size
            path = f"{folder}/{label}.{FORMATS[fmt][0]}"
            storage.delete(path)  # A task run again replaces its own file, same name.
            path = storage.save(path, ContentFile(content))
            return (*size, path)

        for fmt in FORMATS:
            files[fmt] = [list(make(w, fmt, str(w))) for w in widths_for(width)]
        share = list(make(min(width, SHARE_WIDTH), "jpeg", "share"))
        data = {"source": name, "width": width, "height": height, "files": files, "share": share}
    old = article.lead_image_renditions or {}
    with transaction.atomic():
        current = Article.objects.select_for_update().filter(pk=article.pk).first()
        superseded = current is None or (current.lead_image.name or "") != name
        if not superseded:
            Article.objects.filter(pk=article.pk).update(lead_image_renditions=data)
            invalidation.article_changed(article.pk, reading_on=False)
    if superseded:
        delete_files(storage, data)
        return {}
    if old.get("source") != name:
        delete_files(storage, old)
    return data


def delete_files(storage, data: dict) -> None:
    for path in rendition_paths(data):
        try:
            storage.delete(path)
        except OSError:
            logger.warning("Could not delete the old rendition %s", path)


def rendition_paths(data: dict) -> list[str]:
    paths = [path for copies in data.get("files", {}).values() for *_size, path in copies]
    if data.get("share"):
        paths.append(data["share"][2])
    return paths


def image_files_delete(*, storage, source: str) -> None:
    """Delete an image that no article shows any more, and every copy made of it.

    A replaced or removed image must not stay reachable at its old address.
    """
    folder = rendition_folder(source)
    try:
        _folders, names = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        names = []
    for path in [source, *(f"{folder}/{name}" for name in names)]:
        try:
            storage.delete(path)
        except OSError:
            logger.warning("Could not delete %s", path)


def renditions_enqueue(*, article, replaced: str = "") -> None:
    """Have the worker make the copies of ``article``'s lead image, and delete ``replaced``
    (the image it had before) with its copies; returns at once."""
    from .tasks import delete_image_files, make_renditions

    current = article.lead_image.name or ""
    make_renditions.enqueue(article_id=article.pk, source=current)
    if replaced and replaced != current:
        delete_image_files.enqueue(source=replaced)


@dataclass(frozen=True)
class Picture:
    """What a page needs to show a lead image: srcsets per format, a size, a share copy."""

    avif_srcset: str
    webp_srcset: str
    jpeg_srcset: str
    src: str
    width: int
    height: int
    share_url: str
    share_width: int
    share_height: int
    thumbnail_url: str

    @classmethod
    def of(cls, article) -> "Picture | None":
        """None without an image, or while the worker has not made this image's copies
        (copies of a replaced image are never shown)."""
        data = article.lead_image_renditions or {}
        if not article.lead_image or data.get("source") != article.lead_image.name:
            return None
        url = article.lead_image.storage.url
        files = data["files"]

        def srcset(fmt: str) -> str:
            return ", ".join(f"{url(path)} {w}w" for w, _h, path in files[fmt])

        jpegs = files["jpeg"]
        fallback = next((c for c in jpegs if c[0] >= 640), jpegs[-1])
        share_w, share_h, share_path = data["share"]
        return cls(
            avif_srcset=srcset("avif"),
            webp_srcset=srcset("webp"),
            jpeg_srcset=srcset("jpeg"),
            src=url(fallback[2]),
            width=data["width"],
            height=data["height"],
            share_url=url(share_path),
            share_width=share_w,
            share_height=share_h,
            thumbnail_url=url(jpegs[0][2]),
        )
