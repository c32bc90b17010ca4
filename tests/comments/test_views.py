import html as html_lib
import re
import time
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from comments import captcha
from comments.models import Comment, SubmissionCount
from tests.comments.conftest import (
    comment_url,
    hidden_value,
    question_from,
    started,
    valid_post,
)
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db

REVIEW_MESSAGE = "Thank you. Your comment will appear after editor review."


def _form_section(html: str) -> str:
    return html[html.index('id="comment-form"') :]


def _textarea(html: str) -> str:
    match = re.search(r"<textarea[^>]*>\n?(.*?)</textarea>", html, re.S)
    assert match, "no textarea"
    return html_lib.unescape(match[1])


# The page and the form


def test_article_page_offers_the_comment_form(client, article):
    html = client.get(article.get_absolute_url("en")).content.decode()
    form = _form_section(html)
    assert "Leave a comment" in form
    assert f"Article #{article.public_id}" in form
    assert "Moderation · Spam protection active" in form
    assert 'for="id_name"' in form and 'maxlength="80"' in form
    assert 'for="id_email"' in form and 'type="email"' in form
    assert 'for="id_text"' in form and 'maxlength="1200"' not in form  # nothing is cut
    assert "0 / 1200 characters" in form and "after editor review" in form
    assert "At most 1200 characters." in form
    # The same form for every reader: the question and the CSRF token come when the
    # reader starts (comments.js, comments:start), or after sending without JavaScript.
    assert not re.search(r"\d+ \+ \d+ = \?", form)
    assert f'data-start="/en/comments/{article.public_id}/start/"' in form
    assert "we ask one short sum to check that you are human" in form
    assert 'inputmode="numeric"' in form
    assert 'for="id_answer"' in form
    # The honeypot is there for bots, hidden from people and assistive technology.
    assert re.search(r'class="comment-hp"\s+aria-hidden="true"', form)
    assert 'name="homepage"' in form and 'tabindex="-1"' in form
    assert f'action="{comment_url(article)}#comment-form"' in form
    assert 'method="post"' in form and "csrfmiddlewaretoken" not in form
    assert re.search(r"comments/jsi18n\.[\w-]+\.js", form) and "js/comments.js" in form


def test_turkish_page_has_the_form_in_turkish(client, article):
    form = _form_section(client.get(article.get_absolute_url("tr")).content.decode())
    assert "Yorum yazın" in form
    assert f"Makale #{article.public_id}" in form
    assert "Denetim · Spam koruması etkin" in form
    assert "İnsan doğrulaması" in form
    assert "En fazla 1200 karakter." in form
    assert "Yorumu gönder" in form
    assert f'action="{comment_url(article, "tr")}#comment-form"' in form


def test_get_on_the_form_address_leads_back_to_the_article(client, article):
    response = client.get(comment_url(article))
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url("en") + "#comment-form"


@pytest.mark.parametrize("kind", ["unknown", "draft", "scheduled"])
def test_only_published_articles_take_comments(client, kind):
    if kind == "unknown":
        url = "/en/comments/QQQQQQ/"
        data = {}
    else:
        fields = (
            {"status": "draft"}
            if kind == "draft"
            else {"published_at": timezone.now() + timedelta(days=1)}
        )
        article = make_article(**fields)
        url, data = comment_url(article), valid_post(article)
    assert client.post(url, data).status_code == 404
    assert not Comment.objects.exists()


# A valid comment


def test_a_valid_comment_waits_for_review_after_post_redirect_get(client, article):
    response = client.post(comment_url(article), valid_post(article, text="Great read."))
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url("en") + "#comment-form"
    page = client.get(response["Location"]).content.decode()
    assert REVIEW_MESSAGE in page
    # Shown to its writer only, marked as waiting; not in the list everyone reads.
    own, _sep, rest = page.partition('<section class="comment-form-section"')
    assert "Awaiting review" in own
    assert own.count("Great read.") == 1
    assert 'id="own-comments"' in own
    assert "0 comments" in page
    assert "Great read." not in Client().get(response["Location"]).content.decode()
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.article == article
    assert comment.article_public_id == article.public_id
    assert comment.name == "Ayşe Reader"
    assert comment.email == "ayse@example.com"
    assert comment.language == "en"
    assert comment.spam_signals == ""
    assert comment.moderated_by is None and comment.moderated_at is None


