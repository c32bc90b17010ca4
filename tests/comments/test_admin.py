import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db

CHANGELIST = "/en/admin/comments/comment/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def _rows(html: str) -> str:
    return html[html.index('id="result_list"') :]


def test_pending_comments_come_first(editor_client):
    article = make_article()
    make_comment(article=article, text="Approved newest", status=Comment.Status.APPROVED)
    old_pending = make_comment(article=article, text="Pending oldest", status="pending")
    Comment.objects.filter(pk=old_pending.pk).update(
        created_at=timezone.now() - timezone.timedelta(days=3)
    )
    make_comment(article=article, text="Spam newer", status=Comment.Status.SPAM)
    rows = _rows(editor_client.get(CHANGELIST).content.decode())
    assert rows.index("Pending oldest") < rows.index("Approved newest")
    assert rows.index("Pending oldest") < rows.index("Spam newer")


def test_list_shows_escaped_text_article_link_and_spam_signals(editor_client):
    article = make_article(title_en="Containers explained")
    make_comment(
        article=article,
        name="<b>bold</b>",
        text="<script>alert(1)</script>",
        status=Comment.Status.SPAM,
        spam_signals="honeypot,too_fast",
    )
    html = editor_client.get(CHANGELIST).content.decode()
    rows = _rows(html)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rows
    assert "&lt;b&gt;bold&lt;/b&gt;" in rows
    assert f'href="{article.get_absolute_url("en")}"' in rows
    assert f"#{article.public_id} Containers explained" in rows
    assert "Hidden field filled in, Sent too soon after the form was shown" in rows


def test_change_page_shows_text_escaped_with_line_breaks(editor_client):
    comment = make_comment(text="<i>one</i>\ntwo", email="reader@example.com")
    html = editor_client.get(f"{CHANGELIST}{comment.pk}/change/").content.decode()
    assert "&lt;i&gt;one&lt;/i&gt;<br>two" in html
    assert "reader@example.com" in html  # editors see the e-mail


def test_filters_by_status_article_and_date(editor_client):
    first, second = make_article(), make_article()
    make_comment(article=first, text="On the first", status=Comment.Status.PENDING)
    make_comment(article=second, text="On the second", status=Comment.Status.REJECTED)
    html = editor_client.get(CHANGELIST).content.decode()
    assert "By status" in html and "By article" in html and "By sent" in html
    rows = _rows(editor_client.get(f"{CHANGELIST}?status__exact=pending").content.decode())
    assert "On the first" in rows and "On the second" not in rows
    rows = _rows(editor_client.get(f"{CHANGELIST}?article__id__exact={second.pk}").content.decode())
    assert "On the second" in rows and "On the first" not in rows
    rows = _rows(
        editor_client.get(
            f"{CHANGELIST}?created_at__gte=2000-01-01+00:00:00%2B03:00"
        ).content.decode()
    )
    assert "On the first" in rows


@pytest.mark.parametrize(
    ("query", "found"),
    [("Mehmet", "by name"), ("mehmet@example", "by e-mail"), ("kapsayıcı", "by text")],
)
def test_search_covers_name_email_and_text(editor_client, query, found):
    make_comment(name="Mehmet" if found == "by name" else "Someone", text=f"Found {found}")
    if found == "by e-mail":
        Comment.objects.update(email="mehmet@example.com")
    if found == "by text":
        Comment.objects.update(text="Found by text: kapsayıcı")
    make_comment(name="Other", text="Not this one")
    rows = _rows(editor_client.get(CHANGELIST, {"q": query}).content.decode())
    assert f"Found {found}" in rows
    assert "Not this one" not in rows


def test_comments_cannot_be_added_in_the_admin(editor_client):
    assert editor_client.get(f"{CHANGELIST}add/").status_code == 403


