"""Fixtures of the journeys: standalone production-like sites, their servers and people.

Each cache backend gets its own site (package scope, so every journey of one backend
shares the servers): a fresh database (SQLite file, or a database CREATEd on the
suite's PostgreSQL server), ``manage.py migrate`` and ``setup_roles`` as a deploy
runs them, two gunicorn servers sharing that database and cache, a logged-in editor
on server A and anonymous readers of server B.
"""

import os
import re
import secrets
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .browser import Browser, Response
from .reader import Reader
from .site import PostgresDatabase, Site, SqliteDatabase

TIME_ZONE = "Europe/Istanbul"
STAFF_USER, STAFF_PASSWORD = "chief", "journeys-Chief-pw-41"
# Seeded preconditions per site. "fresh" articles are the newest published ones, so
# that the feed (20 items) still lists them while other journeys publish more.
PLAN = {
    "articles": {
        "fresh": 13,
        "bystander": 1,
        "summarised": 2,
        "published": 13,
        "commented": 14,
        "pending": 3,
        "sourced": 2,
        "purgeable": 1,
        "authored": 6,
        "draft": 6,
    },
    "spare_categories": 6,
    "spare_sources": 5,
}
REDIS_DB = {"sqlite": 11, "postgresql": 12}
REDIS_SCALE_OUT_DB = {"sqlite": 13, "postgresql": 14}


def suite_database_vendor() -> str:
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    return "postgresql" if "postgresql" in engine else "sqlite"


def new_database(folder: Path):
    if suite_database_vendor() == "postgresql":
        return PostgresDatabase(os.environ["DATABASE_URL"])
    return SqliteDatabase(folder)


def redis_or_skip(db: int) -> str:
    """A Redis database, emptied; missing Redis fails under CI and skips loudly elsewhere."""
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379, db=db, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as error:
        message = f"REDIS JOURNEYS NOT RUN: no Redis on 127.0.0.1:6379 ({error})."
        if os.environ.get("CI"):
            pytest.fail(message + " Under CI they must run (.ci/run starts Redis).", pytrace=False)
        pytest.skip(message)
    client.flushdb()
    client.close()
    return f"redis://127.0.0.1:6379/{db}"


def flush_redis(url: str) -> None:
    import redis

    parts = urllib.parse.urlsplit(url)
    client = redis.Redis(host=parts.hostname, port=parts.port, db=int(parts.path.strip("/")))
    client.flushdb()
    client.close()


@pytest.fixture(scope="session")
def static_root(tmp_path_factory) -> Path:
    """`collectstatic` once, as each machine of a release runs it (hashed, compressed)."""
    folder = tmp_path_factory.mktemp("journeys-static")
    site = Site(
        folder=folder,
        database_url=f"sqlite:///{folder}/unused.sqlite3",
        cache_url="locmem://",
        static_root=folder / "static",
    )
    site.manage("collectstatic", "--noinput", "-v", "0")
    return folder / "static"


# People ----------------------------------------------------------------------------


