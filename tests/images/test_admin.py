"""An editor's upload in the article admin: checked, cleaned, queued for the worker."""

import io
import struct
import zlib

import pytest
from django.core.files.storage import default_storage
from django.utils import translation
from django_tasks_db.models import DBTaskResult
from PIL import Image

from articles.models import Article
from tests.articles.admin_helpers import article_form_data, change_url
from tests.factories import make_article

from .helpers import has_gps, image_bytes, upload

pytestmark = pytest.mark.django_db


def post(client, article, **fields):
    data = article_form_data(article, **fields)
    data.setdefault("lead_image_alt_en", "A red and blue picture")
    return client.post(change_url(article), data)


def errors(response) -> str:
    form = response.context["adminform"].form
    return " ".join(str(e) for field in form.errors.values() for e in field)


def queued_renditions():
    return list(
        DBTaskResult.objects.filter(task_path="articles.images.tasks.make_renditions").values_list(
            "args_kwargs", flat=True
        )
    )


def test_an_upload_is_stored_upright_without_its_location_and_queued(client, editor):
    article = make_article()
    client.force_login(editor)
    photo = upload(width=1200, height=800, gps=True, orientation=6)  # taken on its side
    response = post(client, article, lead_image=photo)
    assert response.status_code == 302, errors(response)
    article.refresh_from_db()
    stored = default_storage.open(article.lead_image.name).read()
    assert not has_gps(stored)
    with Image.open(io.BytesIO(stored)) as image:
        assert image.size == (800, 1200) and not image.getexif()
    assert (article.lead_image_width, article.lead_image_height) == (800, 1200)
    assert article.lead_image.name.startswith("lead-images/")
    assert "photo" not in article.lead_image.name  # named by its content, not the upload
    assert [kw["kwargs"] for kw in queued_renditions()] == [
        {"article_id": article.pk, "source": article.lead_image.name}
    ]
    page = client.get(change_url(article))
    assert 'class="lead-image-preview"' in page.content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.jpg", b"Dear editor, this is plain text.\n" * 20, "not a JPEG, PNG, WebP or AVIF"),
        ("anim.gif", None, "not a JPEG, PNG, WebP or AVIF"),
        ("cut.jpg", image_bytes()[:2000], "damaged"),
    ],
)
def test_a_file_that_is_not_a_usable_image_gets_a_clear_error(
    client, editor, name, content, message
):
    if content is None:
        out = io.BytesIO()
        Image.new("RGB", (50, 50)).save(out, "GIF")
        content = out.getvalue()
    article = make_article()
    client.force_login(editor)
    response = post(client, article, lead_image=upload(name, content), title_en="Kept title")
    assert response.status_code == 200
    assert message in errors(response)
    # Nothing else the editor typed is lost.
    assert response.context["adminform"].form["title_en"].value() == "Kept title"
    article.refresh_from_db()
    assert not article.lead_image and queued_renditions() == []


def test_a_file_too_large_in_bytes_is_refused(client, editor, settings):
    settings.BROADSHEET_IMAGE_MAX_BYTES = 50_000
    client.force_login(editor)
    response = post(client, make_article(), lead_image=upload(content=b"\xff" * 60_000))
    assert "images may be at most 48.8\xa0KB" in errors(response)


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels: a decompression bomb."""
    out = io.BytesIO()
    Image.new("L", (1, 1)).save(out, "PNG")
    data = bytearray(out.getvalue())
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


@pytest.mark.parametrize("size", [(7000, 6000), (60000, 60000)])
def test_too_many_pixels_is_refused_before_decoding(client, editor, size):
    client.force_login(editor)
    response = post(client, make_article(), lead_image=upload("bomb.png", png_claiming(*size)))
    assert response.status_code == 200
    assert "more than 36 million pixels" in errors(response)


def test_hostile_metadata_never_reaches_the_storage(client, editor):
    """A broken EXIF block and a script in the JPEG comment: the picture is kept, they are not."""
    out = io.BytesIO()
    Image.new("RGB", (400, 300), "green").save(
        out,
        "JPEG",
        exif=b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\xff\xff" + b"\x00" * 30,
        comment=b"<script>alert(1)</script>",
    )
    assert b"<script>" in out.getvalue()
    client.force_login(editor)
    article = make_article()
    response = post(client, article, lead_image=upload(content=out.getvalue()))
    assert response.status_code == 302, errors(response)
    article.refresh_from_db()
    stored = default_storage.open(article.lead_image.name).read()
    assert b"script" not in stored and b"Exif" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.size == (400, 300) and not image.info.get("comment")


def test_the_alternative_text_is_required_with_an_image(client, editor):
    client.force_login(editor)
    article = make_article()
    response = post(client, article, lead_image=upload(), lead_image_alt_en="")
    assert "Describe the image for readers who cannot see it" in errors(response)
    assert "lead_image_alt_en" in response.context["adminform"].form.errors


def test_removing_the_image_queues_the_deletion_of_its_copies(client, editor):
    client.force_login(editor)
    article = make_article()
    post(client, article, lead_image=upload())
    article.refresh_from_db()
    response = post(client, article, **{"lead_image-clear": "on"})
    assert response.status_code == 302, errors(response)
    article.refresh_from_db()
    assert not article.lead_image
    assert queued_renditions()[-1]["kwargs"]["source"] == ""


def test_translators_see_the_image_texts_in_tabs_and_cannot_change_the_image(client, translator):
    article = make_article(original_language="en")
    client.force_login(translator)
    html = client.get(change_url(article)).content.decode()
    assert 'name="lead_image_alt_tr"' in html and 'name="lead_image_caption_tr"' in html
    assert 'name="lead_image_credit_tr"' in html
    assert 'name="lead_image"' not in html
    with translation.override("en"):
        assert Article._meta.get_field("lead_image_alt_tr").verbose_name


def queued(task: str) -> list[dict]:
    return [
        args["kwargs"]
        for args in DBTaskResult.objects.filter(
            task_path=f"articles.images.tasks.{task}"
        ).values_list("args_kwargs", flat=True)
    ]


def test_a_replaced_image_and_its_copies_are_deleted_by_the_worker(client, editor):
    from articles.images.renditions import rendition_paths, renditions_make
    from articles.images.tasks import delete_image_files

    client.force_login(editor)
    article = make_article()
    post(client, article, lead_image=upload(width=800, height=400))
    article.refresh_from_db()
    old_name = article.lead_image.name
    old_copies = rendition_paths(renditions_make(article=article))
    article.refresh_from_db()
    assert post(client, article, lead_image=upload(width=600, height=600)).status_code == 302
    article.refresh_from_db()
    assert queued("delete_image_files") == [{"source": old_name}]
    delete_image_files.call(source=old_name)
    assert not default_storage.exists(old_name)
    assert not any(default_storage.exists(path) for path in old_copies)
    assert default_storage.exists(article.lead_image.name)
    assert client.get(f"/media/{old_name}").status_code == 404


def test_deleting_an_article_queues_the_deletion_of_its_image(client, editor):
    client.force_login(editor)
    article = make_article()
    post(client, article, lead_image=upload())
    article.refresh_from_db()
    name = article.lead_image.name
    delete = client.post(f"/en/admin/articles/article/{article.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 302
    assert queued("delete_image_files") == [{"source": name}]
