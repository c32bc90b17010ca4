import pytest
from django.core.files.base import ContentFile

from articles.images.renditions import renditions_make
from articles.images.uploads import sanitise
from tests.factories import make_article

from .helpers import image_bytes


def with_image(article, *, width=1600, height=900, alt="Red and blue halves", **options):
    data, _fmt = sanitise(image_bytes(width, height, **options))
    article.lead_image.save("lead.jpg", ContentFile(data), save=False)
    article.lead_image_alt_en = alt
    article.lead_image_alt_tr = "Kırmızı ve mavi yarımlar"
    article.lead_image_caption_en = "Two halves"
    article.lead_image_credit_en = "Broadsheet illustration"
    article.save()
    return article


@pytest.fixture
def illustrated(db):
    """A published article whose lead image has its renditions."""

    def make(image=None, **fields):
        article = with_image(make_article(**fields), **(image or {}))
        renditions_make(article=article)
        article.refresh_from_db()
        return article

    return make
