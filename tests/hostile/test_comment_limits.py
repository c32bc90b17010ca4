"""The comment limits under the probe's attacks (issue 12): each was a way past them.

Flooding the cache, posting all at once, wrong answers, a forged X-Forwarded-For and an
old start stamp: the limits hold, and an honest reader keeps what they typed.
"""

import re
import threading
import time
from collections import Counter
from html import unescape

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client

from comments.models import Comment
from config.settings.base import caches_from_url
from tests.comments.conftest import comment_url, started, valid_post
from tests.factories import make_article
from tests.hostile.live import post_after_reading

pytestmark = pytest.mark.django_db

REFUSED = "We could not accept your comment just now."


@pytest.fixture
def article():
    return make_article()


@pytest.fixture
def file_cache(settings, tmp_path):
    """The production cache without CACHE_URL: a cache folder, a small one (1 MB)."""
    settings.CACHES = caches_from_url(f"file://{tmp_path / 'cache'}?size_limit_mb=1")
    yield
    cache.clear()


def post(client, article, **fields):
    return client.post(comment_url(article), valid_post(article, **fields))


def statuses(client, article, count: int, **meta) -> list[int]:
    return [
        client.post(
            comment_url(article), valid_post(article, text=f"Comment {n}"), **meta
        ).status_code
        for n in range(count)
    ]


# 1. Eviction: page copies cannot push the counters out.


def test_flooding_the_file_cache_with_pages_does_not_reset_the_limit(
    client, article, settings, file_cache
):
    settings.COMMENTS_RATE_LIMIT = 2
    assert statuses(client, article, 3) == [302, 302, 429]
    stranger = Client()  # an anonymous reader, whose pages are cached
    for n in range(700):
        assert stranger.get(f"/en/?d={n}").status_code == 200
    assert statuses(client, article, 1) == [429]


def test_emptying_the_cache_does_not_reset_either_limit(client, article, settings):
    settings.COMMENTS_RATE_LIMIT = 1
    settings.COMMENTS_CHALLENGE_FAILURE_LIMIT = 1
    assert statuses(client, article, 2) == [302, 429]
    wrong = {"REMOTE_ADDR": "198.51.100.30"}
    assert client.post(comment_url(article), valid_post(article, answer="99"), **wrong).status_code
    cache.clear()  # a Redis restart, a full cache folder, a cache flushed by hand
    assert statuses(client, article, 1) == [429]
    assert statuses(client, article, 1, **wrong) == [429]


# 2. Races: simultaneous posts from one address, through a live server.


@pytest.mark.django_db(transaction=True)
def test_simultaneous_posts_from_one_address_accept_exactly_the_limit(
    live_server, settings, file_cache
):
    settings.COMMENTS_RATE_LIMIT = 5
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0
    settings.COMMENTS_NOTIFY_MODERATORS = False
    article = make_article()
    readers = 20
    start = threading.Barrier(readers)
    results: Counter[int] = Counter()
    failures: list[BaseException] = []

    def reader(n: int) -> None:
        try:
            status = post_after_reading(
                live_server.url, article.get_absolute_url("en"), text=f"Burst {n}", start=start
            )
        except BaseException as error:  # reported below
            failures.append(error)
            start.abort()
        else:
            results[status] += 1

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures[:3]
    assert results == {302: 5, 429: 15}, results
    assert Comment.objects.filter(article=article).count() == 5


# 3. What is counted: accepted comments and wrong answers, each against its own limit.


def test_wrong_answers_do_not_use_up_a_readers_comments(client, article, settings):
    settings.COMMENTS_RATE_LIMIT = 2
    for _typo in range(2):
        assert post(client, article, answer="99").status_code == 400
    assert statuses(client, article, 3) == [302, 302, 429]


def test_wrong_answers_have_their_own_limit_and_the_refused_keep_their_words(
    client, article, settings
):
    settings.COMMENTS_RATE_LIMIT = 5
    settings.COMMENTS_CHALLENGE_FAILURE_LIMIT = 3
    for _guess in range(3):
        assert post(client, article, answer="99").status_code == 400
    words = {"name": "Deniz Okur", "email": "deniz@example.com", "text": "Typed with care."}
    response = post(client, article, **words)
    assert response.status_code == 429
    html = unescape(response.content.decode())
    assert REFUSED in html
    assert all(value in html for value in words.values())
    assert not Comment.objects.exists()
    # Another reader is not affected.
    assert statuses(client, article, 1, REMOTE_ADDR="198.51.100.31") == [302]


# 4. Who the client is: the address the trusted proxy saw, not what the client wrote.


def test_rotating_a_client_written_forwarded_for_does_not_bypass_the_limit(
    client, article, settings
):
    settings.BROADSHEET_TRUSTED_PROXIES = 1
    settings.COMMENTS_RATE_LIMIT = 5
    got = []
    for n in range(8):
        # The reader writes the first entry; nginx appends the address it saw.
        meta = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": f"192.0.2.{n}, 203.0.113.9"}
        got += statuses(client, article, 1, **meta)
    assert got == [302] * 5 + [429] * 3


def test_readers_behind_one_proxy_are_counted_apart(client, article, settings):
    settings.BROADSHEET_TRUSTED_PROXIES = 1
    settings.COMMENTS_RATE_LIMIT = 1
    first = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    second = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.10"}
    assert statuses(client, article, 2, **first) == [302, 429]
    assert statuses(client, article, 1, **second) == [302]


# 5. The start stamp: an old one cannot make a fresh form look slow.


def _started(html: str) -> str:
    match = re.search(r'name="started" value="([^"]*)"', html)
    return match[1] if match else ""


def test_an_old_start_stamp_with_a_fresh_token_is_still_too_fast(client, article, settings):
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 3
    url = article.get_absolute_url("en")
    with time_machine.travel(time.time() - 3600):
        collected = _started(client.get(url).content.decode())
    start = started(client, article)
    data = valid_post(
        article, started=collected, token=start["token"], answer=str(start["a"] + start["b"])
    )
    assert client.post(comment_url(article), data).status_code == 302
    assert Comment.objects.get().spam_signals == "too_fast"


def test_a_token_older_than_its_maximum_age_expires(client, article, settings):
    start = started(client, article)
    token, a, b = start["token"], start["a"], start["b"]
    with time_machine.travel(time.time() + settings.COMMENTS_CHALLENGE_MAX_AGE + 5):
        response = post(client, article, token=token, answer=str(a + b))
    assert response.status_code == 400
    assert "The human check has expired." in response.content.decode()
    assert not Comment.objects.exists()
