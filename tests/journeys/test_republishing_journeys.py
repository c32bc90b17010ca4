"""Journeys of the republishing desk: feed checks and imports make drafts only, so
readers' pages stay as they were until an editor publishes (a normal journey then)."""

import re

from tests.republishing.site import serve

from .checks import Expect, expect_unchanged, snapshot
from .reader import FEED_PATH
from .test_site_journeys import SOURCE, every_kind_of_page

IMPORTS, ENTRIES = "republishing.importrequest", "republishing.feedentry"
# The journeys' site runs production settings; its worker may fetch from this machine's
# test server only because this says so (as a developer's local setup would).
LOCAL = {"BROADSHEET_REPUBLISHING_ALLOW_PRIVATE_ADDRESSES": "true"}


def worker(journeys) -> None:
    journeys.site.manage(
        "worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0", env=LOCAL
    )


def test_feed_checks_and_imports_make_drafts_readers_do_not_see(journeys, httpserver):
    site = serve(httpserver)
    article = journeys.bystander()
    reader = journeys.reader()
    before = snapshot(reader, [*every_kind_of_page(article), *FEED_PATH.values()])
    newsroom = journeys.newsroom
    name = f"DEV Community {article['word']}"
    newsroom.add(SOURCE, name=name, url="https://dev.to", feed_url=site + "/feed/ayse")
    (source_pk,) = newsroom.find(SOURCE, name)
    category = article["category"]["pk"]

    # "Check for new articles" on the source, and the command, then the worker.
    newsroom.list_action(SOURCE, "check_for_new_articles", [source_pk])
    journeys.site.manage("check_feeds", name)
    worker(journeys)
    entries = newsroom.page(ENTRIES)
    assert "Kubernetes for the impatient" in entries.text

    # "Import selected" with a category, and an import by address.
    form = entries.form(id="changelist-form")
    form.set("action", "import_selected").set("category", category)
    for pk in re.findall(r'name="_selected_action" value="([^"]+)"', entries.text):
        form.tick("_selected_action", pk)
    newsroom.check_saved(newsroom.http.submit(form, button="index", follow=False), "import")
    newsroom.add(IMPORTS, url=site + "/old-address", source=source_pk, category=category)
    worker(journeys)
    imports = newsroom.page(IMPORTS)
    # Two drafts from the feed; the address redirects to one of them: refused as a repeat.
    assert imports.text.count(">Done<") == 2, imports.text[-2000:]
    assert "This address was imported already." in imports.text

    expect = Expect("republishing: feed check, import selected, import by address")
    expect_unchanged(expect, reader, before)
    expect.verify()
