"""The republishing desk in real Chromium: an editor imports a DEV-Community-like page
from a real local HTTP server; a real worker process makes the draft; the preview shows
its body, highlighted code, table, attribution, original date and canonical link."""

import pytest
from playwright.sync_api import Page, expect

from articles.models import Article
from tests.browser.test_back_office import log_in
from tests.factories import make_category, make_source, make_user
from tests.republishing.site import ARTICLE_PATH, serve
from tests.workers import copy_back, database_url_for_worker, run_batch_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_imports_a_page_and_previews_the_draft(
    page: Page, live_server, roles, httpserver, tmp_path, settings
):
    site = serve(httpserver)
    make_user(groups=["Editors"], username="eda")
    make_source(name="DEV Community", url="https://dev.to", language="en")
    make_category(name_en="Software", slug="software")
    log_in(page, live_server, "eda")

    page.goto(f"{live_server.url}/en/admin/republishing/importrequest/add/")
    page.get_by_label("Address").fill(site + ARTICLE_PATH)
    page.get_by_label("Source").select_option(label="DEV Community")
    page.get_by_label("Category").select_option(label="Software")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("is queued")
    expect(page.locator("#result_list")).to_contain_text("Queued")

    url = database_url_for_worker(tmp_path)
    run_batch_worker(url, DJANGO_MEDIA_ROOT=str(settings.MEDIA_ROOT))
    copy_back(url)

    page.reload()
    expect(page.locator("#result_list")).to_contain_text("Done")
    article = Article.objects.get()
    page.locator("#result_list").get_by_role("link", name=article.title_en).click()
    expect(page.locator("#id_status")).to_have_value("draft")
    expect(page.locator("#id_original_url")).to_have_value(site + ARTICLE_PATH)
    expect(page.locator("#id_body_en")).to_have_value(article.body_en)
    assert "```dockerfile\nFROM python:3.13-slim" in article.body_en

    page.goto(f"{live_server.url}/en/preview/{article.public_id}/")
    body = page.locator(".article-body, article").first
    expect(body.locator("h2", has_text="Building an image")).to_be_visible()
    code = body.locator(".codehilite pre").first
    expect(code).to_contain_text("FROM python:3.13-slim")
    expect(code.locator("span.k").first).to_have_text("FROM")  # highlighted
    table = body.locator("table")
    expect(table.locator("th")).to_have_text(["Thing", "Mutable?", "Lives in"])
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(body.get_by_role("link", name="the build docs")).to_have_attribute(
        "href", "https://docs.docker.com/build/"
    )
    expect(
        page.get_by_text("Originally published by DEV Community on 14 March 2026")
    ).to_be_visible()
    expect(page.get_by_role("link", name="DEV Community")).to_have_attribute(
        "href", site + ARTICLE_PATH
    )
    expect(page.locator("text=Ayşe Demir").first).to_be_visible()
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert canonical == site + ARTICLE_PATH

    page.goto(f"{live_server.url}/tr/preview/{article.public_id}/")
    expect(page.get_by_text("İlk olarak 14 Mart 2026 tarihinde DEV Community")).to_be_visible()
