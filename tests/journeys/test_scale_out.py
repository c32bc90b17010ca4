"""README "Several machines": two app servers and a worker sharing one database and one
Redis. A comment posted on server A is approved in the admin of server B and shown to
a reader of server A.

On the PostgreSQL run this is the README's layout exactly (PostgreSQL + Redis); on the
SQLite run the two servers share the embedded database file on one machine, with Redis.
"""

import subprocess

from .checks import Expect
from .conftest import (
    REDIS_SCALE_OUT_DB,
    Commenter,
    Newsroom,
    build_site,
    flush_redis,
    redis_or_skip,
    seed,
    suite_database_vendor,
)
from .reader import LANGUAGES, Reader, article_path
from .site import PYTHON, REPO, wait_until


def test_moderation_across_two_servers_and_a_worker(tmp_path, static_root):
    vendor = suite_database_vendor()
    cache_url = redis_or_skip(REDIS_SCALE_OUT_DB[vendor])
    site, database = build_site(tmp_path, cache_url, static_root)
    worker = None
    try:
        data = seed(site)
        article = data["articles"]["published"][0]
        server_a = site.start_server("A")
        server_b = site.start_server("B")
        worker = subprocess.Popen(
            [PYTHON, "manage.py", "worker", "--no-reload", "--no-startup-delay", "--interval", "1"],
            cwd=REPO, env=site.env, stdout=(tmp_path / "worker.log").open("w"),
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        reader_a = Reader(server_a.url)
        for language in LANGUAGES:
            reader_a.cached(article_path(article, language))

        text = f"Posted on server A about {article['word']}, approved on server B."
        Commenter(server_a.url).post(article_path(article, "en"), name="Elif", text=text)
        newsroom_b = Newsroom(server_b.url)
        pks = newsroom_b.find("comments.comment", text)
        assert len(pks) == 1, f"server B's admin finds {pks} for the comment posted on A"
        newsroom_b.list_action("comments.comment", "approve", pks)

        expect = Expect("moderation across servers A and B (Redis, shared database)")
        for language in LANGUAGES:
            page = reader_a.article(article, language)
            expect.check(
                text in page.comments,
                f"[{language}] a reader of server A does not see the comment approved on B "
                f"(X-Page-Cache: {page.response.cache})",
            )
            expect.check(
                page.comment_count == 1, f"[{language}] server A says {page.comment_count}"
            )

        # The worker beside them writes a summary queued from server B; A shows it.
        newsroom_b.view(
            f"/en/admin/articles/article/{article['pk']}/summaries/",
            languages=["en"],
            scope="needed",
        )
        lead = f"The newsroom followed {article['word']} all week."
        summary = wait_until(
            lambda: (reader_a.article(article, "en").summary or "").count(lead),
            timeout=30,
            message="the worker's summary never reached a reader of server A",
        )
        expect.check(summary, "[en] no summary on server A")
        assert worker.poll() is None, (tmp_path / "worker.log").read_text()
        expect.verify()
    finally:
        if worker is not None and worker.poll() is None:
            worker.terminate()
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
        site.stop()
        database.drop()
        flush_redis(cache_url)
