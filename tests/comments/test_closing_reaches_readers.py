"""Closing comments reaches cached article pages: at once by hand, on time by age."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def offers_form(response) -> bool:
    return 'name="answer"' in response.content.decode()


def test_comments_closing_by_age_end_the_cached_page_at_that_moment(settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 3
    now = timezone.now()
    article = make_article(published_at=now - timedelta(days=3) + timedelta(minutes=2))
    reader = Client()
    url = article.get_absolute_url("en")
    assert offers_form(reader.get(url))
    cached = reader.get(url)
    assert cached["X-Page-Cache"] == "hit" and offers_form(cached)
    with time_machine.travel(now + timedelta(minutes=3)):
        response = reader.get(url)
        assert not offers_form(response)
        assert "Comments close 3 days after publication." in response.content.decode()


def test_closing_comments_in_the_admin_takes_the_form_off_the_cached_page(admin_client):
    article = make_article()
    reader = Client()
    url = article.get_absolute_url("en")
    reader.get(url)
    assert offers_form(reader.get(url))
    article.comments_closed = True
    article.save()
    response = reader.get(url)
    assert not offers_form(response)
    assert "Comments are closed for this article." in response.content.decode()
