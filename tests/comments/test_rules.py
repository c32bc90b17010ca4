from datetime import timedelta

import pytest
from django.utils import timezone, translation

from comments import rules
from tests.factories import make_article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("abc", 3),
        ("a\r\nb", 3),  # what browsers submit for one line break
        ("a\nb", 3),
        ("a\rb", 3),
        ("\r\n" * 10, 10),
        ("😀", 1),  # outside the Basic Multilingual Plane: one character, not two
        ("👍🏽", 1),  # emoji plus skin-tone modifier: two code points, one character
        ("🇹🇷", 1),  # a flag: two regional indicators
        ("\U0001f468\u200d\U0001f469\u200d\U0001f467", 1),  # a family: five code points
        ("e\u0301", 1),  # e and a combining accent
        ("çğıİöşü", 7),
    ],
)
def test_comment_length_counts_like_the_browser_counter(text, expected):
    assert rules.comment_length(text) == expected


def test_normalise_newlines():
    assert rules.normalise_newlines("a\r\nb\rc\nd") == "a\nb\nc\nd"


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("no links here, just example dot com", 0),
        ("see https://example.com and http://example.org", 2),
        ("www.example.com", 1),
        ('<a href="x">x</a> [url=http://spam]', 3),
        ("ftp://files.example.com mailto:someone@example.com", 2),
    ],
)
def test_count_links(text, links):
    assert rules.count_links(text) == links


def test_client_hash_is_stable_salted_and_hides_the_address(settings):
    first = rules.client_hash("203.0.113.7")
    assert first == rules.client_hash("203.0.113.7")
    assert first != rules.client_hash("203.0.113.8")
    assert "203.0.113.7" not in first
    settings.COMMENTS_CLIENT_HASH_SALT = "another salt"
    assert rules.client_hash("203.0.113.7") != first


@pytest.mark.django_db
class TestClosing:
    def test_open_by_default(self, settings):
        settings.COMMENTS_CLOSE_AFTER_DAYS = None
        article = make_article(published_at=timezone.now() - timedelta(days=4000))
        assert rules.closed_reason(article) == ""

    def test_per_article_switch(self):
        article = make_article(comments_closed=True)
        assert rules.closed_reason(article) == "Comments are closed for this article."

    def test_closes_automatically_n_days_after_publication(self, settings):
        settings.COMMENTS_CLOSE_AFTER_DAYS = 14
        old = make_article(published_at=timezone.now() - timedelta(days=15))
        recent = make_article(published_at=timezone.now() - timedelta(days=13))
        assert rules.closed_reason(old) == "Comments close 14 days after publication."
        assert rules.closed_reason(recent) == ""
        with translation.override("tr"):
            assert rules.closed_reason(old) == "Yorumlar yayından 14 gün sonra kapanır."

    def test_scheduled_and_undated_articles_do_not_break(self, settings):
        settings.COMMENTS_CLOSE_AFTER_DAYS = 1
        scheduled = make_article(published_at=timezone.now() + timedelta(days=30))
        draft = make_article(status="draft", published_at=None)
        assert rules.closed_reason(scheduled) == ""
        assert rules.auto_close_time(scheduled) == scheduled.published_at + timedelta(days=1)
        assert rules.closed_reason(draft) == ""
        assert rules.auto_close_time(draft) is None
