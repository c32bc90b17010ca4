import html
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

Status = Article.Status


ROW = re.compile(
    r'<th scope="row"><a href="([^"]+)">([^<]+)</a></th>\s*<td class="newsroom-count">(\d+)</td>'
)


def dashboard(client) -> dict[str, tuple[int, str]]:
    """The dashboard's rows as the page shows them: label → (count, link)."""
    response = client.get("/en/admin/")
    assert response.status_code == 200
    rows = ROW.findall(response.content.decode())
    return {label: (int(count), html.unescape(url)) for url, label, count in rows}


def listed_titles(client, url: str) -> list[str]:
    return sorted(article.title_en for article in client.get(url).context["cl"].result_list)


def test_the_dashboard_counts_what_needs_attention_and_links_to_exactly_those(client, editor):
    now = timezone.now()
    make_article(title_en="Review A", status=Status.REVIEW, published_at=None)
    make_article(title_en="Review B", status=Status.REVIEW, published_at=None, title_tr="B")
    make_article(title_en="Tomorrow", published_at=now + timedelta(days=1))
    make_article(
        title_en="Translated",
        title_tr="Çevrildi",
        standfirst_tr="Spot",
        body_tr="Metin",
    )
    make_article(title_en="Archived", status=Status.ARCHIVED)
    client.force_login(editor)
    items = dashboard(client)
    # Every language has its rows; a third one (README, "Adding a language") has no text.
    others = [str(name) for code, name in settings.LANGUAGES if code not in ("en", "tr")]
    assert list(items) == [
        "Comments waiting for review",
        "Articles in review",
        "Scheduled articles",
        "Articles missing a translation into English",
        "Articles missing a translation into Turkish",
        *[f"Articles missing a translation into {name}" for name in others],
        "Turkish translations out of date",
        *[f"{name} translations out of date" for name in others],
        "Published articles missing a summary",
        "Published articles with a stale summary",
        "Published articles with a failed summary",
        "Interface strings untranslated in Turkish",
    ]
    expected = {
        "Articles in review": ["Review A", "Review B"],
        "Scheduled articles": ["Tomorrow"],
        "Articles missing a translation into English": [],
        "Articles missing a translation into Turkish": ["Review A", "Review B", "Tomorrow"],
        **{
            f"Articles missing a translation into {name}": [
                "Review A",
                "Review B",
                "Tomorrow",
                "Translated",
            ]
            for name in others
        },
        "Turkish translations out of date": [],
        "Published articles missing a summary": ["Tomorrow", "Translated"],
        "Published articles with a stale summary": [],
        "Published articles with a failed summary": [],
    }
    count, url = items["Interface strings untranslated in Turkish"]
    assert count == 0
    desk = "/en/admin/catalogues/messagetranslation/"
    assert url == f"{desk}?language=tr&domain=django&state=untranslated"
    assert "No message matches." in client.get(url).content.decode()
    for label, titles in expected.items():
        count, url = items[label]
        assert count == len(titles), label
        assert listed_titles(client, url) == titles, label


def test_the_dashboard_is_on_the_admin_index_in_the_users_language(client, editor):
    make_article(status=Status.REVIEW, published_at=None)
    client.force_login(editor)
    page = client.get("/tr/admin/").content.decode()
    assert "<caption>Haber merkezi</caption>" in page
    assert 'href="/tr/admin/articles/article/?status=review">İncelemedeki makaleler</a>' in page


def test_staff_who_cannot_see_articles_get_no_article_counts(client, roles):
    client.force_login(make_user())
    assert dashboard(client) == {}
    assert "newsroom-dashboard" not in client.get("/en/admin/").content.decode()