def test_the_review_message_is_translated(client, article):
    response = client.post(comment_url(article, "tr"), valid_post(article), follow=True)
    assert "Teşekkürler. Yorumunuz editör incelemesinden sonra görünecek." in (
        response.content.decode()
    )


def test_the_comment_records_the_language_of_its_page(client, article):
    client.post(comment_url(article, "tr"), valid_post(article, text="Türkçe yorum"))
    client.post(comment_url(article, "en"), valid_post(article, text="English comment"))
    languages = dict(Comment.objects.values_list("text", "language"))
    assert languages == {"Türkçe yorum": "tr", "English comment": "en"}


def test_line_breaks_are_stored_once_and_whitespace_trimmed(client, article):
    client.post(comment_url(article), valid_post(article, text="  first\r\nsecond\r\n\r\n"))
    assert Comment.objects.get().text == "first\nsecond"


# What readers see


def test_approved_comments_are_listed_oldest_first_with_name_and_date(client, article):
    newer = make_comment(article=article, name="Second", text="Newer", email="s@example.com")
    older = make_comment(article=article, name="First", text="Older")
    Comment.objects.filter(pk=older.pk).update(
        created_at=timezone.make_aware(timezone.datetime(2026, 6, 1, 16, 3))
    )
    make_comment(article=article, status=Comment.Status.PENDING, text="Pending one")
    make_comment(article=article, status=Comment.Status.REJECTED, text="Rejected one")
    make_comment(article=article, status=Comment.Status.SPAM, text="Spam one")
    make_comment(article=make_article(), text="Other article")
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert html.index("Older") < html.index("Newer")
    assert "First" in html and "Second" in html
    assert "1 June 2026 · 16:03" in html
    for hidden in ("Pending one", "Rejected one", "Spam one", "Other article"):
        assert hidden not in html
    assert newer.email not in html


def test_turkish_dates_on_comments(client, article):
    comment = make_comment(article=article)
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.make_aware(timezone.datetime(2026, 6, 1, 16, 3))
    )
    html = client.get(article.get_absolute_url("tr")).content.decode()
    assert "1 Haziran 2026 · 16:03" in html


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("en", 1, "1 comment"),
        ("en", 2, "2 comments"),
        ("tr", 1, "1 yorum"),
        ("tr", 2, "2 yorum"),
        ("en", 0, "0 comments"),
    ],
)
def test_the_header_counts_approved_comments_with_plurals(
    client, article, language, count, expected
):
    for _ in range(count):
        make_comment(article=article)
    make_comment(article=article, status=Comment.Status.PENDING)
    html = client.get(article.get_absolute_url(language)).content.decode()
    assert f'<a href="#comments">{expected}</a>' in html
    assert f'<h2 id="comments-title">{expected}</h2>' in html


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "No approved comments yet. Be first."), ("tr", "Henüz onaylanmış yorum yok.")],
)
def test_with_none_approved_the_reader_is_invited_to_be_first(client, article, language, message):
    make_comment(article=article, status=Comment.Status.PENDING)
    assert message in client.get(article.get_absolute_url(language)).content.decode()


