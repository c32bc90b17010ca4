"""Readers report a comment; enough reports hide it until a moderator keeps or removes it."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from comments.models import Comment, Report
from core.languages import LANGUAGE_CODES
from tests.comments.conftest import question_from
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db

REPORTED = "/en/admin/comments/reportedcomment/"


def report_url(comment, language="en") -> str:
    with translation.override(language):
        return reverse("comments:report", args=[comment.pk])


def send_report(client, comment, *, ip="203.0.113.7", language="en", **fields):
    """Open the report page as a reader, answer its question, send ``fields``."""
    page = client.get(report_url(comment, language), REMOTE_ADDR=ip)
    assert page.status_code == 200
    html = page.content.decode()
    a, b = question_from(html)
    token = re.search(r'name="token" value="([^"]*)"', html)[1]
    data = {"reason": "spam", "note": "", "token": token, "answer": str(a + b), **fields}
    return client.post(report_url(comment, language), data, REMOTE_ADDR=ip)


def cached_page(article, language="en") -> str:
    reader = Client()
    reader.get(article.get_absolute_url(language))
    response = reader.get(article.get_absolute_url(language))
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def test_each_approved_comment_has_a_report_link_to_a_form_with_the_reasons(client):
    article = make_article()
    comment = make_comment(article=article, name="Ayşe", text="A remark to report.")
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert f'href="{report_url(comment)}"' in html
    assert 'Report<span class="visually-hidden"> the comment by Ayşe</span>' in html
    page = client.get(report_url(comment)).content.decode()
    assert "A remark to report." in page
    for reason in ("Spam", "Abuse or harassment", "Off-topic", "Misinformation", "Other"):
        assert reason in page, page[page.find("<main") :]
    assert 'name="csrfmiddlewaretoken"' in page
    assert re.search(r"\d+ \+ \d+ = \?", page), "no human check"
    turkish = client.get(report_url(comment, "tr")).content.decode()
    assert "Yorumu bildir" in turkish and "Taciz veya hakaret" in turkish


def test_a_report_is_thanked_recorded_and_taken_once_per_reader():
    article = make_article()
    comment = make_comment(article=article)
    reader = Client()
    response = send_report(reader, comment, reason="abuse", note="Insults <b>me</b>")
    assert response.status_code == 200
    assert "Thank you for your report" in response.content.decode()
    report = Report.objects.get()
    assert (report.reason, report.note) == ("abuse", "Insults <b>me</b>")
    assert report.client_hash and "203.0.113.7" not in report.client_hash
    # The same browser: told at once, no form.
    again = reader.get(report_url(comment)).content.decode()
    assert "You have already reported this comment" in again
    # The same reader without the cookie (another browser, same address): refused clearly.
    other_browser = send_report(Client(), comment)
    assert other_browser.status_code == 400
    assert "You have already reported this comment" in other_browser.content.decode()
    assert Report.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"reason": ""}, "Please choose a reason."),
        ({"reason": "nonsense"}, "Please choose a reason."),
        ({"note": "x" * 501}, "Please shorten your note to at most 500 characters (it has 501)."),
        ({"answer": "999"}, "That answer is not right. Please answer the new question."),
        ({"token": "forged"}, "The human check could not be read."),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_the_note(fields, message):
    comment = make_comment()
    response = send_report(Client(), comment, **{"note": "My note", **fields})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your report was not sent yet" in html
    assert message in html
    if "note" not in fields:
        assert "My note</textarea>" in html
    assert not Report.objects.exists()


def test_only_visible_approved_comments_can_be_reported(client):
    for status in (Comment.Status.PENDING, Comment.Status.REJECTED, Comment.Status.SPAM):
        assert client.get(report_url(make_comment(status=status))).status_code == 404
    assert client.get("/en/comments/report/999999/").status_code == 404
    assert client.get("/en/comments/report/abc/").status_code == 404


def test_reports_hide_a_comment_from_the_cached_page_until_a_moderator_keeps_it(
    settings, moderator
):
    settings.COMMENTS_HIDE_AFTER_REPORTS = 2
    article = make_article()
    comment = make_comment(article=article, text="A disputed remark.")
    for language in LANGUAGE_CODES:
        assert "A disputed remark." in cached_page(article, language)
    send_report(Client(), comment, ip="198.51.100.1")
    assert "A disputed remark." in cached_page(article)
    send_report(Client(), comment, ip="198.51.100.2", reason="misinformation")
    for language in LANGUAGE_CODES:
        html = Client().get(article.get_absolute_url(language)).content.decode()
        assert "A disputed remark." not in html
        assert Client().get(report_url(comment, language)).status_code == 404

    desk = Client()
    desk.force_login(moderator)
    queue = desk.get(REPORTED).content.decode()
    assert "A disputed remark." in queue
    assert "2 reports" in queue and "hidden from readers" in queue
    assert "Spam\u00a0×\u00a01" in queue and "Misinformation\u00a0×\u00a01" in queue
    response = desk.post(
        reverse("admin:comments_reportedcomment_decide", args=[comment.pk]),
        {"decision": "keep", "next": REPORTED + "?q=disputed"},
    )
    assert response.status_code == 302 and response["Location"] == REPORTED + "?q=disputed"
    for language in LANGUAGE_CODES:
        assert "A disputed remark." in cached_page(article, language)
    assert "A disputed remark." not in desk.get(REPORTED).content.decode()
    assert not Report.objects.filter(resolved_at__isnull=True).exists()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED and comment.hidden_at is None


def test_remove_rejects_a_reported_comment(settings, moderator):
    article = make_article()
    comment = make_comment(article=article, text="A remark to remove.")
    send_report(Client(), comment)
    assert "A remark to remove." in cached_page(article)
    desk = Client()
    desk.force_login(moderator)
    response = desk.post(
        reverse("admin:comments_reportedcomment_decide", args=[comment.pk]),
        {"decision": "remove", "next": "https://elsewhere.example/"},
    )
    assert response["Location"] == REPORTED  # never to another site
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED
    assert comment.moderated_by == moderator
    assert "A remark to remove." not in Client().get(article.get_absolute_url()).content.decode()


def test_without_a_threshold_reports_never_hide(settings):
    settings.COMMENTS_HIDE_AFTER_REPORTS = None
    article = make_article()
    comment = make_comment(article=article, text="Reported often.")
    for n in range(4):
        send_report(Client(), comment, ip=f"198.51.100.{n + 10}")
    assert Report.objects.count() == 4
    assert "Reported often." in Client().get(article.get_absolute_url()).content.decode()


def test_the_reported_list_actions_keep_and_remove(moderator):
    kept, removed = make_comment(text="Keep me."), make_comment(text="Remove me.")
    for comment in (kept, removed):
        send_report(Client(), comment)
    desk = Client()
    desk.force_login(moderator)
    for action, comment in (("keep", kept), ("remove", removed)):
        response = desk.post(REPORTED, {"action": action, "_selected_action": [comment.pk]})
        assert response.status_code == 302
    kept.refresh_from_db()
    removed.refresh_from_db()
    assert kept.status == Comment.Status.APPROVED
    assert removed.status == Comment.Status.REJECTED
    assert "Keep me." not in desk.get(REPORTED).content.decode()


def test_an_editor_sees_the_reported_queue_but_cannot_decide(client, editor):
    comment = make_comment(text="Seen by editors.")
    send_report(Client(), comment)
    client.force_login(editor)
    html = client.get(REPORTED).content.decode()
    assert "Seen by editors." in html and 'name="decision"' not in html
    decide = reverse("admin:comments_reportedcomment_decide", args=[comment.pk])
    assert client.post(decide, {"decision": "remove"}).status_code == 403
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
