"""200 comment submissions from 20 concurrent clients over real HTTP, on SQLite.

Each client is a real HTTP client with its own cookies against the live server:
it reads the article page (through the page cache), fetches the question as comments.js
does when a reader starts, answers it and
posts, as a browser would. Every comment must be stored exactly once, with no 5xx.
"""

import http.cookiejar
import json
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from html import unescape

import pytest
from django.db import connection

from comments.models import Comment
from tests.factories import make_article

CLIENTS = 20
SUBMISSIONS = 200


def submit(base_url: str, article_url: str, sender: int, text: str) -> int:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.addheaders = [("X-Forwarded-For", f"203.0.113.{sender % 250}, 10.0.{sender}.1")]
    with opener.open(base_url + article_url, timeout=60) as response:
        html = response.read().decode()
    form = re.search(r'<form[^>]*id="comment-form-fields".*?</form>', html, re.S).group(0)
    # What comments.js fetches when the reader starts: CSRF token, question, its token.
    start_url = unescape(re.search(r'data-start="([^"]+)"', form).group(1))
    with opener.open(base_url + start_url, timeout=60) as response:
        values = json.load(response)
    fields = {"csrfmiddlewaretoken": values["csrf"], "token": values["token"]}
    a, b = map(int, re.search(r"(\d+) \+ (\d+) = \?", values["question"]).groups())
    action = unescape(re.search(r'action="([^"]+)"', form).group(1)).split("#")[0]
    data = urllib.parse.urlencode(
        {
            **fields,
            "name": f"Reader {sender}",
            "email": "",
            "homepage": "",
            "text": text,
            "answer": f" {a + b} ",
        }  # fmt: skip
    ).encode()
    request = urllib.request.Request(
        base_url + action, data=data, headers={"Referer": base_url + article_url}
    )
    no_redirect = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    no_redirect.addheaders = opener.addheaders
    try:
        with no_redirect.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.django_db(transaction=True)
def test_200_comments_from_20_concurrent_clients_are_each_stored_once(live_server, settings):
    assert connection.vendor != "sqlite" or connection.settings_dict["OPTIONS"]["timeout"]
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0
    settings.BROADSHEET_TRUSTED_PROXIES = 1  # the client is the entry the "proxy" appended
    settings.COMMENTS_NOTIFY_MODERATORS = False
    article = make_article()
    url = article.get_absolute_url("en")
    jobs = iter(range(SUBMISSIONS))
    lock = threading.Lock()
    statuses: Counter[int] = Counter()
    failures: list[BaseException] = []

    def client() -> None:
        while True:
            with lock:
                n = next(jobs, None)
            if n is None:
                return
            try:
                status = submit(live_server.url, url, n, f"Load comment number {n}.")
            except BaseException as error:  # noqa: BLE001 -- reported below
                failures.append(error)
                return
            with lock:
                statuses[status] += 1

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert not failures, failures[:3]
    assert statuses == {302: SUBMISSIONS}, statuses
    texts = Counter(Comment.objects.filter(article=article).values_list("text", flat=True))
    assert len(texts) == SUBMISSIONS
    assert set(texts.values()) == {1}
    assert not Comment.objects.filter(status=Comment.Status.SPAM).exists()
