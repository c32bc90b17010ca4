"""Journeys of what surrounds articles: categories (on every page), sources, summary
statuses, staff accounts, and the management commands an operator runs."""

import re

import pytest

from .browser import Browser, parse_forms
from .checks import (
    Expect,
    expect_unchanged,
    prime_article,
    snapshot,
)
from .reader import (
    ARTICLE_PATH,
    CATEGORY_PATH,
    FEED_PATH,
    HOME_PATH,
    LANGUAGES,
    article_path,
    listed_ids,
    nav_of,
    parse_feed,
    shown,
)

CATEGORY, SOURCE, SUMMARY = "articles.category", "articles.source", "articles.summarystate"


def every_kind_of_page(article: dict) -> list[str]:
    return [
        *HOME_PATH.values(),
        *(article_path(article, code) for code in LANGUAGES),
        *(
            CATEGORY_PATH[code].format(slug=shown(article["category"], "slug", code))
            for code in LANGUAGES
        ),
    ]


def navs(reader, paths) -> dict[str, list[str]]:
    return {path: nav_of(reader.get(path).text) for path in paths}


# Categories: shown in the menu of every page ---------------------------------------


def test_adding_a_category_puts_it_in_every_menu(journeys):
    article = journeys.bystander()
    reader = journeys.reader()
    paths = every_kind_of_page(article)
    for path in paths:
        reader.cached(path)
    word = f"new{journeys.cache}"
    journeys.newsroom.add(
        CATEGORY,
        name_en=f"Fresh desk {word}",
        name_tr=f"Yeni masa {word}",
        slug_en=f"fresh-desk-{word}",
        slug_tr=f"yeni-masa-{word}",
        position="50",
    )
    expect = Expect("category add form")
    for path, menu in navs(reader, paths).items():
        # Turkish pages show the Turkish name; every other language the English one.
        name = f"Yeni masa {word}" if path.startswith("/tr/") else f"Fresh desk {word}"
        expect.check(name in menu, f"{path}: the menu lacks the new category {name!r}")
    expect.verify()


def test_renaming_a_category_renames_it_everywhere(journeys):
    article = journeys.take("published")
    reader = journeys.reader()
    paths = every_kind_of_page(article)
    for path in paths:
        reader.cached(path)
    names = {"en": f"Renamed desk {article['word']}", "tr": f"Yeni adlı masa {article['word']}"}
    journeys.newsroom.change(
        CATEGORY, article["category"]["pk"], name_en=names["en"], name_tr=names["tr"]
    )
    # A language without its own name (a third one) shows the English one.
    names = dict.fromkeys(LANGUAGES, names["en"]) | names
    expect = Expect("category change form: renamed")
    for language in LANGUAGES:
        page = reader.article(article, language)
        expect.check(
            page.kicker == names[language],
            f"[{language}] article page kicker {page.kicker!r}, not {names[language]!r}",
        )
        expect.check(names[language] in page.nav, f"[{language}] menu lacks the new name")
        home = reader.get(HOME_PATH[language]).text
        expect.check(names[language] in home, f"[{language}] home page shows the old name")
    expect.verify()


@pytest.mark.parametrize("where", ["list", "form"])
def test_deleting_a_category_takes_it_out_of_every_menu(journeys, where):
    category = journeys.take_spare("categories")
    article = journeys.bystander()
    reader = journeys.reader()
    paths = every_kind_of_page(article)
    for path, menu in navs(reader, paths).items():
        reader.cached(path)
        assert category["name_en"] in menu or category["name_tr"] in menu, path
    if where == "list":
        journeys.newsroom.list_action(CATEGORY, "delete_selected", [category["pk"]])
    else:
        journeys.newsroom.delete(CATEGORY, category["pk"])
    expect = Expect(f"category delete ({where})")
    for path, menu in navs(reader, paths).items():
        expect.check(
            category["name_en"] not in menu and category["name_tr"] not in menu,
            f"{path}: the menu still offers the deleted category",
        )
    for language in LANGUAGES:
        status = reader.get(
            CATEGORY_PATH[language].format(slug=shown(category, "slug", language))
        ).status
        expect.check(status == 404, f"[{language}] the deleted category's page answered {status}")
    expect.verify()