def test_both_language_versions_show_every_comment_marked_with_its_own_lang(client, article):
    make_comment(article=article, text="Written in English", language="en")
    make_comment(article=article, text="Türkçe yazıldı", language="tr")
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert '<div class="comment-text">Written in English</div>' in html
    assert '<div class="comment-text" lang="tr">Türkçe yazıldı</div>' in html
    html = client.get(article.get_absolute_url("tr")).content.decode()
    assert '<div class="comment-text" lang="en">Written in English</div>' in html
    assert '<div class="comment-text">Türkçe yazıldı</div>' in html


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '"><svg onload=alert(1)>',
        "javascript:alert(1)",
    ],
)
def test_xss_in_name_and_text_is_shown_escaped_after_approval(
    client, admin_client, article, attack
):
    response = client.post(
        comment_url(article), valid_post(article, name=attack[:80], text=f"Hi {attack}")
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.text == f"Hi {attack}"  # stored as written
    admin_client.post(
        "/en/admin/comments/comment/",
        {"action": "approve", "_selected_action": [comment.pk]},
    )
    html = client.get(article.get_absolute_url("en")).content.decode()
    comments = html[html.index('id="comments"') : html.index('id="comment-form"')]
    assert "<script>alert" not in comments
    assert "<img" not in comments and "<svg" not in comments
    assert f'<span class="comment-author">{escape(attack[:80])}</span>' in comments
    assert f"Hi {escape(attack)}" in comments


def test_comment_text_keeps_line_breaks_and_links_are_not_clickable(client, article):
    make_comment(
        article=article,
        text="First line\nSecond line https://spam.example/buy and www.example.com",
    )
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert "First line<br>Second line https://spam.example/buy and www.example.com" in html
    assert 'href="https://spam.example' not in html
    assert 'href="http://www.example.com' not in html


# Errors keep what the reader typed


def test_a_missing_name_re_renders_with_the_text_and_the_error_by_the_field(client, article):
    text = "Line one\r\nLine two with ünïcödé 😀"
    response = client.post(comment_url(article), valid_post(article, name="", text=text))
    assert response.status_code == 400
    html = response.content.decode()
    # Browsers read "\r\n" inside a textarea as one line break.
    assert _textarea(html).replace("\r\n", "\n") == "Line one\nLine two with ünïcödé 😀"
    assert 'id="id_name_error"' in html
    assert "Please enter your name." in html
    assert 'aria-invalid="true"' in html
    assert re.search(r'aria-describedby="id_name_error"', html)
    assert 'role="alert"' in html and 'href="#id_name"' in html
    assert not Comment.objects.exists()


def test_a_right_answer_survives_an_error_elsewhere(client, article):
    data = valid_post(article, name="")
    html = client.post(comment_url(article), data).content.decode()
    # The same question stays, with the reader's answer: nothing to retype.
    assert hidden_value(html, "token") == data["token"]
    assert f'name="answer" value="{data["answer"]}"' in html
    data["name"] = "Now named"
    assert client.post(comment_url(article), data).status_code == 302
    assert Comment.objects.get().name == "Now named"


def test_too_long_is_refused_with_a_clear_message_and_the_text_kept(client, article):
    text = "x" * 1201
    response = client.post(comment_url(article), valid_post(article, text=text))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please shorten your comment to at most 1200 characters (it has 1201)." in html
    assert _textarea(html) == text
    assert not Comment.objects.exists()


def test_too_long_message_in_turkish(client, article):
    response = client.post(comment_url(article, "tr"), valid_post(article, text="x" * 1300))
    assert "en fazla 1200 karaktere kısaltın (şu an 1300 karakter)" in response.content.decode()


def test_crlf_line_breaks_count_as_one_character(client, article):
    # 600 lines of "x" and a line break: 1200 characters, 1799 bytes as the browser sends it.
    text = "x\r\n" * 599 + "xx"
    assert len(text) == 1799
    response = client.post(comment_url(article), valid_post(article, text=text))
    assert response.status_code == 302
    assert len(Comment.objects.get().text) == 1200


def test_emoji_count_as_one_character_each(client, article):
    ok = client.post(comment_url(article), valid_post(article, text="😀" * 1200))
    assert ok.status_code == 302
    assert Comment.objects.get().text == "😀" * 1200
    too_long = client.post(comment_url(article), valid_post(article, text="😀" * 1201))
    assert too_long.status_code == 400
    assert "(it has 1201)" in too_long.content.decode()


@pytest.mark.parametrize("text", ["", "   ", "\r\n\r\n"])
def test_an_empty_comment_is_refused(client, article, text):
    response = client.post(comment_url(article), valid_post(article, text=text))
    assert response.status_code == 400
    assert "Please write your comment." in response.content.decode()


def test_a_name_with_a_line_break_is_refused(client, article):
    response = client.post(comment_url(article), valid_post(article, name="Evil\r\nBcc: x"))
    assert response.status_code == 400
    assert "Please write your name on one line" in response.content.decode()


def test_an_invalid_email_is_refused_with_the_text_kept(client, article):
    response = client.post(
        comment_url(article), valid_post(article, email="not-an-address", text="Kept")
    )
    assert response.status_code == 400
    assert _textarea(response.content.decode()) == "Kept"


# The human check


def test_a_wrong_answer_keeps_the_text_and_asks_a_new_question(client, article):
    data = valid_post(article, text="My carefully written comment")
    data["answer"] = str(int(data["answer"]) + 1)
    response = client.post(comment_url(article), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert _textarea(html) == "My carefully written comment"
    assert "That answer is not right. Please answer the new question." in html
    assert 'id="id_answer_error"' in html
    new_token = hidden_value(html, "token")
    assert new_token != data["token"]
    assert not re.search(r'name="answer"[^>]*value="\d', html)  # the old answer is cleared
    assert not Comment.objects.exists()
    # The new question, answered, goes through.
    a, b = question_from(_form_section(html))
    assert (
        client.post(
            comment_url(article), {**data, "token": new_token, "answer": str(a + b)}
        ).status_code
        == 302
    )


def test_a_wrongly_answered_token_cannot_be_retried(client, article):
    data = valid_post(article)
    right = data["answer"]
    client.post(comment_url(article), {**data, "answer": "0"})
    response = client.post(comment_url(article), {**data, "answer": right})
    assert response.status_code == 400
    assert "already used" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_missing_answer_is_asked_for(client, article):
    response = client.post(comment_url(article), valid_post(article, answer=""))
    assert response.status_code == 400
    assert "Please answer the human check." in response.content.decode()


def test_answers_with_spaces_are_accepted(client, article):
    data = valid_post(article)
    data["answer"] = f"  {data['answer']} "
    assert client.post(comment_url(article), data).status_code == 302


def test_replaying_a_used_token_with_its_answer_fails(client, article):
    data = valid_post(article)
    assert client.post(comment_url(article), data).status_code == 302
    replay = client.post(comment_url(article), data)
    assert replay.status_code == 400
    html = replay.content.decode()
    assert "This human check was already used. Please answer the new question." in html
    assert hidden_value(html, "token") != data["token"]
    assert Comment.objects.count() == 1


def test_replay_from_another_client_fails_too(client, article):
    from django.test import Client

    data = valid_post(article)
    client.post(comment_url(article), data, REMOTE_ADDR="198.51.100.1")
    other = Client()
    assert other.post(comment_url(article), data, REMOTE_ADDR="198.51.100.2").status_code == 400
    assert Comment.objects.count() == 1


def test_an_expired_question_is_refused_and_replaced(client, article):
    with time_machine.travel(timezone.now() - timedelta(minutes=31), tick=False):
        data = valid_post(article, text="Written slowly")
    response = client.post(comment_url(article), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "The human check has expired. Please answer the new question." in html
    assert _textarea(html) == "Written slowly"
    assert hidden_value(html, "token") != data["token"]
    assert not Comment.objects.exists()


def test_a_question_is_still_good_after_29_minutes(client, article):
    with time_machine.travel(timezone.now() - timedelta(minutes=29), tick=False):
        data = valid_post(article)
    assert client.post(comment_url(article), data).status_code == 302


def test_a_tampered_token_is_refused(client, article):
    data = valid_post(article)
    data["token"] = data["token"][:-3] + "abc"
    response = client.post(comment_url(article), data)
    assert response.status_code == 400
    assert "The human check could not be read." in response.content.decode()


def test_a_token_from_another_article_is_refused(client, article):
    other = make_article()
    data = valid_post(other)
    response = client.post(comment_url(article), data)
    assert response.status_code == 400
    assert "belongs to another article" in response.content.decode()
    assert not Comment.objects.exists()


def test_staff_skip_the_human_check(client, article, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    client.force_login(editor)
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert "Human check" not in html
    assert 'name="answer"' not in html
    assert "no human check needed" in html
    data = {"name": "The Editor", "text": "Correction: it was 2019."}
    response = client.post(comment_url(article), data)
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.spam_signals == ""


def test_readers_who_are_logged_in_but_not_staff_still_answer(client, article, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="pw"))
    response = client.post(comment_url(article), {"name": "R", "text": "Hi"})
    # Asked the question on a second step, like any reader without JavaScript.
    assert response.status_code == 200
    assert "answer the sum below" in response.content.decode()
    question_from(response.content.decode())
    assert not Comment.objects.exists()


# Spam protection beyond the check


def _assert_quiet_spam(client, response, signal: str):
    """Caught as spam: stored, never shown, and the sender sees the normal thanks."""
    assert response.status_code == 302
    assert REVIEW_MESSAGE in client.get(response["Location"]).content.decode()
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    assert signal in comment.spam_signals.split(",")


def test_honeypot_marks_spam_without_telling(client, article):
    response = client.post(comment_url(article), valid_post(article, homepage="http://buy.example"))
    _assert_quiet_spam(client, response, "honeypot")


def test_sending_too_soon_after_the_form_was_shown_marks_spam(client, article, settings):
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 3
    challenge = captcha.new_challenge(article_id=article.pk)
    data = valid_post(article, token=challenge.token, answer=str(challenge.a + challenge.b))
    _assert_quiet_spam(client, client.post(comment_url(article), data), "too_fast")


def test_the_minimum_time_is_measured_from_the_first_showing(client, article, settings):
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 3
    start = started(client, article)
    data = valid_post(article, token=start["token"], answer=str(start["a"] + start["b"]))
    with time_machine.travel(time.time() + 10):
        assert client.post(comment_url(article), data).status_code == 302
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_a_new_question_after_a_wrong_answer_keeps_the_first_showing(client, article, settings):
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 3
    wrong = valid_post(article, token=started(client, article)["token"], answer="99")
    with time_machine.travel(time.time() + 10):
        again = client.post(comment_url(article), wrong).content.decode()
        a, b = question_from(again)
        data = valid_post(article, token=hidden_value(again, "token"), answer=str(a + b))
        assert client.post(comment_url(article), data).status_code == 302
    assert Comment.objects.get().spam_signals == ""


def test_too_many_links_mark_spam(client, article, settings):
    settings.COMMENTS_MAX_LINKS = 2
    text = "see https://a.example https://b.example https://c.example"
    response = client.post(comment_url(article), valid_post(article, text=text))
    _assert_quiet_spam(client, response, "links")


def test_a_couple_of_links_are_fine(client, article, settings):
    settings.COMMENTS_MAX_LINKS = 2
    text = "Sources: https://a.example and https://b.example"
    client.post(comment_url(article), valid_post(article, text=text))
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_spam_is_never_shown_even_to_the_article(client, article):
    client.post(comment_url(article), valid_post(article, homepage="x", text="Buy pills"))
    assert "Buy pills" not in client.get(article.get_absolute_url("en")).content.decode()


def test_rate_limit_refuses_with_a_neutral_message_and_keeps_the_text(client, article, settings):
    settings.COMMENTS_RATE_LIMIT = 3
    for n in range(3):
        response = client.post(comment_url(article), valid_post(article, text=f"Comment {n}"))
        assert response.status_code == 302
    response = client.post(comment_url(article), valid_post(article, text="One too many"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "We could not accept your comment just now." in html
    assert _textarea(html) == "One too many"
    assert Comment.objects.count() == 3
    # Another client is not affected.
    other = client.post(
        comment_url(article), valid_post(article, text="Elsewhere"), REMOTE_ADDR="198.51.100.20"
    )
    assert other.status_code == 302


def test_rate_limit_window_passes(client, article, settings):
    settings.COMMENTS_RATE_LIMIT = 1
    settings.COMMENTS_RATE_WINDOW = 60
    with time_machine.travel(timezone.now().replace(second=5), tick=False) as traveller:
        assert client.post(comment_url(article), valid_post(article)).status_code == 302
        traveller.shift(timedelta(seconds=50))
        assert client.post(comment_url(article), valid_post(article)).status_code == 429
        traveller.shift(timedelta(seconds=10))
        assert client.post(comment_url(article), valid_post(article)).status_code == 302


def test_the_raw_address_is_never_stored(client, article):
    ip = "203.0.113.77"
    client.post(comment_url(article), valid_post(article), REMOTE_ADDR=ip)
    client.post(comment_url(article), valid_post(article, answer="99"), REMOTE_ADDR=ip)
    comment = Comment.objects.get()
    assert comment.client_hash and ip not in comment.client_hash
    stored = [str(value) for value in Comment.objects.values().get().values()]
    stored += [str(value) for row in SubmissionCount.objects.values() for value in row.values()]
    assert SubmissionCount.objects.count() == 2  # one comment, one wrong answer
    assert not any(ip in value for value in stored)
    assert not any(ip in key for key in cache._cache)  # the local-memory cache's keys


def test_staff_are_not_rate_limited(client, article, settings, django_user_model):
    settings.COMMENTS_RATE_LIMIT = 1
    client.force_login(django_user_model.objects.create_user("ed", is_staff=True))
    for n in range(3):
        response = client.post(comment_url(article), {"name": "Ed", "text": f"Note {n}"})
        assert response.status_code == 302


# Closed comments


def test_a_closed_article_shows_why_instead_of_the_form(client):
    article = make_article(comments_closed=True)
    make_comment(article=article, text="Still visible")
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert "Comments are closed for this article." in html
    assert "Still visible" in html
    assert 'name="text"' not in html
    assert "comments.js" in html  # for the "Copy link" buttons only
    empty = make_article(comments_closed=True)
    assert "comments.js" not in client.get(empty.get_absolute_url("en")).content.decode()
    tr = client.get(article.get_absolute_url("tr")).content.decode()
    assert "Bu makale yorumlara kapalı." in tr


def test_posting_to_a_closed_article_stores_nothing(client):
    article = make_article(comments_closed=True)
    response = client.post(comment_url(article), valid_post(article), follow=True)
    assert "Comments are closed for this article." in response.content.decode()
    assert not Comment.objects.exists()


def test_comments_close_automatically_after_the_configured_days(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    old = make_article(published_at=timezone.now() - timedelta(days=31))
    fresh = make_article(published_at=timezone.now() - timedelta(days=29))
    old_html = client.get(old.get_absolute_url("en")).content.decode()
    assert "Comments close 30 days after publication." in old_html
    assert 'name="text"' not in old_html
    assert 'name="text"' in client.get(fresh.get_absolute_url("en")).content.decode()
    client.post(comment_url(old), valid_post(old))
    assert client.post(comment_url(fresh), valid_post(fresh)).status_code == 302
    assert list(Comment.objects.values_list("article", flat=True)) == [fresh.pk]


def test_a_scheduled_article_closes_counting_from_its_own_publication(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 2
    article = make_article(published_at=timezone.now() + timedelta(days=1))
    assert client.get(article.get_absolute_url("en")).status_code == 404
    with time_machine.travel(timezone.now() + timedelta(days=1, hours=1)):
        assert 'name="text"' in client.get(article.get_absolute_url("en")).content.decode()
    with time_machine.travel(timezone.now() + timedelta(days=3, hours=1)):
        html = client.get(article.get_absolute_url("en")).content.decode()
        assert "Comments close 2 days after publication." in html


# Robustness


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"name": "x"},
        {"token": "a:b:c", "answer": "٩"},
        {"name": "n" * 5000, "text": "t" * 50_000, "answer": "1" * 5000},
        {"name": "\x00", "text": "\x00", "email": "\x00"},
        {"token": "." * 10_000, "answer": "3"},
    ],
)
def test_garbage_never_causes_a_server_error(client, article, data):
    response = client.post(comment_url(article), data)
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_unicode_digits_in_the_answer_are_accepted(client, article):
    data = valid_post(article)
    arabic_indic = str(int(data["answer"])).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    data["answer"] = arabic_indic
    assert client.post(comment_url(article), data).status_code == 302


# JavaScript catalogue


def test_javascript_catalogue_has_the_counter_strings(client):
    response = client.get("/tr/comments/jsi18n.js")
    assert response.status_code == 200
    assert "javascript" in response["Content-Type"]
    body = response.content.decode()
    assert "%(count)s / %(limit)s karakter" in body
    assert "%(left)s karakter kald\\u0131" in body or "%(left)s karakter kaldı" in body
    english = client.get("/en/comments/jsi18n.js").content.decode()
    assert "karakter" not in english


# Queries


@pytest.mark.parametrize("count", [3, 80])
def test_article_page_queries_do_not_grow_with_comments(
    client, django_assert_max_num_queries, count
):
    article = make_article()
    for n in range(count):
        make_comment(article=article, text=f"Comment {n}")
    with django_assert_max_num_queries(10):
        response = client.get(article.get_absolute_url("en"))
    assert f"{count} comments" in response.content.decode()
