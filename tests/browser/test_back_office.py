"""The newsroom's day in a real browser: an editor publishes, a translator translates."""

import pytest
from playwright.sync_api import Page, expect

from articles.models import Article
from tests.factories import make_article, make_category, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


def log_in(page: Page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/en/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#newsroom-dashboard")).to_be_visible()


def test_an_editor_writes_and_publishes_an_article_that_then_shows_on_the_site(
    page: Page, live_server, roles
):
    make_user(groups=["Editors"], username="eda")
    make_category(name_en="Cloud computing")
    log_in(page, live_server, "eda")

    page.goto(f"{live_server.url}/en/admin/articles/article/add/")
    # One language switch for the whole form.
    languages = page.get_by_role("tablist", name="Language of the translated fields")
    expect(languages.get_by_role("tab", name="English")).to_be_visible()

    # Saving without a title marks the English tab as the one with the error.
    page.locator("#id_body_en").fill("Serverless still runs on servers.")
    page.locator(".field-category .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill("Cloud")
    page.get_by_role("option", name="Cloud computing").click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".errornote")).to_be_visible()
    marked = page.locator("[role=tab].tab-has-errors")
    expect(marked).to_have_count(1)
    expect(marked).to_contain_text("English")
    expect(marked).to_contain_text("has errors")
    expect(marked).to_have_attribute("aria-selected", "true")

    page.locator("#id_title_en").fill("What serverless really means")
    page.locator("#id_status").select_option("published")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    row = page.locator("#result_list tr", has_text="What serverless really means")
    expect(row).to_contain_text("Published")

    article = Article.objects.get(title_en="What serverless really means")
    assert article.is_published
    page.goto(f"{live_server.url}/en/")
    expect(page.get_by_role("link", name="What serverless really means")).to_be_visible()


def test_a_translator_translates_but_cannot_publish(page: Page, live_server, roles):
    make_user(groups=["Translators"], username="tarik")
    article = make_article(
        title_en="Containers explained", status=Article.Status.REVIEW, published_at=None
    )
    log_in(page, live_server, "tarik")

    page.goto(f"{live_server.url}/en/admin/articles/article/")
    expect(page.get_by_role("link", name="Containers explained")).to_be_visible()
    # The only bulk action a translator gets is marking translations current again.
    expect(page.locator("select[name=action] option[value=publish]")).to_have_count(0)
    expect(
        page.locator("select[name=action] option[value=mark_translations_current]")
    ).to_have_count(1)

    page.get_by_role("link", name="Containers explained").click()
    expect(page.locator("#id_status")).to_have_count(0)
    expect(page.locator("#id_title_en")).to_have_count(0)
    expect(page.locator("select[name='CHANGE_FORM-action'] option[value=publish]")).to_have_count(0)
    expect(page.get_by_text("Publish now")).to_have_count(0)
    page.get_by_role("tab", name="Turkish").click()
    page.locator("#id_title_tr").fill("Konteynerler açıklandı")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    article.refresh_from_db()
    assert article.title_tr == "Konteynerler açıklandı"
    assert article.status == Article.Status.REVIEW


def test_a_moderator_approves_a_comment_but_cannot_touch_articles(page: Page, live_server, roles):
    from comments.models import Comment
    from tests.factories import make_comment

    make_user(groups=["Moderators"], username="mehmet")
    article = make_article(title_en="Containers explained")
    make_comment(article=article, status=Comment.Status.PENDING, name="Ayşe", text="Great read!")
    log_in(page, live_server, "mehmet")

    # The dashboard leads straight to the queue.
    page.get_by_role("link", name="Comments waiting for review").click()
    expect(page.get_by_text("Great read!")).to_be_visible()
    page.locator("input[name=_selected_action]").first.check()
    page.locator("select[name=action]").select_option("approve")
    page.get_by_role("button", name="Run").click()
    expect(page.locator(".messagelist")).to_contain_text("approved")

    page.goto(f"{live_server.url}{article.get_absolute_url('en')}")
    expect(page.locator(".comment-list")).to_contain_text("Great read!")

    # Articles are read-only for moderators: no add link, no save button, no actions.
    page.goto(f"{live_server.url}/en/admin/articles/article/")
    expect(page.get_by_role("link", name="Containers explained")).to_be_visible()
    expect(page.locator("a.addlink")).to_have_count(0)
    page.get_by_role("link", name="Containers explained").click()
    expect(page.get_by_role("button", name="Save", exact=True)).to_have_count(0)