def test_reordering_categories_in_the_list_reorders_every_menu(journeys):
    first, second = journeys.take_spare("categories"), journeys.take_spare("categories")
    article = journeys.bystander()
    reader = journeys.reader()
    paths = every_kind_of_page(article)
    for path, menu in navs(reader, paths).items():
        reader.cached(path)
        names = (first["name_en"], second["name_en"])
        if path.startswith("/tr/"):
            names = (first["name_tr"], second["name_tr"])
        assert menu.index(names[0]) < menu.index(names[1]), f"{path}: unexpected order"
    form = journeys.newsroom.page(CATEGORY).form(id="changelist-form")
    rows = {form.get(name): name.rsplit("-", 1)[0] for name in form.names() if name.endswith("-id")}
    form.set(f"{rows[str(first['pk'])]}-position", "199")
    form.set(f"{rows[str(second['pk'])]}-position", "198")
    saved = journeys.newsroom.http.submit(form, button="_save", follow=False)
    journeys.newsroom.check_saved(saved, "category positions")
    expect = Expect("category list: positions edited")
    for path, menu in navs(reader, paths).items():
        names = (first["name_en"], second["name_en"])
        if path.startswith("/tr/"):
            names = (first["name_tr"], second["name_tr"])
        expect.check(
            menu.index(names[1]) < menu.index(names[0]), f"{path}: the menu keeps the old order"
        )
    expect.verify()


# Sources: the byline of the articles that cite them --------------------------------


def test_renaming_a_source_changes_the_byline(journeys):
    article = journeys.take("sourced")
    reader = journeys.reader()
    prime_article(reader, article)
    new_name = f"Renamed wire {article['word']}"
    journeys.newsroom.change(SOURCE, article["source"]["pk"], name=new_name)
    expect = Expect("source change form: renamed")
    for language in LANGUAGES:
        byline = reader.article(article, language).byline
        expect.check(new_name in byline, f"[{language}] byline {byline!r} lacks {new_name!r}")
    expect.verify()


@pytest.mark.parametrize("how", ["add", "delete-form", "delete-list"])
def test_sources_no_article_cites_change_no_page(journeys, how):
    """A source shows only in the byline of articles citing it: adding or deleting one
    that none cites changes nothing readers see."""
    article = journeys.bystander()
    reader = journeys.reader()
    before = snapshot(reader, [*every_kind_of_page(article), *FEED_PATH.values()])
    if how == "add":
        journeys.newsroom.add(SOURCE, name=f"Unused wire {article['word']}", url="")
    else:
        spare = journeys.take_spare("sources")
        if how == "delete-form":
            journeys.newsroom.delete(SOURCE, spare["pk"])
        else:
            journeys.newsroom.list_action(SOURCE, "delete_selected", [spare["pk"]])
    expect = Expect(f"source {how}")
    expect_unchanged(expect, reader, before)
    expect.verify()


# Summary statuses: deleting one hides its summary ----------------------------------


@pytest.mark.parametrize("where", ["list", "form"])
def test_deleting_a_summary_status_hides_the_summary(journeys, where):
    article = journeys.take("summarised")
    reader = journeys.reader()
    prime_article(reader, article)
    feed_before = parse_feed(reader.cached(FEED_PATH["en"]).text)
    english = article["summaries"]["en"]
    assert reader.article(article, "en").summary == english["text"]
    assert feed_before[article["public_id"]]["description"] == english["text"]
    if where == "list":
        journeys.newsroom.list_action(SUMMARY, "delete_selected", [english["pk"]])
    else:
        journeys.newsroom.delete(SUMMARY, english["pk"])
    expect = Expect(f"summary status delete ({where})")
    summary = reader.article(article, "en").summary
    expect.check(summary is None, f"[en] the page still shows the summary {summary!r}")
    turkish = reader.article(article, "tr").summary
    expect.check(
        turkish == article["summaries"]["tr"]["text"],
        f"[tr] the Turkish summary changed to {turkish!r}",
    )
    item = parse_feed(reader.get(FEED_PATH["en"]).text)[article["public_id"]]
    expect.check(
        item["description"] != english["text"],
        "[en] the feed still describes the article with the hidden summary",
    )
    expect.verify()


