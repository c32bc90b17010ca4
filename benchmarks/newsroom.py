"""The newsroom beside the readers in `make bench`'s traffic scenario.

Run by benchmarks/run.py in its own process with the bench's settings, for as long as
the readers' load runs: a comment submitted every second (as a reader with JavaScript
sends one: the question fetched on starting, the form sent a few seconds later), the
pending comments approved in bulk every 10 seconds, and an article edited every 30
seconds, each through the services the site itself uses. Prints one JSON line of
counts at the end.
"""

import http.cookiejar
import json
import os
import random
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import close_old_connections  # noqa: E402

from articles.models import Article  # noqa: E402
from comments import services  # noqa: E402
from comments.models import Comment  # noqa: E402
from pagecache import invalidation  # noqa: E402


def comment(base: str, path: str, n: int, counts: dict) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    try:
        with opener.open(base + path, timeout=30) as response:
            html = response.read().decode()
        start = re.search(r'data-start="([^"]+)"', html)[1]
        form = re.search(r'<form[^>]*id="comment-form-fields"[^>]*>', html)[0]
        action = re.search(r'action="([^"#]+)', form)[1]
        with opener.open(base + start, timeout=30) as response:
            values = json.load(response)
        a, b = map(int, re.search(r"(\d+) \+ (\d+)", values["question"]).groups())
        time.sleep(3.2)  # a person types for longer than the minimum-time rule
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": values["csrf"],
                "token": values["token"],
                "name": f"Bench reader {n}",
                "email": "",
                "homepage": "",
                "text": f"A reader's comment number {n}, sent during the benchmark.",
                "answer": str(a + b),
            }
        ).encode()
        request = urllib.request.Request(base + action, data=data, headers={"Referer": base + path})
        with opener.open(request, timeout=30) as response:
            response.read()
        counts["comments"] += 1
    except (urllib.error.URLError, TypeError, OSError) as error:
        counts["comment_errors"] += 1
        print(f"comment failed: {error}", file=sys.stderr)


def main() -> None:
    base, duration, paths = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    moderator, _ = get_user_model().objects.get_or_create(
        username="bench-moderator", defaults={"is_staff": True, "is_superuser": True}
    )
    counts = {"comments": 0, "comment_errors": 0, "approved": 0, "edits": 0}
    weights = [1 / (rank + 1) for rank in range(len(paths))]  # Zipf, s = 1
    started = time.monotonic()
    threads = []
    n = 0
    while (elapsed := time.monotonic() - started) < duration:
        path = random.choices(paths, weights)[0]
        thread = threading.Thread(target=comment, args=(base, path, n, counts))
        thread.start()
        threads.append(thread)
        n += 1
        if n % 10 == 0:
            close_old_connections()
            counts["approved"] += services.comments_moderate(
                comments=Comment.objects.pending(),
                status=Comment.Status.APPROVED,
                moderator=moderator,
            )
        if n % 30 == 0:
            article = Article.objects.published().order_by("?").first()
            article.title_en = re.sub(r"( \(updated \d+\))?$", f" (updated {n})", article.title_en)
            article.save()
            # A title edit: the pages listing it, not every article page.
            invalidation.article_changed(article.pk, reading_on=False)
            counts["edits"] += 1
        time.sleep(max(0.0, n - elapsed))
    for thread in threads:
        thread.join(timeout=30)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
