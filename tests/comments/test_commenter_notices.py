"""Notices a commenter asks for: the address confirmed first, then "published" and
"answered" e-mails in the commenter's language, each with a one-click unsubscribe."""

import re
import urllib.parse

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments import notifications, services
from comments.models import Comment, NotificationAddress
from tests.comments.conftest import comment_url, valid_post
from tests.factories import make_article, make_comment
from tests.mailserver import smtp_server, text_of  # noqa: F401 -- the fixture
from tests.workers import database_url_for_worker, run_batch_worker

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def immediate(settings):
    settings.TASKS = IMMEDIATE
    settings.COMMENTS_NOTIFY_MODERATORS = False


def link_in(body: str, kind: str) -> str:
    match = re.search(rf"https?://\S+/comments/{kind}/\S+/", body)
    assert match, f"no {kind} link in:\n{body}"
    return urllib.parse.urlsplit(match[0]).path


def post_comment(client, article, language="en", **fields):
    with django_capture_on_commit(execute=True):
        return client.post(
            comment_url(article, language), valid_post(article, notify="on", **fields)
        )


def django_capture_on_commit(execute):
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=execute)


def test_the_box_needs_an_e_mail_address(client, immediate):
    article = make_article()
    response = client.post(comment_url(article), valid_post(article, email="", notify="on"))
    assert response.status_code == 400
    assert "Please give your e-mail address to be told by e-mail." in response.content.decode()
    assert not Comment.objects.exists()


def test_the_form_offers_the_box_in_both_languages(client):
    article = make_article()
    english = client.get(article.get_absolute_url("en")).content.decode()
    assert "Tell me when my comment is published or answered" in english
    turkish = client.get(article.get_absolute_url("tr")).content.decode()
    assert "Yorumum yayımlandığında veya yanıtlandığında bana haber ver" in turkish


def test_nothing_but_a_confirmation_reaches_an_unconfirmed_address(client, immediate):
    article = make_article()
    response = post_comment(client, article, email="Reader@Example.com")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.notify
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == ["reader@example.com"]
    assert confirmation.subject == "[Broadsheet] Please confirm your e-mail address"
    assert "List-Unsubscribe" not in confirmation.extra_headers
    # Approved before the owner confirmed: nothing is sent.
    with django_capture_on_commit(execute=True):
        services.comment_moderate(comment=comment, status="approved", moderator=None)
    assert len(mail.outbox) == 1
    # A second comment within a day sends no second confirmation.
    post_comment(Client(), article, email="reader@example.com", text="Again")
    assert len(mail.outbox) == 1


