"""Journeys of the article admin: every action, the change form and the scheduler.

Each journey makes one change through server A (a logged-in editor's admin requests)
and reads the result from server B as an anonymous reader, after proving that the old
page was in the page cache.
"""

import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from .checks import (
    Expect,
    expect_fresh_for_old_copy,
    expect_gone,
    expect_unchanged,
    expect_visible,
    prime_article,
    prime_lists,
    snapshot,
    wait_past,
)
from .conftest import TIME_ZONE
from .reader import FEED_PATH, HOME_PATH, LANGUAGES, article_path, listed_ids, parse_feed
from .site import wait_until

ARTICLE = "articles.article"


def run_action(journeys, where: str, action: str, article: dict):
    if where == "list":
        return journeys.newsroom.list_action(ARTICLE, action, [article["pk"]])
    return journeys.newsroom.form_action(ARTICLE, article["pk"], action)


def local_parts(moment: datetime) -> dict:
    local = moment.astimezone(ZoneInfo(TIME_ZONE))
    return {
        "published_at_0": local.strftime("%Y-%m-%d"),
        "published_at_1": local.strftime("%H:%M:%S"),
    }


@pytest.mark.parametrize("where", ["list", "form"])
def test_publish_puts_a_draft_everywhere(journeys, where):
    article = journeys.take("draft")
    reader = journeys.reader()
    prime_lists(reader, article)
    assert reader.article_status(article, "en") == 404
    run_action(journeys, where, "publish", article)
    expect = Expect(f"publish ({where})")
    expect_visible(expect, reader, article)
    expect.verify()


@pytest.mark.parametrize("action", ["unpublish", "archive"])
@pytest.mark.parametrize("where", ["list", "form"])
def test_taking_an_article_off_the_site_removes_it_everywhere(journeys, where, action):
    article = journeys.take("fresh")
    reader = journeys.reader()
    prime_lists(reader, article)
    prime_article(reader, article)
    before = Expect("precondition")
    expect_visible(before, reader, article)
    before.verify()
    run_action(journeys, where, action, article)
    expect = Expect(f"{action} ({where})")
    expect_gone(expect, reader, article)
    expect.verify()


@pytest.mark.parametrize("where", ["list", "form"])
def test_send_to_review_shows_readers_nothing(journeys, where):
    article = journeys.take("draft")
    reader = journeys.reader()
    before = snapshot(reader, [*HOME_PATH.values(), *FEED_PATH.values()])
    run_action(journeys, where, "send_to_review", article)
    expect = Expect(f"send to review ({where})")
    for language in LANGUAGES:
        status = reader.article_status(article, language)
        expect.check(status == 404, f"[{language}] a draft in review answered {status}")
    expect_unchanged(expect, reader, before)
    expect.verify()


@pytest.mark.parametrize("where", ["list", "form"])
def test_marking_translations_current_changes_no_page(journeys, where):
    article = journeys.take("published")
    reader = journeys.reader()
    before = snapshot(reader, [article_path(article, code) for code in LANGUAGES])
    run_action(journeys, where, "mark_translations_current", article)
    expect = Expect(f"mark translations current ({where})")
    expect_unchanged(expect, reader, before)
    expect.verify()


def expect_ai_summary(expect, reader, article, last_modified, feed_last_modified):
    """After the worker ran: the English page and feed carry the machine's summary (the
    offline extractive backend writes only the original language); Turkish shows none."""
    english = reader.article(article, "en")
    summary = english.summary
    lead = f"The newsroom followed {article['word']} all week."
    if expect.check(summary is not None, "[en] the article page shows no AI summary"):
        expect.check(lead in summary, f"[en] summary {summary!r} lacks the lead sentence")
        expect.check(
            'data-ai-disclosure="ai-generated-unreviewed"' in english.html,
            "[en] the summary is not disclosed as AI-generated",
        )
    expect.check(
        reader.article(article, "tr").summary is None,
        "[tr] the Turkish page shows a summary the backend cannot write",
    )
    expect_fresh_for_old_copy(
        expect, reader, article_path(article, "en"), last_modified["en"], lead
    )
    feed = reader.feed("en")
    if expect.check(article["public_id"] in feed, "[en] feed lost the article"):
        fresh = parse_feed(reader.get(f"{FEED_PATH['en']}?uncached={time.time_ns()}").text)
        rendered_now = lead in fresh[article["public_id"]]["description"]
        expect.check(
            lead in feed[article["public_id"]]["description"],
            "[en] the feed item still describes the article by its standfirst, "
            "not by its new AI summary (a render under an uncached address "
            f"{'does' if rendered_now else 'does not either'})",
        )
    expect_fresh_for_old_copy(expect, reader, FEED_PATH["en"], feed_last_modified, lead)


