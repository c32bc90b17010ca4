import io
import re
import subprocess

import pytest
from django.core.cache import caches
from django.core.files.storage import default_storage
from django_tasks_db.models import DBTaskResult
from PIL import Image

from articles.images.renditions import (
    WIDTHS,
    rendition_paths,
    renditions_enqueue,
    renditions_make,
    widths_for,
)
from pagecache import versions
from pagecache.invalidation import LISTS, article_key
from tests.factories import make_article
from tests.workers import copy_back, database_url_for_worker, worker_command, worker_env

from .conftest import with_image
from .helpers import has_gps


def test_widths_step_from_phone_to_wide_desktop_and_never_upscale():
    assert widths_for(4000) == list(WIDTHS)
    assert widths_for(1600) == [360, 640, 960, 1280, 1600]
    assert widths_for(300) == [300]


def test_each_width_is_made_in_avif_webp_and_jpeg_without_metadata(db):
    article = with_image(make_article(), width=1000, height=500, gps=True)
    data = renditions_make(article=article)
    assert set(data["files"]) == {"avif", "webp", "jpeg"}
    expected_formats = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}
    for fmt, copies in data["files"].items():
        assert [w for w, _h, _p in copies] == [360, 640, 960, 1000]
        for width, height, path in copies:
            content = default_storage.open(path).read()
            with Image.open(io.BytesIO(content)) as image:
                assert image.format == expected_formats[fmt]
                assert image.size == (width, height) == (width, width // 2)
            assert not has_gps(content), path
    assert data["share"][:2] == [1000, 500]


def test_the_worker_renews_the_article_pages_and_lists(db):
    article = with_image(make_article())
    before = versions.current(article_key(article.pk)), versions.current(LISTS)
    renditions_make(article=article)
    after = versions.current(article_key(article.pk)), versions.current(LISTS)
    assert before[0] != after[0] and before[1] != after[1]


def test_replacing_the_image_drops_the_old_copies(db):
    article = with_image(make_article())
    old = renditions_make(article=article)
    article.refresh_from_db()
    with_image(article, width=800, height=800)
    article.refresh_from_db()
    assert article.lead_picture is None, "the old image's copies must not show"
    new = renditions_make(article=article)
    assert all(not default_storage.exists(p) for p in rendition_paths(old))
    assert all(default_storage.exists(p) for p in rendition_paths(new))


def test_copies_of_a_superseded_image_are_not_recorded(db):
    article = with_image(make_article())
    stale = type(article).objects.get(pk=article.pk)
    with_image(article, width=700, height=700)  # replaced before the worker ran
    assert renditions_make(article=stale) == {}
    article.refresh_from_db()
    assert article.lead_image_renditions == {}


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_makes_the_copies_and_the_page_shows_them(client, settings, tmp_path):
    article = with_image(make_article())
    renditions_enqueue(article=article)
    assert "<picture" not in client.get(article.get_absolute_url("en")).content.decode()
    url = database_url_for_worker(tmp_path)
    result = subprocess.run(
        worker_command("--batch", "--interval", "0"),
        cwd=settings.BASE_DIR,
        env=worker_env(url, DJANGO_MEDIA_ROOT=str(settings.MEDIA_ROOT)),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    copy_back(url)
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["SUCCESSFUL"]
    # The worker renewed the pages in its own memory cache; a deployment shares one
    # (the journeys prove it), this test process does not.
    caches["default"].clear()
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert "<picture" in html
    srcset = re.search(r'type="image/avif" srcset="([^"]+)"', html).group(1)
    first = srcset.split(",")[0].split()[0]
    response = client.get(first)
    assert response.status_code == 200 and response["Content-Type"] == "image/avif"