# Staff accounts and groups: nothing readers see ------------------------------------


def test_staff_accounts_and_groups_change_no_page(journeys):
    """Every admin write on users and groups, then the same pages for readers."""
    article = journeys.bystander()
    reader = journeys.reader()
    before = snapshot(reader, [*every_kind_of_page(article), *FEED_PATH.values()])
    newsroom, suffix = journeys.newsroom, journeys.cache
    password = "Journeys-Temp-pw-7731"
    for n in (1, 2):
        newsroom.add(
            "auth.user",
            username=f"temp{n}{suffix}",
            password1=password,
            password2=password,
            usable_password="true",
        )
    users = newsroom.find("auth.user", f"temp1{suffix}") + newsroom.find(
        "auth.user", f"temp2{suffix}"
    )
    assert len(users) == 2, users
    newsroom.change("auth.user", users[0], first_name="Temporary", is_staff=True)
    page = newsroom.page("auth.user", f"{users[0]}/password/")
    form = next(f for f in parse_forms(page.text, page.url) if "password1" in f.names())
    form.set("password1", password + "x").set("password2", password + "x")
    button = next((b.name for b in form.buttons() if b.name == "set-password"), None)
    newsroom.check_saved(newsroom.http.submit(form, button=button, follow=False), "password")
    newsroom.delete("auth.user", users[0])
    newsroom.list_action("auth.user", "delete_selected", [users[1]])
    for n in (1, 2):
        newsroom.add("auth.group", name=f"Temp group {n} {suffix}")
    groups = newsroom.find("auth.group", f"Temp group 1 {suffix}") + newsroom.find(
        "auth.group", f"Temp group 2 {suffix}"
    )
    assert len(groups) == 2, groups
    newsroom.change("auth.group", groups[0], name=f"Renamed temp group {suffix}")
    newsroom.delete("auth.group", groups[0])
    newsroom.list_action("auth.group", "delete_selected", [groups[1]])
    expect = Expect("users and groups")
    expect_unchanged(expect, reader, before)
    expect.verify()


# Commands --------------------------------------------------------------------------


def test_setup_roles_changes_no_page(journeys):
    article = journeys.bystander()
    reader = journeys.reader()
    before = snapshot(reader, [*every_kind_of_page(article), *FEED_PATH.values()])
    journeys.site.manage("setup_roles")
    expect = Expect("manage.py setup_roles")
    expect_unchanged(expect, reader, before)
    expect.verify()


def test_i18n_status_changes_no_page(journeys):
    article = journeys.bystander()
    reader = journeys.reader()
    before = snapshot(reader, [*every_kind_of_page(article), *FEED_PATH.values()])
    journeys.site.manage("i18n_status", "--no-content", check=False)
    journeys.site.manage("i18n_status", check=False)
    expect = Expect("manage.py i18n_status")
    expect_unchanged(expect, reader, before)
    expect.verify()


def test_load_demo_reaches_readers(journeys):
    reader = journeys.reader()
    menus = {code: nav_of(reader.cached(HOME_PATH[code]).text) for code in LANGUAGES}
    for path in FEED_PATH.values():
        reader.cached(path)
    journeys.site.manage("load_demo")
    expect = Expect("manage.py load_demo")
    sitemap = reader.sitemap()
    for language in LANGUAGES:
        menu = nav_of(reader.get(HOME_PATH[language]).text)
        added = [name for name in menu if name not in menus[language]]
        if not expect.check(added, f"[{language}] the home page menu shows no demo category"):
            continue
        home = reader.get(HOME_PATH[language]).text
        link = re.search(rf'href="(/{language}/[^"]+/)"[^>]*>{re.escape(added[0])}<', home)
        category_page = reader.get(link.group(1)).text
        ids = listed_ids(category_page)
        if not expect.check(ids, f"[{language}] demo category {added[0]!r} lists no article"):
            continue
        href = re.search(rf'href="(/{language}/[^/]+/{ids[0]}/[^"]+/)"', category_page).group(1)
        page = reader.get(href)
        expect.check(page.status == 200, f"[{language}] demo article page answered {page.status}")
        expect.check(href in sitemap, f"[{language}] sitemap.xml lacks the demo article")
        title = re.search(r"<h1[^>]*>(.*?)</h1>", page.text, re.S).group(1)
        expect.check(
            ids[0] in reader.search_ids(title.split(":")[0][:40], language),
            f"[{language}] search does not find the demo article {title!r}",
        )
        expect.check(href.startswith(ARTICLE_PATH[language].split("{")[0]), href)
    expect.verify()