class Newsroom:
    """A logged-in member of staff using the admin of one server, form by form."""

    def __init__(self, base_url: str):
        self.http = Browser(base_url)
        login = self.http.get("/en/admin/login/").form(id="login-form")
        login.set("username", STAFF_USER).set("password", STAFF_PASSWORD)
        landed = self.http.submit(login)
        assert landed.url.endswith("/en/admin/"), f"login failed: {landed.status} {landed.url}"

    @staticmethod
    def admin_url(model: str, suffix: str = "") -> str:
        app_label, model_name = model.split(".")
        return f"/en/admin/{app_label}/{model_name}/{suffix}"

    def page(self, model: str, suffix: str = "") -> Response:
        response = self.http.get(self.admin_url(model, suffix))
        assert response.status == 200, f"{model} {suffix}: {response.status}"
        return response

    @staticmethod
    def check_saved(response: Response, what: str) -> Response:
        assert response.status in (302, 303), (
            f"{what} was not accepted ({response.status}): {errors_of(response.text)}"
        )
        return response

    def list_action(self, model: str, action: str, pks, **choices) -> Response:
        """Select rows in the change list, pick an action, press Run (and confirm)."""
        form = self.page(model).form(id="changelist-form")
        form.set("action", action)
        for pk in pks:
            form.tick("_selected_action", pk)
        response = self.http.submit(form, button="index", follow=False)
        return self._through_intermediate(response, choices, f"{action} on {model}")

    def find(self, model: str, query: str) -> list[str]:
        """Primary keys the change list's search box finds for ``query``."""
        page = self.page(model, f"?q={urllib.parse.quote(query)}")
        return re.findall(r'name="_selected_action" value="([^"]+)"', page.text)

    def form_action(self, model: str, pk, action: str) -> Response:
        """The Action menu at the top of an object's page."""
        form = self.page(model, f"{pk}/change/").form(
            method="post", id=f"{model.split('.')[1]}_form"
        )
        form.set("CHANGE_FORM-action", action)
        response = self.http.submit(form, button="index", follow=False)
        return self._through_intermediate(response, {}, f"{action} on {model} #{pk}")

    def _through_intermediate(self, response: Response, choices: dict, what: str) -> Response:
        if response.status == 200 and 'name="post"' in response.text:
            # An intermediate page (delete confirmation, summary options): answer it.
            form = next(f for f in _forms_of(response) if "post" in f.names())
            for name, value in choices.items():
                form.set(name, value)
            response = self.http.submit(form, follow=False)
        self.check_saved(response, what)
        done = self.http.get(response.header("Location"))
        assert 'class="error"' not in messages_of(done.text), messages_of(done.text)
        return done

    def change(self, model: str, pk, *, button: str = "_save", **fields) -> Response:
        form = self.page(model, f"{pk}/change/").form(id=f"{model.split('.')[1]}_form")
        for name, value in fields.items():
            form.set(name, value)
        return self.check_saved(
            self.http.submit(form, button=button, follow=False), f"change of {model} #{pk}"
        )

    def add(self, model: str, **fields) -> Response:
        form = self.page(model, "add/").form(id=f"{model.split('.')[1]}_form")
        for name, value in fields.items():
            form.set(name, value)
        return self.check_saved(
            self.http.submit(form, button="_save", follow=False), f"new {model}"
        )

    def delete(self, model: str, pk) -> Response:
        confirm = self.page(model, f"{pk}/delete/")
        form = next(f for f in _forms_of(confirm) if "post" in f.names())
        return self.check_saved(self.http.submit(form, follow=False), f"deletion of {model} #{pk}")

    def view(self, path: str, **choices) -> Response:
        """A custom admin page with a form (e.g. an article's "Generate AI summaries…")."""
        page = self.http.get(path)
        assert page.status == 200, f"{path}: {page.status}"
        form = next(
            f
            for f in _forms_of(page)
            if f.attrs.get("method", "").lower() == "post"
            and "csrfmiddlewaretoken" in f.names()
            and "logout" not in f.action
        )
        for name, value in choices.items():
            form.set(name, value)
        return self.check_saved(self.http.submit(form, follow=False), path)


def _forms_of(response: Response):
    from .browser import parse_forms

    return parse_forms(response.text, response.url)


def errors_of(page: str) -> str:
    from .reader import text_of

    found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S)
    note = re.findall(r'<p class="errornote">(.*?)</p>', page, re.S)
    return " | ".join(text_of(x) for x in note + found) or text_of(page)[:500]


def messages_of(page: str) -> str:
    return " ".join(re.findall(r'<ul class="messagelist">.*?</ul>', page, re.S))


