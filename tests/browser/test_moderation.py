"""Reports, per-row moderation with the keyboard and the commenter's e-mail notices, in
real Chromium (the notices through a real worker process and a real SMTP server)."""

import re
import urllib.parse

import pytest
from playwright.sync_api import Page, expect

from comments import notifications
from comments.models import Comment, NotificationAddress, Report
from tests.browser.conftest import sum_answer, violations
from tests.browser.test_back_office import log_in
from tests.factories import make_article, make_comment, make_user
from tests.mailserver import smtp_server, text_of  # noqa: F401 -- the fixture
from tests.workers import database_url_for_worker, run_batch_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def answer_the_check(page: Page) -> None:
    page.get_by_label(re.compile("Human check|Robot")).fill(sum_answer(page))


def test_a_reader_reports_a_comment_which_then_leaves_the_page(page: Page, live_server, settings):
    settings.COMMENTS_HIDE_AFTER_REPORTS = 1
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0
    article = make_article(title_en="Containers explained")
    make_comment(article=article, name="Troll", text="You are all idiots.")
    page.goto(live_server.url + article.get_absolute_url("en"))
    page.get_by_role("link", name="Report the comment by Troll").click()
    expect(page.get_by_role("heading", name="Report a comment")).to_be_visible()
    expect(page.locator(".reported-comment")).to_contain_text("You are all idiots.")

    # Sent without a reason: told, and nothing lost.
    page.get_by_label("Note for the editors (optional)").fill("Insults everyone.")
    answer_the_check(page)
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("alert")).to_contain_text("Please choose a reason.")
    expect(page.get_by_label("Note for the editors (optional)")).to_have_value("Insults everyone.")

    page.get_by_label("Abuse or harassment").check()
    answer_the_check(page)
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("heading", name="Thank you for your report")).to_be_visible()
    report = Report.objects.get()
    assert (report.reason, report.note) == ("abuse", "Insults everyone.")

    page.get_by_role("link", name="Back to the article").click()
    expect(page.locator("#comments-title")).to_have_text("0 comments")
    expect(page.get_by_text("You are all idiots.")).to_have_count(0)


def test_the_report_pages_have_no_accessibility_violations(axe_page, live_server):
    comment = make_comment(text="Reported <b>text</b>")
    url = f"{live_server.url}/en/comments/report/{comment.pk}/"
    axe_page.goto(url)
    assert violations(axe_page) == []
    axe_page.get_by_role("button", name="Send report").click()  # the error summary
    expect(axe_page.get_by_role("alert")).to_be_visible()
    assert violations(axe_page) == []
    axe_page.goto(f"{live_server.url}/tr/comments/report/{comment.pk}/")
    assert violations(axe_page) == []
    for path in (
        f"/en/comments/confirm/{notifications.confirm_token('a@example.com')}/",
        f"/tr/comments/unsubscribe/{notifications.unsubscribe_token('a@example.com')}/",
        "/en/comments/confirm/broken/",
    ):
        axe_page.goto(live_server.url + path)
        assert violations(axe_page) == [], path


def test_the_moderation_lists_have_no_accessibility_violations(axe_page, live_server, roles):
    make_user(groups=["Moderators"], username="mehmet")
    comment = make_comment(text="Reported\nline", spam_signals="links")
    make_comment(status="pending", text="Waiting <b>here</b>")
    Report.objects.create(comment=comment, reason="abuse", client_hash="a", note="Rude")
    log_in(axe_page, live_server, "mehmet")
    for path in ("/en/admin/comments/comment/", "/en/admin/comments/reportedcomment/"):
        axe_page.goto(live_server.url + path)
        assert violations(axe_page) == [], path


def test_a_moderator_decides_row_by_row_with_the_keyboard(page: Page, live_server, roles):
    make_user(groups=["Moderators"], username="mehmet")
    article = make_article(title_en="Containers explained")
    first = make_comment(article=article, status="pending", name="Ayşe", text="Great read!")
    second = make_comment(article=article, status="pending", name="Bora", text="Buy pills")
    log_in(page, live_server, "mehmet")
    page.goto(f"{live_server.url}/en/admin/comments/comment/?status__exact=pending")
    expect(page.get_by_text("Great read!")).to_be_visible()

    approve = page.get_by_role("button", name="Approve the comment by Ayşe")
    approve.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messagelist")).to_contain_text("The comment by Ayşe is approved.")
    # Still the same filtered list: the next comment is there, the decided one is not.
    assert page.url.endswith("/en/admin/comments/comment/?status__exact=pending")
    expect(page.get_by_text("Great read!")).to_have_count(0)
    spam = page.get_by_role("button", name="Spam the comment by Bora")
    spam.focus()
    page.keyboard.press("Space")
    expect(page.locator(".messagelist")).to_contain_text("marked as spam")

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("approved", "spam")
    page.goto(live_server.url + article.get_absolute_url("tr"))
    expect(page.locator(".comment-list")).to_contain_text("Great read!")


def _path(message, kind: str) -> str:
    found = re.search(rf"https?://\S+/comments/{kind}/\S+/", text_of(message))
    assert found, text_of(message)
    return urllib.parse.urlsplit(found[0]).path


def test_opt_in_confirm_approval_e_mail_and_unsubscribe(
    page: Page,
    live_server,
    settings,
    tmp_path,
    roles,
    smtp_server,  # noqa: F811
):
    settings.COMMENTS_NOTIFY_MODERATORS = False
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0
    url = database_url_for_worker(tmp_path)
    article = make_article(title_en="Containers explained")
    page.goto(live_server.url + article.get_absolute_url("en"))
    page.get_by_label("Name").fill("Ayşe")
    page.get_by_label("E-mail (optional)").fill("ayse@example.com")
    page.get_by_label("Tell me when my comment is published or answered").check()
    page.locator("#id_text").fill("Clear, thank you.")
    answer_the_check(page)
    page.get_by_role("button", name="Send comment").click()
    expect(page.locator("#comment-form .messages")).to_contain_text("we have e-mailed it a link")

    run_batch_worker(url, **smtp_server.env())
    [confirmation] = smtp_server.wait_for(1)
    assert confirmation["To"] == "ayse@example.com"
    page.goto(live_server.url + _path(confirmation, "confirm"))
    expect(page.get_by_text("ayse@example.com")).to_be_visible()
    page.get_by_role("button", name="Confirm my address").click()
    expect(page.get_by_role("heading", name="Address confirmed")).to_be_visible()
    assert NotificationAddress.objects.get().is_active

    # A moderator approves it; the worker tells the commenter.
    make_user(groups=["Moderators"], username="mehmet", email="")
    page.context.clear_cookies()
    log_in(page, live_server, "mehmet")
    page.goto(f"{live_server.url}/en/admin/comments/comment/?status__exact=pending")
    page.get_by_role("button", name="Approve the comment by Ayşe").click()
    expect(page.locator(".messagelist")).to_contain_text("approved")
    run_batch_worker(url, **smtp_server.env())
    published = smtp_server.wait_for(2)[1]
    assert published["Subject"] == "[Broadsheet] Your comment is published"
    assert published["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    comment = Comment.objects.get()
    assert f"#comment-{comment.pk}" in text_of(published)

    # The unsubscribe link asks, then stops everything.
    page.context.clear_cookies()
    page.goto(live_server.url + _path(published, "unsubscribe"))
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", name="Unsubscribed")).to_be_visible()
    assert not NotificationAddress.objects.get().is_active
