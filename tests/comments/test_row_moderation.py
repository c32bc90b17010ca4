"""The moderation list at newsroom speed: the whole comment, signals and reports in words,
per-row decisions that come back to the same list page, and the auto-approval rule."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments import services
from comments.models import Comment, NotificationAddress, Report
from core.languages import LANGUAGE_CODES
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db

CHANGELIST = "/en/admin/comments/comment/"


@pytest.fixture
def desk(moderator):
    client = Client()
    client.force_login(moderator)
    return client


def moderate_url(comment) -> str:
    return reverse("admin:comments_comment_moderate", args=[comment.pk])


def row_of(html: str, comment) -> str:
    start = html.index(f'value="{comment.pk}"', html.index('id="result_list"'))
    return html[start : html.index("</tr>", start)]


def test_the_list_shows_the_whole_comment_escaped_with_its_line_breaks(desk):
    long_text = "First line <em>not markup</em>\nSecond line " + "word " * 200
    comment = make_comment(text=long_text.strip(), status=Comment.Status.PENDING)
    row = row_of(desk.get(CHANGELIST).content.decode(), comment)
    assert "First line &lt;em&gt;not markup&lt;/em&gt;<br>Second line" in row
    assert row.count("word") == 200  # not an excerpt
    assert "<em>" not in row


def test_each_row_has_decision_buttons_and_approved_ones_a_permalink(desk):
    pending = make_comment(status=Comment.Status.PENDING, name="Pelin")
    approved = make_comment(name="Ayşe")
    html = desk.get(CHANGELIST + "?o=1").content.decode()
    # The buttons submit the one form outside the change list's form, carrying this page.
    form = re.search(r'<form id="comment-row-form" method="post" hidden>(.*?)</form>', html, re.S)
    assert form and 'name="csrfmiddlewaretoken"' in form[1]
    assert 'name="next" value="/en/admin/comments/comment/?o=1"' in form[1]
    row = row_of(html, pending)
    for value, label in (("approved", "Approve"), ("rejected", "Reject"), ("spam", "Spam")):
        assert (
            f'<button type="submit" class="button" form="comment-row-form" '
            f'formaction="{moderate_url(pending)}" name="decision" value="{value}" '
            f'aria-label="{label} the comment by Pelin">{label}</button>'
        ) in row
    assert 'value="approved"' not in row_of(html, approved)  # already approved
    assert f'href="{approved.get_absolute_url()}"' in row_of(html, approved)
    assert approved.get_absolute_url().endswith(f"#comment-{approved.pk}")
    assert "#comment-" not in row_of(html, pending)


def test_a_row_button_decides_and_returns_to_the_same_filtered_page(desk, moderator):
    article = make_article()
    comment = make_comment(article=article, status=Comment.Status.PENDING, text="Row approve.")
    back = CHANGELIST + "?status__exact=pending&p=1"
    response = desk.post(moderate_url(comment), {"decision": "approved", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED and comment.moderated_by == moderator
    assert LogEntry.objects.filter(object_id=str(comment.pk)).exists()
    page = desk.get(back).content.decode()
    assert "The comment by Ayşe Reader is approved." in page
    for language in LANGUAGE_CODES:
        assert "Row approve." in Client().get(article.get_absolute_url(language)).content.decode()


def test_row_decisions_refuse_what_they_should(desk, client, editor):
    comment = make_comment(status=Comment.Status.PENDING)
    assert desk.get(moderate_url(comment)).status_code == 405
    unknown = desk.post(moderate_url(comment), {"decision": "delete"}, follow=True)
    assert "Unknown decision." in unknown.content.decode()
    elsewhere = desk.post(moderate_url(comment), {"decision": "spam", "next": "//evil.example/"})
    assert elsewhere["Location"] == CHANGELIST
    client.force_login(editor)  # may view comments, not change them
    assert client.post(moderate_url(comment), {"decision": "approved"}).status_code == 403
    assert 'name="decision"' not in client.get(CHANGELIST).content.decode()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.SPAM  # the moderator's decision only
    assert desk.post(reverse("admin:comments_comment_moderate", args=[99999])).status_code == 404


def test_signals_and_reports_show_in_words(desk):
    comment = make_comment(spam_signals="links,too_fast")
    Report.objects.create(comment=comment, reason="abuse", client_hash="a", note="Rude <b>x</b>")
    Report.objects.create(comment=comment, reason="abuse", client_hash="b")
    Report.objects.create(
        comment=comment, reason="other", client_hash="c", resolved_at=timezone.now()
    )
    row = row_of(desk.get(CHANGELIST).content.decode(), comment)
    assert "Too many links, Sent too soon after the form was shown" in row
    assert "<strong>2 reports</strong>" in row and "Abuse or harassment\u00a0×\u00a02" in row
    assert "Rude &lt;b&gt;x&lt;/b&gt;" in row and "Other" not in row


@pytest.mark.parametrize("view", [CHANGELIST, "/en/admin/comments/reportedcomment/"])
def test_the_lists_take_a_fixed_number_of_queries(desk, view, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(n: int) -> int:
        for i in range(n):
            comment = make_comment(text=f"Queried {i}")
            Report.objects.create(comment=comment, reason="spam", client_hash=f"{n}-{i}")
        with CaptureQueriesContext(connection) as queries:
            assert desk.get(view).status_code == 200
        return len(queries)

    assert count(2) == count(6)


def test_auto_approval_needs_a_confirmed_address_with_enough_approved_comments(settings, desk):
    settings.COMMENTS_AUTO_APPROVE_AFTER = 2
    article = make_article()
    email = "regular@example.com"

    def submit(text):
        return services.comment_submit(
            article=article, name="Regular", email=email, text=text, language="en"
        )

    for n in range(2):
        make_comment(article=article, email=email, text=f"Earlier {n}")
    assert submit("Unconfirmed address.").status == Comment.Status.PENDING
    NotificationAddress.objects.create(email=email, language="en", confirmed_at=timezone.now())
    auto = submit("Confirmed and known.")
    assert auto.status == Comment.Status.APPROVED
    assert auto.moderated_by is None and auto.moderated_at is not None
    rule = "Approved automatically: 2 approved comments under a confirmed e-mail address."
    assert auto.approved_by_rule == rule
    assert rule in row_of(desk.get(CHANGELIST).content.decode(), auto)
    assert "Confirmed and known." in Client().get(article.get_absolute_url()).content.decode()
    # Spam signals still send it to the spam folder; other addresses still wait.
    spam = services.comment_submit(
        article=article, name="R", email=email, text="x", language="en", spam_signals=["links"]
    )
    assert spam.status == Comment.Status.SPAM
    other = services.comment_submit(
        article=article, name="New", email="new@example.com", text="y", language="en"
    )
    assert other.status == Comment.Status.PENDING


def test_auto_approval_is_off_by_default(settings):
    assert settings.COMMENTS_AUTO_APPROVE_AFTER is None
    article = make_article()
    email = "regular@example.com"
    NotificationAddress.objects.create(email=email, language="en", confirmed_at=timezone.now())
    for n in range(5):
        make_comment(article=article, email=email, text=f"Earlier {n}")
    comment = services.comment_submit(
        article=article, name="Regular", email=email, text="Waits.", language="en"
    )
    assert comment.status == Comment.Status.PENDING
