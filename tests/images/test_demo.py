"""The demo articles ship illustrations the team drew (articles/demo_content/make_images.py)."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from PIL import Image

from articles.management.commands.load_demo import DEMO_CONTENT
from articles.models import Article

from .helpers import has_gps


def test_every_demo_image_is_small_and_made_here():
    images = sorted(DEMO_CONTENT.glob("*/lead.jpg"))
    assert len(images) == 10
    for path in images:
        assert path.stat().st_size <= 150_000, path
        with Image.open(path) as image:
            assert image.size == (1600, 900) and image.format == "JPEG"
    assert (DEMO_CONTENT / "make_images.py").is_file()


@pytest.mark.django_db
def test_loaded_demo_articles_carry_their_image_and_texts_and_queue_renditions():
    call_command("load_demo", stdout=io.StringIO())
    articles = list(Article.objects.all())
    assert len(articles) == 10 and all(a.lead_image for a in articles)
    for article in articles:
        assert article.lead_image_alt_en and article.lead_image_caption_en
        assert article.lead_image_credit_en == "Broadsheet illustration"
        assert (article.lead_image_width, article.lead_image_height) == (1600, 900)
        assert not has_gps(default_storage.open(article.lead_image.name).read())
    translated = [a for a in articles if a.title_tr]
    assert translated and all(a.lead_image_alt_tr and a.lead_image_caption_tr for a in translated)
    queued = DBTaskResult.objects.filter(task_path="articles.images.tasks.make_renditions")
    assert queued.count() == 10
