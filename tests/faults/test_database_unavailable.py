"""The database goes away while a reader submits a comment: a clear 503, text intact."""

import re
import sqlite3
from html import unescape

import psycopg
import pytest
from django.db import connection

from comments.models import Comment
from tests.comments.conftest import comment_url, valid_post
from tests.factories import make_article

TEXT = "Layers are cached <b>per step</b> — a reader's words, with an emoji 🐳."


class DatabaseLocked:
    """Another connection holds the comments table; ours gives up after 100 ms."""

    def __enter__(self):
        settings = connection.settings_dict
        if connection.vendor == "sqlite":
            self.other = sqlite3.connect(settings["NAME"], isolation_level=None)
            self.other.execute("BEGIN EXCLUSIVE")
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA busy_timeout = 100")
        else:
            self.other = psycopg.connect(
                host=settings["HOST"] or None,
                port=settings["PORT"] or None,
                user=settings["USER"],
                password=settings["PASSWORD"],
                dbname=settings["NAME"],
            )
            self.other.execute("LOCK TABLE comments_comment IN ACCESS EXCLUSIVE MODE")
            with connection.cursor() as cursor:
                cursor.execute("SET lock_timeout = '100ms'")
        return self

    def __exit__(self, *exc):
        self.other.rollback()
        self.other.close()
        connection.close()  # forget the short timeout


@pytest.mark.django_db(transaction=True)
def test_reader_gets_a_clear_error_and_keeps_the_text(client):
    article = make_article()
    data = valid_post(article, text=TEXT, name="Ayşe <Reader>")
    with DatabaseLocked():
        response = client.post(comment_url(article), data)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "could not reach our database" in html
    assert unescape(html).count(TEXT) == 1
    assert "<b>per step</b>" not in html  # shown escaped, never as markup
    assert 'value="Ayşe &lt;Reader&gt;"' in html
    assert not Comment.objects.exists()

    # The database is back: the reader presses "Send again" on that page.
    resent = {
        name: unescape(value)
        for name, value in re.findall(r'<input[^>]*name="(\w+)" value="([^"]*)"', html)
    }
    resent["text"] = unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", html, re.S)[1])
    assert resent["text"] == TEXT and resent["token"] == data["token"]
    response = client.post(comment_url(article), resent)
    assert response.status_code == 302
    assert Comment.objects.filter(text=TEXT).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_turkish_reader_is_told_in_turkish(client):
    article = make_article(title_tr="Başlık")
    with DatabaseLocked():
        response = client.post(comment_url(article, "tr"), valid_post(article, text=TEXT))
    assert response.status_code == 503
    assert '<html lang="tr">' in response.content.decode()
    assert "Yorumunuz henüz kaydedilemedi" in response.content.decode()
