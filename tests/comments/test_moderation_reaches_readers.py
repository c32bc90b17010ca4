"""A moderator's decision in the admin list reaches the reader's cached page at once.

Regression: the bulk actions wrote with ``QuerySet.update()``, which sends no signal,
so the cached article page and its kept comment list went on showing the old state.
"""

import pytest
from django.test import Client

from comments.models import Comment
from core.languages import LANGUAGE_CODES
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db

CHANGELIST = "/en/admin/comments/comment/"


@pytest.fixture
def moderator_client(moderator):
    client = Client()
    client.force_login(moderator)
    return client


def read_cached(article, language="en") -> str:
    """The article page as an anonymous reader gets it, after making sure it is cached."""
    reader = Client()
    reader.get(article.get_absolute_url(language))
    response = reader.get(article.get_absolute_url(language))
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def read(article, language="en") -> str:
    response = Client().get(article.get_absolute_url(language))
    assert response.status_code == 200
    return response.content.decode()


def run_action(client, action: str, comments) -> None:
    response = client.post(
        CHANGELIST, {"action": action, "_selected_action": [c.pk for c in comments]}
    )
    assert response.status_code == 302


def test_bulk_approval_shows_the_comments_to_readers_at_once(moderator_client):
    article = make_article()
    pending = [
        make_comment(article=article, status=Comment.Status.PENDING, text=f"Point {n}")
        for n in (1, 2)
    ]
    for language in LANGUAGE_CODES:
        html = read_cached(article, language)
        assert "Point 1" not in html
    run_action(moderator_client, "approve", pending)
    html = read(article)
    assert "2 comments" in html
    assert "Point 1" in html and "Point 2" in html
    assert "2 yorum" in read(article, "tr")


@pytest.mark.parametrize("action", ["reject", "mark_spam"])
def test_bulk_takedown_removes_the_comment_from_readers_at_once(moderator_client, action):
    article = make_article()
    kept = make_comment(article=article, text="Stays up")
    taken_down = make_comment(article=article, text="Must come down")
    html = read_cached(article)
    assert "Must come down" in html and "2 comments" in html
    run_action(moderator_client, action, [taken_down])
    html = read(article)
    assert "Must come down" not in html
    assert kept.text in html and "1 comment" in html


def test_bulk_approval_leaves_other_articles_pages_cached(moderator_client):
    article, other = make_article(), make_article()
    pending = make_comment(article=article, status=Comment.Status.PENDING)
    read_cached(other)
    run_action(moderator_client, "approve", [pending])
    response = Client().get(other.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
