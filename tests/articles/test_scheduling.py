"""A scheduled article is published with a future time and appears by itself then."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from articles.services import article_publish
from tests.articles.admin_helpers import change_url, post_change
from tests.factories import make_article

pytestmark = pytest.mark.django_db

Status = Article.Status
NOON = datetime(2026, 6, 1, 12, 0, tzinfo=timezone.get_default_timezone())


def test_a_scheduled_article_appears_on_the_site_when_its_time_comes(client, editor):
    with time_machine.travel(NOON, tick=False):
        article = make_article(status=Status.REVIEW, published_at=None, title_en="At ten past")
        article_publish(article=article, user=editor, at=NOON + timedelta(minutes=10))
        url = article.get_absolute_url("en")
        assert client.get(url).status_code == 404
        assert "At ten past" not in client.get("/en/").content.decode()
        assert client.get(f"/a/{article.public_id}/").status_code == 404

    with time_machine.travel(NOON + timedelta(minutes=9, seconds=59), tick=False):
        assert client.get(url).status_code == 404

    with time_machine.travel(NOON + timedelta(minutes=10), tick=False):
        assert client.get(url).status_code == 200
        assert "At ten past" in client.get("/en/").content.decode()
        assert client.get(f"/a/{article.public_id}/").status_code == 302


def test_an_editor_schedules_in_the_admin_and_sees_it_as_scheduled_until_then(client, editor):
    client.force_login(editor)
    with time_machine.travel(NOON, tick=False):
        article = make_article(status=Status.REVIEW, published_at=None, title_en="Tonight")
        response = post_change(
            client, article, status=Status.PUBLISHED, published_at=NOON + timedelta(hours=8)
        )
        assert response.status_code == 302
        listing = client.get("/en/admin/articles/article/?status=scheduled")
        assert [a.title_en for a in listing.context["cl"].result_list] == ["Tonight"]
        page = client.get(change_url(article)).content.decode()
        assert "Scheduled: readers will see it from 1 June 2026, 20:00." in page
        assert "viewsitelink" not in page

    with time_machine.travel(NOON + timedelta(hours=8, minutes=1), tick=False):
        listing = client.get("/en/admin/articles/article/?status=scheduled")
        assert list(listing.context["cl"].result_list) == []
        listing = client.get("/en/admin/articles/article/?status=live")
        assert [a.title_en for a in listing.context["cl"].result_list] == ["Tonight"]
        page = client.get(change_url(article)).content.decode()
        assert "Visible to readers since 1 June 2026, 20:00." in page
        assert "viewsitelink" in page
