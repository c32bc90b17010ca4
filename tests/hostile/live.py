"""A reader over real HTTP: reads the article page, answers its form, posts it."""

import http.cookiejar
import json
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from html import unescape


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def post_after_reading(
    base_url: str,
    article_url: str,
    *,
    text: str,
    start: threading.Barrier | None = None,
    headers: dict[str, str] | None = None,
) -> int:
    """The status of posting ``text`` through the page's own form, as a browser would.

    With ``start``, every reader waits there between reading and posting, so that the
    posts arrive together.
    """
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    opener.addheaders = list((headers or {}).items())
    with opener.open(base_url + article_url, timeout=60) as response:
        html = response.read().decode()
    form = re.search(r'<form[^>]*id="comment-form-fields".*?</form>', html, re.S)[0]
    hidden = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)
    fields = {name: unescape(value) for name, value in hidden}
    # What comments.js fetches when the reader starts: CSRF token, question, its token.
    start_url = unescape(re.search(r'data-start="([^"]+)"', form)[1])
    with opener.open(base_url + start_url, timeout=60) as response:
        values = json.load(response)
    fields |= {"csrfmiddlewaretoken": values["csrf"], "token": values["token"]}
    a, b = map(int, re.search(r"(\d+) \+ (\d+) = \?", values["question"]).groups())
    action = unescape(re.search(r'action="([^"]+)"', form)[1]).split("#")[0]
    fields |= {"name": "Burst Reader", "email": "", "homepage": "", "text": text}
    fields["answer"] = str(a + b)
    request = urllib.request.Request(
        base_url + action,
        data=urllib.parse.urlencode(fields).encode(),
        headers={"Referer": base_url + article_url},
    )
    if start is not None:
        start.wait(timeout=60)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
