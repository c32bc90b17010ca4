from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article, Category, Source

pytestmark = pytest.mark.django_db


def test_demo_content_is_a_real_front_page(client):
    call_command("load_demo", "--if-empty", stdout=StringIO())
    articles = Article.objects.published()
    assert articles.count() >= 8
    assert Category.objects.filter(articles__isnull=False).distinct().count() >= 3
    assert Source.objects.filter(articles__isnull=False).distinct().count() >= 2
    assert (
        articles.exclude(title_tr__isnull=True).exclude(title_tr="").count() > articles.count() / 2
    )
    bodies = [a.body_en for a in articles]
    assert any("```" in body for body in bodies)
    assert any("|---" in body or "| ---" in body or "|:--" in body for body in bodies)
    dates = sorted(a.published_at for a in articles)
    assert (dates[-1] - dates[0]).days >= 14
    for article in articles:
        assert client.get(article.get_absolute_url("en")).status_code == 200
        assert client.get(article.get_absolute_url("tr")).status_code == 200


def test_load_demo_if_empty_never_duplicates():
    call_command("load_demo", "--if-empty", stdout=StringIO())
    count = Article.objects.count()
    call_command("load_demo", "--if-empty", stdout=StringIO())
    assert Article.objects.count() == count


def test_dry_run_changes_nothing():
    out = StringIO()
    call_command("load_demo", "--dry-run", stdout=out)
    assert "Would load" in out.getvalue()
    assert not Article.objects.exists()
