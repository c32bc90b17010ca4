import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

Status = Article.Status


def preview_url(article, language="en") -> str:
    return f"/{language}/preview/{article.public_id}/"


def article_markup(html: str) -> str:
    return re.search(r"<article.*?</article>", html, re.S).group(0)


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    article = make_article(status=Status.DRAFT, published_at=None)
    response = client.get(preview_url(article))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_signed_in_readers_who_are_not_staff_do_not_see_it(client):
    article = make_article(status=Status.DRAFT, published_at=None, title_en="Embargoed")
    client.force_login(make_user(is_staff=False))
    response = client.get(preview_url(article))
    assert response.status_code == 302
    assert "Embargoed" not in response.content.decode()


def test_staff_without_access_to_articles_are_refused(client, roles):
    article = make_article(status=Status.DRAFT, published_at=None)
    client.force_login(make_user())
    assert client.get(preview_url(article)).status_code == 403


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.ARCHIVED, "scheduled"])
def test_staff_preview_any_status_marked_noindex(client, translator, status):
    if status == "scheduled":
        article = make_article(published_at=timezone.now() + timedelta(days=2))
    else:
        article = make_article(status=status, published_at=None, title_en="Not out yet")
    client.force_login(translator)
    response = client.get(preview_url(article))
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert article.title_en in html
    assert "Readers cannot see this article" in html or "scheduled" in html


def test_preview_shows_exactly_what_readers_will_see(client, editor):
    article = make_article(title_tr="Görüntüler", standfirst_tr="Kısaca.", body_tr="## Katmanlar")
    client.force_login(editor)
    for language in ("en", "tr"):
        reader = client.get(article.get_absolute_url(language)).content.decode()
        preview = client.get(preview_url(article, language)).content.decode()
        assert article_markup(preview) == article_markup(reader)
    assert "Görüntüler" in article_markup(preview)
    assert '<html lang="tr"' in preview


def test_preview_in_a_language_without_translation_shows_the_original(client, editor):
    article = make_article(status=Status.DRAFT, published_at=None, title_en="Only English")
    client.force_login(editor)
    html = client.get(preview_url(article, "tr")).content.decode()
    assert '<h1 lang="en">Only English</h1>' in html
    # The language switcher stays in the preview.
    assert f'href="/en/preview/{article.public_id}/"' in html


def test_unknown_article_is_a_404(client, editor):
    client.force_login(editor)
    assert client.get("/en/preview/ZZZZZZ/").status_code == 404


def test_robots_txt_keeps_crawlers_out_of_previews_in_every_language(client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /en/preview/" in lines
    assert "Disallow: /tr/preview/" in lines
    assert "Disallow: /tr/admin/" in lines