def test_confirming_sends_what_waited_and_unsubscribing_stops_everything(immediate):
    article = make_article(title_en="Docker & <containers>")
    reader = Client()
    post_comment(reader, article, name="O'Brien <b>", text="Tom & Jerry's <i>point</i>")
    comment = Comment.objects.get()
    confirm = link_in(mail.outbox[0].body, "confirm")

    # A GET only asks: mail scanners that follow links confirm nothing.
    page = reader.get(confirm)
    assert page.status_code == 200 and "Confirm my address" in page.content.decode()
    assert NotificationAddress.objects.get().confirmed_at is None
    with django_capture_on_commit(execute=True):
        services.comment_moderate(comment=comment, status="approved", moderator=None)
    assert len(mail.outbox) == 1
    with django_capture_on_commit(execute=True):
        done = reader.post(confirm)
    assert "Address confirmed" in done.content.decode()

    published = mail.outbox[1]
    assert published.subject == "[Broadsheet] Your comment is published"
    assert "Docker & <containers>" in published.body  # plain text: nothing escaped
    assert "Hello O'Brien <b>," in published.body
    assert comment.get_absolute_url() in published.body
    unsubscribe = link_in(published.body, "unsubscribe")
    assert published.extra_headers["List-Unsubscribe"] == (
        f"<{django_settings.BROADSHEET_SITE_URL}{unsubscribe}>"
    )
    assert published.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # RFC 8058: the mail client's POST carries no CSRF token and no cookie.
    one_click = Client(enforce_csrf_checks=True).post(
        unsubscribe, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert one_click.status_code == 200
    assert "You will get no more e-mails about comments." in one_click.content.decode()
    assert NotificationAddress.objects.get().unsubscribed_at is not None
    reply = make_comment(article=article, parent=comment, status="pending", name="Other")
    with django_capture_on_commit(execute=True):
        services.comment_moderate(comment=reply, status="approved", moderator=None)
    assert len(mail.outbox) == 2


def test_a_get_of_the_unsubscribe_link_asks_with_a_button(client):
    token = notifications.unsubscribe_token("reader@example.com")
    NotificationAddress.objects.create(
        email="reader@example.com", language="en", confirmed_at=timezone.now()
    )
    page = client.get(f"/en/comments/unsubscribe/{token}/").content.decode()
    assert "reader@example.com" in page and ">Unsubscribe</button>" in page
    assert NotificationAddress.objects.get().unsubscribed_at is None


@pytest.mark.parametrize("kind", ["confirm", "unsubscribe"])
def test_a_broken_link_says_so(client, kind):
    for token in ("nonsense", notifications.confirm_token("x@example.com")[:-3] + "abc"):
        response = client.get(f"/en/comments/{kind}/{token}/")
        assert response.status_code == 400
        page = response.content.decode()
        assert "This link does not work" in page
        hint = "unsubscribe link from the e-mail" if kind == "unsubscribe" else "seven days"
        assert hint in page
    # The tokens are not interchangeable.
    other = (
        notifications.unsubscribe_token("x@example.com")
        if kind == "confirm"
        else notifications.confirm_token("x@example.com")
    )
    assert client.post(f"/en/comments/{kind}/{other}/").status_code == 400


def test_an_approved_reply_tells_the_writer_of_the_comment_it_answers_in_their_language(
    immediate,
):
    article = make_article(title_tr="Docker imajları")
    NotificationAddress.objects.create(
        email="ayse@example.com", language="tr", confirmed_at=timezone.now()
    )
    parent = make_comment(
        article=article, email="ayse@example.com", notify=True, language="tr",
        notices_sent_at=timezone.now(),
    )  # fmt: skip
    reply = make_comment(
        article=article, parent=parent, status="pending", name="Mehmet", text="Katılıyorum."
    )
    with django_capture_on_commit(execute=True):
        services.comments_moderate(
            comments=Comment.objects.filter(pk=reply.pk), status="approved", moderator=_staff()
        )
    assert len(mail.outbox) == 1
    answered = mail.outbox[0]
    assert answered.to == ["ayse@example.com"]
    assert answered.subject == "[Broadsheet] Yorumunuz yanıtlandı"
    assert "Mehmet" in answered.body and "Katılıyorum." in answered.body
    assert "Docker imajları" in answered.body
    assert "/tr/" in link_in(answered.body, "unsubscribe")
    # Handled once: approving again sends nothing more.
    with django_capture_on_commit(execute=True):
        services.comment_moderate(comment=reply, status="approved", moderator=None)
    assert len(mail.outbox) == 1


def _staff():
    from tests.factories import make_user

    return make_user()


# Through a real worker and a real SMTP server


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_confirmation_then_the_publication_over_smtp(
    settings,
    tmp_path,
    smtp_server,  # noqa: F811
):
    settings.COMMENTS_NOTIFY_MODERATORS = False
    url = database_url_for_worker(tmp_path)
    article = make_article(title_tr="Docker imajları")
    reader = Client()
    response = reader.post(
        comment_url(article, "tr"),
        valid_post(article, email="okur@example.com", notify="on", text="Güzel yazı."),
    )
    assert response.status_code == 302
    assert DBTaskResult.objects.count() == 1  # the confirmation, queued
    run_batch_worker(url, **smtp_server.env())
    [confirmation] = smtp_server.wait_for(1)
    assert confirmation["To"] == "okur@example.com"
    assert confirmation["Subject"] == "[Broadsheet] Lütfen e-posta adresinizi doğrulayın"
    assert "List-Unsubscribe" not in confirmation
    confirm = link_in(text_of(confirmation), "confirm")
    assert confirm.startswith("/tr/")
    assert "Adres doğrulandı" in reader.post(confirm).content.decode()

    comment = Comment.objects.get()
    services.comment_moderate(comment=comment, status="approved", moderator=None)
    run_batch_worker(url, **smtp_server.env())
    published = smtp_server.wait_for(2)[1]
    assert published["Subject"] == "[Broadsheet] Yorumunuz yayımlandı"
    assert "Güzel yazı." in text_of(published)
    unsubscribe = link_in(text_of(published), "unsubscribe")
    assert published["List-Unsubscribe"] == f"<{django_settings.BROADSHEET_SITE_URL}{unsubscribe}>"
    assert published["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert all(r.status == "SUCCESSFUL" for r in DBTaskResult.objects.all())