def summary_journey(journeys, title: str, queue, *, check_queued: bool = False) -> None:
    """Prime the article page and feed, queue its summaries with ``queue(article)``, run
    the worker, and check what readers then see."""
    article = journeys.take("fresh")
    reader = journeys.reader()
    feed_last_modified = reader.cached(FEED_PATH["en"]).header("Last-Modified")
    last_modified = prime_article(reader, article)
    wait_past(feed_last_modified, *last_modified.values())
    queue(article)
    expect = Expect(title)
    if check_queued:
        expect.check(
            reader.article(article, "en").summary is None,
            "[en] a queued summary showed before the worker wrote it",
        )
    journeys.site.run_worker_batch()
    expect_ai_summary(expect, reader, article, last_modified, feed_last_modified)
    expect.verify()


def test_generate_summaries_action_then_worker(journeys):
    summary_journey(
        journeys,
        "Generate AI summaries action, then the worker",
        lambda article: journeys.newsroom.list_action(
            ARTICLE, "generate_summaries", [article["pk"]], languages=["en", "tr"], scope="needed"
        ),
        check_queued=True,
    )


def test_generate_summaries_button_then_worker(journeys):
    summary_journey(
        journeys,
        "Generate AI summaries… button, then the worker",
        lambda article: journeys.newsroom.view(
            f"/en/admin/articles/article/{article['pk']}/summaries/",
            languages=["en", "tr"],
            scope="needed",
        ),
    )


def test_generate_summaries_command_then_worker(journeys):
    summary_journey(
        journeys,
        "manage.py generate_summaries, then manage.py worker",
        lambda article: journeys.site.manage(
            "generate_summaries", "--article", article["public_id"]
        ),
    )


@pytest.mark.parametrize("where", ["list", "form"])
def test_deleting_an_article_removes_it_everywhere(journeys, where):
    article = journeys.take("fresh")
    reader = journeys.reader()
    prime_lists(reader, article)
    prime_article(reader, article)
    if where == "list":
        journeys.newsroom.list_action(ARTICLE, "delete_selected", [article["pk"]])
    else:
        journeys.newsroom.delete(ARTICLE, article["pk"])
    expect = Expect(f"delete article ({where})")
    expect_gone(expect, reader, article)
    expect.verify()


def test_editing_an_article_renews_every_page_showing_it(journeys):
    article = journeys.take("fresh")
    reader = journeys.reader()
    prime_lists(reader, article)
    last_modified = prime_article(reader, article)
    wait_past(*last_modified.values())
    title_en = f"Corrected report {article['word']}"
    title_tr = f"Düzeltilmiş rapor {article['word']}"
    journeys.newsroom.change(ARTICLE, article["pk"], title_en=title_en, title_tr=title_tr)
    expect = Expect("article change form: new titles")
    expect_visible(expect, reader, article, title_en=title_en, title_tr=title_tr)
    for language, title in (("en", title_en), ("tr", title_tr)):
        path = article_path(article, language)
        expect_fresh_for_old_copy(expect, reader, path, last_modified[language], title)
    feed = reader.get(FEED_PATH["en"], **{"If-Modified-Since": last_modified["en"]})
    expect.check(
        feed.status == 200 and title_en in feed.text,
        f"[en] feed with the old copy's date answered {feed.status} without the new title",
    )
    expect.verify()