def test_changing_the_status_records_who_and_when(editor_client, editor):
    comment = make_comment(status=Comment.Status.PENDING)
    response = editor_client.post(f"{CHANGELIST}{comment.pk}/change/", {"status": "approved"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert comment.moderated_by == editor
    assert comment.moderated_at is not None


def _bulk(client, action: str, comments) -> CaptureQueriesContext:
    ContentType.objects.clear_cache()  # both runs look the content type up once
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            CHANGELIST, {"action": action, "_selected_action": [c.pk for c in comments]}
        )
    assert response.status_code == 302
    return queries


def _pending(count: int, article=None) -> list[Comment]:
    article = article or make_article()
    return Comment.objects.bulk_create(
        Comment(
            article=article,
            article_public_id=article.public_id,
            name=f"Reader {n}",
            text=f"Comment {n}",
            language="en",
        )
        for n in range(count)
    )


@pytest.mark.parametrize(
    ("action", "status", "message"),
    [
        ("approve", "approved", "comments approved."),
        ("reject", "rejected", "comments rejected."),
        ("mark_spam", "spam", "comments marked as spam."),
    ],
)
def test_bulk_actions_take_a_fixed_number_of_queries(
    editor_client, editor, action, status, message
):
    few = _pending(5)
    many = _pending(400)
    few_queries = _bulk(editor_client, action, few)
    many_queries = _bulk(editor_client, action, many)
    assert len(many_queries) == len(few_queries), [q["sql"][:90] for q in many_queries]
    assert len(many_queries) <= 13  # one more: the reports of the comments decided
    assert Comment.objects.filter(status=status).count() == 405
    assert not Comment.objects.exclude(moderated_by=editor).exists()
    assert not Comment.objects.filter(moderated_at__isnull=True).exists()
    assert LogEntry.objects.filter(user=editor).count() == 405
    page = editor_client.get(CHANGELIST).content.decode()
    assert f"400 {message}" in page


def test_bulk_actions_keep_earlier_decisions_on_unchanged_comments(
    editor_client, django_user_model
):
    first_editor = django_user_model.objects.create_superuser("first", "f@example.com", "pw")
    earlier = timezone.now() - timezone.timedelta(days=2)
    approved = make_comment(moderated_by=first_editor, moderated_at=earlier)
    pending = make_comment(status=Comment.Status.PENDING)
    response = editor_client.post(
        CHANGELIST,
        {"action": "approve", "_selected_action": [approved.pk, pending.pk]},
        follow=True,
    )
    assert "1 comment approved." in response.content.decode()
    approved.refresh_from_db()
    assert approved.moderated_by == first_editor and approved.moderated_at == earlier


def test_bulk_approve_in_turkish(editor_client):
    comments = _pending(2)
    response = editor_client.post(
        "/tr/admin/comments/comment/",
        {"action": "approve", "_selected_action": [c.pk for c in comments]},
        follow=True,
    )
    assert "2 yorum onaylandı." in response.content.decode()


def dashboard_count(html: str, label: str) -> int:
    found = re.search(
        rf">{re.escape(label)}</a></th>\s*<td class=\"newsroom-count\">(\d+)</td>", html
    )
    assert found, f"{label!r} is not on the dashboard"
    return int(found.group(1))


def test_admin_index_shows_how_many_comments_wait(editor_client):
    _pending(3)
    make_comment(status=Comment.Status.SPAM)
    html = editor_client.get("/en/admin/").content.decode()
    assert dashboard_count(html, "Comments waiting for review") == 3
    assert 'href="/en/admin/comments/comment/?status__exact=pending"' in html
    Comment.objects.filter(status="pending").delete()
    html = editor_client.get("/en/admin/").content.decode()
    assert dashboard_count(html, "Comments waiting for review") == 0


def test_admin_index_count_in_turkish(editor_client):
    _pending(1)
    html = editor_client.get("/tr/admin/").content.decode()
    assert dashboard_count(html, "İncelenmeyi bekleyen yorumlar") == 1


def test_admin_index_hides_the_count_from_staff_without_comment_rights(client, django_user_model):
    _pending(2)
    writer = django_user_model.objects.create_user("writer", password="pw", is_staff=True)
    writer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(writer)
    html = client.get("/en/admin/").content.decode()
    assert "Comments waiting for review" not in html


def test_article_admin_has_the_close_comments_switch(editor_client):
    article = make_article()
    html = editor_client.get(f"/en/admin/articles/article/{article.pk}/change/").content.decode()
    assert 'name="comments_closed"' in html
