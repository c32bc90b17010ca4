"""The front page in hierarchy: a lead story, the next stories as cards with comment
counts, sections per category; category pages the same; featuring from the admin."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles import services
from articles.models import Article
from articles.views import HomeView
from tests.articles.admin_helpers import run_action
from tests.factories import make_article, make_category, make_comment

pytestmark = pytest.mark.django_db


def lead_title(page: str) -> str:
    match = re.search(r'id="lead-story-title"[^>]*><a href="[^"]+">([^<]+)</a>', page)
    assert match, "the page has no lead story"
    return match.group(1)


def grid_titles(page: str) -> list[str]:
    grid = page.split('class="story-grid-section"')[1].split("</section>")[0]
    return re.findall(r'class="card-title"[^>]*><a href="[^"]+">([^<]+)</a>', grid)


def sections(page: str) -> dict[str, list[str]]:
    found = {}
    for block in page.split('<section class="category-section"')[1:]:
        name = re.search(r'class="section-heading"><a href="[^"]+"[^>]*>([^<]+)</a>', block)
        titles = re.findall(r'class="card-title"[^>]*><a href="[^"]+">([^<]+)</a>', block)
        found[name.group(1)] = titles
    return found


def home(client, language="en", page=None) -> str:
    response = client.get(f"/{language}/" + (f"?page={page}" if page else ""))
    assert response.status_code == 200
    return response.content.decode()


def test_the_latest_article_leads_with_its_standfirst_then_the_rest_as_cards(client):
    category = make_category()
    latest = make_article(
        category=category, title_en="Latest story", standfirst_en="The lead's standfirst."
    )
    older = make_article(category=category, title_en="Older story")
    page = home(client)
    assert lead_title(page) == latest.title_en
    assert "The lead&#x27;s standfirst." in page or "The lead's standfirst." in page
    assert grid_titles(page) == [older.title_en]


def test_featuring_an_older_article_makes_it_the_lead_and_replaces_the_previous_lead(
    client, editor
):
    articles = [make_article(title_en=f"Story {n}") for n in range(3)]
    latest, middle, oldest = sorted(articles, key=lambda a: a.published_at, reverse=True)
    services.article_feature(article=oldest, user=editor)
    page = home(client)
    assert lead_title(page) == oldest.title_en
    assert oldest.title_en not in grid_titles(page)
    assert lead_title(home(client, "tr")) == oldest.title_en  # its original title, labelled

    services.article_feature(article=middle, user=editor)
    assert lead_title(home(client)) == middle.title_en
    oldest.refresh_from_db()
    assert oldest.featured_at is None

    services.article_unfeature(article=middle, user=editor)
    assert lead_title(home(client)) == latest.title_en


def test_only_a_published_article_can_lead(client, editor):
    latest = make_article(title_en="Latest story")
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    scheduled = make_article(published_at=timezone.now() + timedelta(days=1))
    for article in (draft, scheduled):
        with pytest.raises(ValidationError):
            services.article_feature(article=article, user=editor)
    featured = make_article(title_en="Featured, then unpublished")
    services.article_feature(article=featured, user=editor)
    services.article_unpublish(article=featured, user=editor)
    featured.refresh_from_db()
    assert featured.featured_at is None
    assert lead_title(home(client)) == latest.title_en


def test_editors_feature_and_stop_featuring_in_the_admin(client, editor):
    make_article(title_en="Latest story")
    older = make_article(title_en="An older story worth leading")
    client.force_login(editor)
    response = run_action(client, "feature", older)
    assert response.status_code == 302
    client.logout()
    assert lead_title(home(client)) == older.title_en
    client.force_login(editor)
    run_action(client, "unfeature", older)
    client.logout()
    assert lead_title(home(client)) == "Latest story"


def test_featuring_several_at_once_is_refused_with_a_message(client, editor):
    one, two = make_article(), make_article()
    client.force_login(editor)
    response = run_action(client, "feature", one, two)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Select one article to lead the front page."]
    assert not Article.objects.filter(featured_at__isnull=False).exists()


def test_a_draft_cannot_be_featured_in_the_admin(client, editor):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    client.force_login(editor)
    response = run_action(client, "feature", draft)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Only a published article can lead the front page." in m for m in messages)
    draft.refresh_from_db()
    assert draft.featured_at is None


def test_sections_show_each_categorys_latest_articles_below_the_top_stories(client, monkeypatch):
    monkeypatch.setattr(HomeView, "paginate_by", 2)
    tools = make_category(name_en="Tools", position=1)
    security = make_category(name_en="Security", position=2)
    make_category(name_en="Empty desk", position=3)
    now = timezone.now()
    tool_stories = [
        make_article(category=tools, title_en=f"Tool {n}", published_at=now - timedelta(hours=n))
        for n in range(1, 7)
    ]
    make_article(category=security, title_en="Security 1", published_at=now)
    page = home(client)
    assert lead_title(page) == "Security 1"
    assert grid_titles(page) == ["Tool 1"]
    # Not what is above; at most four per category; no section for an empty one.
    assert sections(page) == {"Tools": [a.title_en for a in tool_stories[1:5]]}
    assert f'href="{tools.get_absolute_url()}">More in Tools' in page
    # Page 2 is a plain list, continuing where page 1 stopped.
    second = home(client, page=2)
    assert "lead-story" not in second and "category-section" not in second
    assert re.findall(r'class="card-title"[^>]*><a href="[^"]+">([^<]+)</a>', second) == [
        "Tool 2",
        "Tool 3",
    ]


def test_a_category_page_leads_with_the_featured_article_only_if_it_is_in_it(client, editor):
    tools, security = make_category(), make_category()
    make_article(category=tools, title_en="Latest tool")
    older_tool = make_article(category=tools, title_en="Older tool")
    other = make_article(category=security, title_en="Security story")
    page = client.get(tools.get_absolute_url("en")).content.decode()
    assert lead_title(page) == "Latest tool"
    services.article_feature(article=other, user=editor)
    page = client.get(tools.get_absolute_url("en")).content.decode()
    assert lead_title(page) == "Latest tool"
    services.article_feature(article=older_tool, user=editor)
    page = client.get(tools.get_absolute_url("en")).content.decode()
    assert lead_title(page) == "Older tool"
    assert grid_titles(page) == ["Latest tool"]


def test_cards_show_approved_comment_counts(client):
    category = make_category()
    quiet = make_article(category=category, title_en="Quiet story")
    talked = make_article(category=category, title_en="Talked-about story")
    make_comment(article=talked)
    make_comment(article=talked)
    make_comment(article=quiet, status="pending")
    page = home(client)
    assert f'href="{talked.get_absolute_url()}#comments">2 comments</a>' in page
    assert f"{quiet.get_absolute_url()}#comments" not in page
    turkish = home(client, "tr")
    assert "2 yorum" in turkish


def make_front_page(count: int) -> list[Article]:
    """``count`` articles over ``count // 2`` categories, each with approved comments."""
    categories = [make_category() for _ in range(max(1, count // 2))]
    articles = []
    for n in range(count):
        article = make_article(category=categories[n % len(categories)])
        make_comment(article=article)
        articles.append(article)
    return articles


@pytest.mark.parametrize("count", [5, 8])
def test_home_page_queries_stay_fixed_as_articles_and_categories_grow(
    client, django_assert_num_queries, editor, count, monkeypatch
):
    monkeypatch.setattr(HomeView, "paginate_by", 3)
    articles = make_front_page(count)
    services.article_feature(article=articles[-1], user=editor)
    # Articles, their count, the lead, the sections, each with its authors; comment counts,
    # the menu, the footer pages. (5 articles already fill a section below the 4 above.)
    with django_assert_num_queries(11):
        page = home(client)
    cards = page.count('<article class="card')
    assert cards == min(count, 8) and page.count("1 comment</a>") == cards


@pytest.mark.parametrize("count", [2, 8])
def test_category_page_queries_stay_fixed(client, django_assert_num_queries, count):
    category = make_category()
    for _ in range(count):
        make_comment(article=make_article(category=category))
    # The category, articles, their count, the lead, each with its authors; comment
    # counts, menu, footer pages.
    with django_assert_num_queries(10):
        page = client.get(category.get_absolute_url("en")).content.decode()
    assert page.count("1 comment</a>") == count
