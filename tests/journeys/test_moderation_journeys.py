"""Journeys of moderation at newsroom speed: the per-row decision buttons of the comment
list, a reader's report hiding a comment (this site hides after one report:
``COMMENTS_HIDE_AFTER_REPORTS=1`` in conftest), and the reported queue's Keep and
Remove, each seen by readers of the other server on the cached pages of both languages."""

import html
import re
import urllib.parse

import pytest

from .browser import Browser
from .checks import Expect, prime_article, wait_past
from .conftest import messages_of
from .reader import LANGUAGES, article_path
from .test_comment_journeys import COMMENT, expect_comments

REPORTED = "comments.reportedcomment"
ROW_FORM = "comment-row-form"


def row_decision(journeys, model: str, pk, decision: str, query: str = "") -> str:
    """Press one row's button in the list at ``query`` as a moderator's browser does (the
    button submits the page's row form, whose ``next`` brings the moderator back)."""
    newsroom = journeys.newsroom
    listed = newsroom.page(model, query)
    form = listed.form(id=ROW_FORM)
    buttons = re.findall(r"<button [^>]*>", listed.text)
    attrs = [dict(re.findall(r'(\w+)="([^"]*)"', button)) for button in buttons]
    pressed = [
        a
        for a in attrs
        if a.get("form") == ROW_FORM
        and a.get("value") == decision
        and re.search(rf"/{pk}/(moderate|decide)/$", html.unescape(a.get("formaction", "")))
    ]
    assert len(pressed) == 1, f"no {decision!r} button in the row of #{pk}: {attrs}"
    data = form.data() + [("decision", decision)]
    sent = newsroom.http.post(html.unescape(pressed[0]["formaction"]), data)
    assert sent.status == 302, f"the {decision} button was refused ({sent.status})"
    back = sent.header("Location")
    assert back == newsroom.admin_url(model, query), f"{back} is not the list page it was on"
    done = newsroom.http.get(back)
    assert 'class="success"' in messages_of(done.text), messages_of(done.text)
    return done.text


def report(journeys, article: dict, pk, *, reason: str = "abuse") -> None:
    """A reader of server B opens "Report" under the comment and sends the form."""
    reader = Browser(journeys.b.url)
    page = reader.get(article_path(article, "tr"))
    link = re.search(rf'href="([^"]*/report/{pk}/)"', page.text)
    assert link, f"no Report link under comment #{pk}"
    form_page = reader.get(link.group(1))
    assert form_page.status == 200, form_page.status
    question = re.search(r"(\d+)\s*\+\s*(\d+)\s*=\s*\?", form_page.text)
    assert question, "the report form asks no human check"
    form = form_page.form(id="report-form")
    assert form.get("csrfmiddlewaretoken"), "the report form carries no CSRF token"
    form.set("reason", reason).set("note", "Insulting another reader.")
    form.set("answer", int(question.group(1)) + int(question.group(2)))
    sent = reader.submit(form, follow=False)
    assert sent.status == 200, f"report refused ({sent.status})"
    assert "Bildiriminiz için teşekkürler" in sent.text, "no thank-you"


def approved_text(article: dict) -> str:
    return f"An approved remark about {article['word']}."


@pytest.mark.parametrize("decision", ["approved", "rejected", "spam"])
def test_the_row_buttons_decide_without_leaving_the_list(journeys, decision):
    approving = decision == "approved"
    article = journeys.take("pending" if approving else "commented")
    pk = article["comments"]["pending" if approving else "approved"]
    text = (
        f"A remark waiting for review about {article['word']}."
        if approving
        else approved_text(article)
    )
    reader = journeys.reader()
    last_modified = prime_article(reader, article)
    wait_past(*last_modified.values())
    status = "pending" if approving else "approved"
    query = "?" + urllib.parse.urlencode({"status__exact": status, "q": article["word"]})
    row_decision(journeys, COMMENT, pk, decision, query)
    expect = Expect(f"the row's {decision} button")
    expect_comments(expect, reader, article, count=int(approving), text=text, shown=approving)
    expect.verify()


@pytest.mark.parametrize("how", ["row", "list-action"])
def test_a_report_hides_a_comment_until_keep_brings_it_back(journeys, how):
    article = journeys.take("commented")
    pk = article["comments"]["approved"]
    reader = journeys.reader()
    last_modified = prime_article(reader, article)
    wait_past(*last_modified.values())
    report(journeys, article, pk)
    hidden = Expect("a reader's report (hide after 1)")
    expect_comments(hidden, reader, article, count=0, text=approved_text(article), shown=False)
    hidden.verify()
    queue = journeys.newsroom.page(REPORTED).text
    assert approved_text(article) in html.unescape(queue), "not in the reported queue"
    assert "Abuse or harassment\u00a0×\u00a01" in queue and "Insulting another reader." in queue

    if how == "row":
        row_decision(journeys, REPORTED, pk, "keep")
    else:
        journeys.newsroom.list_action(REPORTED, "keep", [pk])
    kept = Expect(f"Keep ({how})")
    expect_comments(kept, reader, article, count=1, text=approved_text(article), shown=True)
    kept.verify()
    assert approved_text(article) not in html.unescape(journeys.newsroom.page(REPORTED).text)


@pytest.mark.parametrize("how", ["row", "list-action"])
def test_remove_takes_a_reported_comment_off_for_good(journeys, how):
    article = journeys.take("commented")
    pk = article["comments"]["approved"]
    reader = journeys.reader()
    prime_article(reader, article)
    report(journeys, article, pk, reason="spam")
    if how == "row":
        row_decision(journeys, REPORTED, pk, "remove")
    else:
        journeys.newsroom.list_action(REPORTED, "remove", [pk])
    expect = Expect(f"Remove ({how})")
    expect_comments(expect, reader, article, count=0, text=approved_text(article), shown=False)
    for language in LANGUAGES:
        page = reader.get(article_path(article, language))
        expect.check(f"/report/{pk}/" not in page.text, f"[{language}] still reportable")
    expect.verify()
    rejected = journeys.newsroom.page(COMMENT, f"?status__exact=rejected&q={article['word']}")
    assert f'value="{pk}"' in rejected.text, "the removed comment is not listed as rejected"