class Commenter:
    """A reader who writes a comment through the public form, as a person does."""

    def __init__(self, base_url: str):
        self.http = Browser(base_url)

    def post(self, article_path: str, *, name: str, text: str) -> Response:
        """Without JavaScript: the shared form first, then the question on a second step."""
        page = self.http.get(article_path)
        assert page.status == 200, f"{article_path}: {page.status}"
        form = page.form(id="comment-form-fields")
        assert not form.get("token"), "the cached page carries one reader's question"
        form.set("name", name).set("text", text)
        asked = self.http.submit(form, button="send", follow=False)
        assert asked.status == 200, f"no second step ({asked.status}): {errors_of(asked.text)}"
        form = asked.form(id="comment-form-fields")
        assert text in form.get("text"), "the reader's words were not kept"
        label = re.search(r"(\d+)\s*\+\s*(\d+)\s*=\s*\?", asked.text)
        assert label, "the form asks no human-check question"
        assert form.get("token"), "the form carries no signed human-check token"
        assert form.get("csrfmiddlewaretoken"), "the form carries no CSRF token"
        form.set("answer", int(label.group(1)) + int(label.group(2)))
        sent = self.http.submit(form, button="send", follow=False)
        assert sent.status == 302, f"comment refused ({sent.status}): {errors_of(sent.text)}"
        back = self.http.get(sent.header("Location"))
        assert "review" in back.text or "inceleme" in back.text, "no thank-you message"
        return back


# Sites -----------------------------------------------------------------------------


@dataclass
class Journeys:
    site: Site
    a: object
    b: object
    newsroom: Newsroom
    data: dict
    cache: str
    taken: set = field(default_factory=set)

    def reader(self) -> Reader:
        """A new anonymous reader of server B."""
        return Reader(self.b.url)

    def commenter(self, server=None) -> Commenter:
        return Commenter((server or self.b).url)

    def take(self, kind: str) -> dict:
        for item in self.data["articles"][kind]:
            if item["public_id"] not in self.taken:
                self.taken.add(item["public_id"])
                return item
        raise AssertionError(f"conftest.PLAN has too few {kind!r} articles for the journeys")

    def bystander(self) -> dict:
        """An article no journey changes, whose pages show what every page shows."""
        return self.data["articles"]["bystander"][0]

    def take_spare(self, what: str) -> dict:
        for item in self.data[what]:
            key = f"{what}:{item['pk']}"
            if key not in self.taken:
                self.taken.add(key)
                return item
        raise AssertionError(f"conftest.PLAN has too few spare {what}")


def build_site(folder: Path, cache_url: str, static_root: Path, *, env=None) -> tuple:
    database = new_database(folder)
    site = Site(
        folder=folder,
        database_url=database.url,
        cache_url=cache_url,
        static_root=static_root,
        extra_env={"DJANGO_TIME_ZONE": TIME_ZONE, **(env or {})},
    )
    try:
        site.deploy()
        site.manage(
            "createsuperuser",
            "--noinput",
            "--username",
            STAFF_USER,
            "--email",
            "chief@newsroom.example",
            env={"DJANGO_SUPERUSER_PASSWORD": STAFF_PASSWORD},
        )
    except BaseException:
        database.drop()
        raise
    return site, database


def seed(site: Site) -> dict:
    code = (Path(__file__).with_name("seed_site.py")).read_text()
    return site.shell(code, plan=PLAN, tag=secrets.token_hex(2))


# Both page caches by default; CI runs the file cache on SQLite (one machine) and Redis on
# PostgreSQL (several), which covers each pairing an operator deploys in half the time.
JOURNEY_CACHES = os.environ.get("BROADSHEET_JOURNEY_CACHES", "file,redis").split(",")


@pytest.fixture(scope="package", params=JOURNEY_CACHES)
def journeys(request, tmp_path_factory, static_root):
    folder = tmp_path_factory.mktemp(f"journeys-{request.param}")
    if request.param == "redis":
        cache_url = redis_or_skip(REDIS_DB[suite_database_vendor()])
    else:
        cache_url = f"file://{folder / 'cache'}"
    # Comments close a day after publication on this site (COMMENTS_CLOSE_AFTER_DAYS);
    # one report hides a comment, since every reader here has the same address.
    site, database = build_site(
        folder,
        cache_url,
        static_root,
        env={"COMMENTS_CLOSE_AFTER_DAYS": "1", "COMMENTS_HIDE_AFTER_REPORTS": "1"},
    )
    try:
        data = seed(site)
        a = site.start_server("A")
        b = site.start_server("B")
        yield Journeys(site, a, b, Newsroom(a.url), data, request.param)
    finally:
        site.stop()
        database.drop()
        if request.param == "redis":
            flush_redis(cache_url)