def test_seed_bench_reaches_readers(journeys):
    reader = journeys.reader()
    before = {code: set(reader.home_ids(code)) for code in LANGUAGES}
    for code in LANGUAGES:
        reader.cached(HOME_PATH[code])
        reader.cached(FEED_PATH[code])
    journeys.site.manage("seed_bench", "--articles", "2", "--comments", "4")
    expect = Expect("manage.py seed_bench")
    for language in LANGUAGES:
        new = set(reader.home_ids(language)) - before[language]
        expect.check(len(new) == 2, f"[{language}] home lists {len(new)} new articles, not 2")
        sitemap = "\n".join(reader.sitemap())
        expect.check(
            all(f"/{public_id}/" in sitemap for public_id in new),
            f"[{language}] sitemap.xml lacks the seeded articles",
        )
    expect.verify()


def test_sign_in_records_and_second_factors_change_no_page(journeys):
    """The back office's sign-in admin: lifting locks, sign-in logs, staff devices."""
    article = journeys.bystander()
    reader = journeys.reader()
    before = snapshot(reader, [*every_kind_of_page(article), *FEED_PATH.values()])
    newsroom, suffix = journeys.newsroom, journeys.cache
    password = "Journeys-Signin-pw-5512"
    name = f"signin{suffix}"
    newsroom.add(
        "auth.user", username=name, password1=password, password2=password, usable_password="true"
    )
    (user,) = newsroom.find("auth.user", name)
    newsroom.change("auth.user", user, is_staff=True)

    # Two wrong passwords (two usernames: two attempt rows), two sign-ins (two log rows),
    # far below the limits so that no other journey's sign-in is refused.
    for username, secret in ((name, "wrong"), (f"nobody{suffix}", "wrong"), (name, password)):
        visitor = Browser(journeys.a.url)
        form = visitor.get("/en/admin/login/").form(id="login-form")
        visitor.submit(form.set("username", username).set("password", secret))
    visitor = Browser(journeys.b.url)
    form = visitor.get("/en/admin/login/").form(id="login-form")
    visitor.submit(form.set("username", name).set("password", password))

    for model in ("axes.accessattempt", "axes.accessfailurelog", "axes.accesslog"):
        rows = newsroom.find(model, suffix)
        assert len(rows) >= 2, (model, rows)
        newsroom.change(model, rows[0])
        if model == "axes.accessattempt":
            newsroom.list_action(model, "cleanup_expired_attempts", rows)
        newsroom.delete(model, rows[0])
        newsroom.list_action(model, "delete_selected", rows[1:])
        assert not newsroom.find(model, suffix), model

    # An administrator removes a lost device; nobody may read a device's secret.
    for model in ("otp_totp.totpdevice", "otp_static.staticdevice"):
        for label in ("one", "two"):
            newsroom.add(model, user=user, name=f"{label} {suffix}")
        devices = newsroom.find(model, name)
        assert len(devices) == 2, (model, devices)
        newsroom.change(model, devices[0], name=f"renamed {suffix}")
        if model == "otp_totp.totpdevice":
            for view in ("config", "qrcode"):
                shown = newsroom.http.get(newsroom.admin_url(model, f"{devices[0]}/{view}/"))
                assert shown.status == 403, (view, shown.status)
        newsroom.delete(model, devices[0])
        newsroom.list_action(model, "delete_selected", devices[1:])
    newsroom.list_action("auth.user", "delete_selected", [user])

    expect = Expect("sign-in records and devices")
    expect_unchanged(expect, reader, before)
    expect.verify()