def test_adding_a_published_article_puts_it_everywhere(journeys):
    category = journeys.take_spare("categories")
    reader = journeys.reader()
    for path in [*HOME_PATH.values(), *FEED_PATH.values()]:
        reader.cached(path)
    word = f"added{category['pk']}x{journeys.cache}"
    journeys.newsroom.add(
        ARTICLE,
        title_en=f"Journey report {word}",
        title_tr=f"Yolculuk raporu {word}",
        standfirst_en="Added in the admin.",
        body_en=f"An editor wrote {word} in the admin. It is published at once.",
        category=category["pk"],
        status="published",
        original_language="en",
    )
    found = reader.search_ids(f"Journey report {word}", "en")
    assert len(found) == 1, f"search finds {found} for the new article"
    article = {
        "public_id": found[0],
        "title_en": f"Journey report {word}",
        "title_tr": f"Yolculuk raporu {word}",
        "slug_en": f"journey-report-{word}",
        "slug_tr": f"yolculuk-raporu-{word}",
        "category": category,
    }
    expect = Expect("article add form, published now")
    expect_visible(expect, reader, article)
    expect.verify()


def test_a_scheduled_article_appears_by_itself_at_its_time(journeys):
    article = journeys.take("draft")
    reader = journeys.reader()
    prime_lists(reader, article)
    at = datetime.now().astimezone() + timedelta(seconds=4)
    at = at.replace(microsecond=0) + timedelta(seconds=1)
    journeys.newsroom.change(ARTICLE, article["pk"], status="published", **local_parts(at))
    expect = Expect("scheduled publication")
    expect.check(
        reader.article_status(article, "en") == 404,
        "[en] the article showed before its publication time",
    )
    expect.check(
        article["public_id"] not in listed_ids(reader.cached(HOME_PATH["en"]).text),
        "[en] home listed the article before its publication time",
    )
    for path in FEED_PATH.values():
        reader.cached(path)
    expect.verify()
    # Nothing else happens: no request to the admin, no worker, no command.
    wait_until(lambda: time.time() >= at.timestamp(), timeout=10)
    wait_until(
        lambda: article["public_id"] in listed_ids(reader.get(HOME_PATH["en"]).text),
        timeout=3,
        message="the home page did not list the article within 3 s of its publication time",
    )
    expect = Expect("scheduled publication, once its time came")
    expect_visible(expect, reader, article)
    expect.verify()


def test_closing_comments_in_the_admin_removes_the_form(journeys):
    article = journeys.take("commented")
    reader = journeys.reader()
    for language in LANGUAGES:
        page = reader.cached(article_path(article, language))
        assert 'name="answer"' in page.text, f"[{language}] no comment form before closing"
    journeys.newsroom.change(ARTICLE, article["pk"], comments_closed=True)
    expect = Expect("comments closed checkbox")
    for language in LANGUAGES:
        page = reader.article(article, language)
        expect.check(not page.offers_comment_form, f"[{language}] the page still offers the form")
        expect.check(page.closed_notice, f"[{language}] the page does not say comments are closed")
        expect.check(
            page.comment_count == 1 and page.comments,
            f"[{language}] approved comments disappeared when comments closed",
        )
    expect.verify()


def test_comments_close_by_age_at_that_moment(journeys):
    """COMMENTS_CLOSE_AFTER_DAYS=1 on this site: an article published a day ago, less a
    few seconds, must stop offering the form when the day is up, cached page or not."""
    article = journeys.take("published")
    reader = journeys.reader()
    closes = datetime.now().astimezone().replace(microsecond=0) + timedelta(seconds=5)
    journeys.newsroom.change(ARTICLE, article["pk"], **local_parts(closes - timedelta(days=1)))
    for language in LANGUAGES:
        page = reader.cached(article_path(article, language))
        assert 'name="answer"' in page.text, f"[{language}] comments closed too early"
    wait_until(lambda: time.time() >= closes.timestamp() + 0.5, timeout=10)
    expect = Expect("comments closed by age (COMMENTS_CLOSE_AFTER_DAYS)")
    for language in LANGUAGES:
        page = reader.article(article, language)
        expect.check(
            not page.offers_comment_form,
            f"[{language}] the page still offers the comment form after comments "
            f"closed (X-Page-Cache: {page.response.cache})",
        )
        expect.check(page.closed_notice, f"[{language}] the page does not say comments closed")
    expect.verify()
