"""Parts of pages kept apart from the pages (pagecache.fragments): a page-cache miss
renders only what changed, and no part outlives what it was made from."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_author, make_category, make_tag

pytestmark = pytest.mark.django_db


def more_in(html: str) -> list[str]:
    section = re.search(r'aria-labelledby="more-in-title">(.*?)</section>', html, re.S)
    return re.findall(r'<a href="[^"]+"[^>]*>([^<]+)</a>', section[1]) if section else []


def queries_of(client: Client, url: str) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries.captured_queries]


def test_a_miss_whose_parts_are_kept_reads_only_the_article(client, settings):
    settings.BROADSHEET_PAGE_CACHE = False
    article = make_article(title_en="The kept article")
    article.authors.set([make_author(name="Grace Hopper")])
    article.tags.set([make_tag()])
    make_article(title_en="Its neighbour", category=article.category)
    url = article.get_absolute_url("en")
    first, _ = queries_of(client, url)
    again, sql = queries_of(client, url)
    # The article (whether it is published, its address): its text, byline, tags, the
    # lists, the comments, menu and footer are all kept.
    assert len(sql) == 1 and sql[0].startswith('SELECT "articles_article"."id"'), sql
    # The same page, but for the nonce each fresh page has.
    assert re.sub(r'nonce="[^"]+"', "", again) == re.sub(r'nonce="[^"]+"', "", first)
    assert "Grace Hopper" in again and more_in(again) == ["Its neighbour"]


def test_an_edit_elsewhere_renews_the_lists_but_not_the_articles_own_part(client):
    section = make_category()
    article = make_article(title_en="Steady", category=section)
    article.authors.set([make_author(name="Grace Hopper")])
    neighbour = make_article(title_en="Before", category=section)
    url = article.get_absolute_url("en")
    client.get(url)
    neighbour.title_en = "After the edit"
    neighbour.save()
    html, sql = queries_of(client, url)
    assert more_in(html) == ["After the edit"]
    # The page was made again, but its article part (byline) came from the cache.
    assert not [q for q in sql if "articles_article_authors" in q and str(article.pk) in q]
    assert "Grace Hopper" in html


def test_an_edit_to_the_article_shows_at_once(client):
    article = make_article(title_en="First title")
    url = article.get_absolute_url("en")
    client.get(url)
    article.title_en = "Second title"
    article.body_en = "A new body, with *emphasis*."
    article.save()
    html = client.get(url).content.decode()
    assert "Second title" in html and "<em>emphasis</em>" in html
    assert "First title" not in html


def test_renaming_a_category_renews_every_pages_menu(client, settings):
    settings.BROADSHEET_PAGE_CACHE = False
    article = make_article()
    url = article.get_absolute_url("en")
    client.get(url), client.get("/en/")
    article.category.name_en = "Renamed section"
    article.category.save()
    for page in (url, "/en/"):
        nav = re.search(
            r'<nav class="container category-nav".*?</nav>', client.get(page).content.decode(), re.S
        )
        assert "Renamed section" in nav[0]


def test_a_scheduled_article_reaches_the_lists_on_time(client, settings):
    settings.BROADSHEET_PAGE_CACHE = False
    section = make_category()
    article = make_article(title_en="Already out", category=section)
    make_article(
        title_en="Goes out at ten past",
        category=section,
        published_at=timezone.now() + timedelta(minutes=10),
    )
    url = article.get_absolute_url("en")
    assert more_in(client.get(url).content.decode()) == []
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        assert more_in(client.get(url).content.decode()) == ["Goes out at ten past"]


def test_each_language_and_host_has_its_own_parts(client, settings):
    settings.ALLOWED_HOSTS = ["a.example", "b.example"]
    article = make_article(title_en="In English", title_tr="Türkçe")
    first = client.get(article.get_absolute_url("en"), HTTP_HOST="a.example").content.decode()
    other = client.get(article.get_absolute_url("en"), HTTP_HOST="b.example").content.decode()
    turkish = client.get(article.get_absolute_url("tr"), HTTP_HOST="a.example").content.decode()
    assert 'data-url="http://a.example/' in first
    assert 'data-url="http://b.example/' in other
    assert "<h1>Türkçe</h1>" in turkish and "<h1>In English</h1>" in first


def test_staff_see_the_database_not_the_kept_parts(client, settings):
    settings.BROADSHEET_PAGE_CACHE = False
    article = make_article(title_en="Kept title")
    url = article.get_absolute_url("en")
    client.get(url)
    # A change no token hears of (a bulk update without the services): readers keep
    # the parts until their lifetime ends; staff never read them.
    Article.objects.filter(pk=article.pk).update(title_en="Quietly changed")
    assert "Kept title" in client.get(url).content.decode().split("<main", 1)[1]
    staff = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    editor = Client()
    editor.force_login(staff)
    assert "Quietly changed" in editor.get(url).content.decode().split("<main", 1)[1]
