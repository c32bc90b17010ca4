"""The comment limits under the probe's attacks (issue 12): each was a way past them.

Flooding the cache, posting all at once, wrong answers, a forged X-Forwarded-For and an
old start stamp: the limits hold, and an honest reader keeps what they typed.
"""

import pytest

from tests.comments.conftest import comment_url, valid_post
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article()


def statuses(client, article, count: int, **meta) -> list[int]:
    return [
        client.post(
            comment_url(article), valid_post(article, text=f"Comment {n}"), **meta
        ).status_code
        for n in range(count)
    ]


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
