"""Journeys of comments: a reader posts through the public form, moderators decide in
the admin (list actions and the change form), and readers of the other server see
the result on the cached article page in both languages."""

import pytest

from .checks import (
    Expect,
    expect_fresh_for_old_copy,
    expect_unchanged,
    prime_article,
    snapshot,
    wait_past,
)
from .reader import LANGUAGES, Reader, article_path

COMMENT = "comments.comment"


def expect_comments(expect: Expect, reader: Reader, article: dict, *, count: int, text: str, shown):
    for language in LANGUAGES:
        page = reader.article(article, language)
        if not expect.check(page.response.status == 200, f"[{language}] article page failed"):
            continue
        expect.check(
            page.comment_count == count,
            f"[{language}] the comment list says {page.comment_count}, not {count} "
            f"(X-Page-Cache: {page.response.cache})",
        )
        expect.check(
            page.header_count == count,
            f"[{language}] the count under the title says {page.header_count}, not {count}",
        )
        expect.check(
            (text in page.comments) == shown,
            f"[{language}] the comment is {'missing' if shown else 'still shown'}",
        )


def test_a_reader_comment_waits_then_the_approve_action_publishes_it(journeys):
    article = journeys.take("published")
    reader = journeys.reader()
    last_modified = prime_article(reader, article)
    text = f"Thank you for covering {article['word']}, from a reader of server B."
    journeys.commenter().post(article_path(article, "en"), name="Zeynep", text=text)

    waiting = Expect("a comment waiting for review")
    expect_comments(waiting, reader, article, count=0, text=text, shown=False)
    waiting.verify()
    pks = journeys.newsroom.find(COMMENT, text)
    assert len(pks) == 1, f"the moderators' list finds {pks} for the new comment"

    wait_past(*last_modified.values())
    journeys.newsroom.list_action(COMMENT, "approve", pks)
    expect = Expect("Approve selected comments")
    expect_comments(expect, reader, article, count=1, text=text, shown=True)
    for language in LANGUAGES:
        expect_fresh_for_old_copy(
            expect, reader, article_path(article, language), last_modified[language], text
        )
    expect.verify()


@pytest.mark.parametrize("action", ["reject", "mark_spam", "delete_selected"])
def test_a_list_action_takes_an_approved_comment_off_the_page(journeys, action):
    article = journeys.take("commented")
    reader = journeys.reader()
    last_modified = prime_article(reader, article)
    text = f"An approved remark about {article['word']}."
    before = Expect("precondition")
    expect_comments(before, reader, article, count=1, text=text, shown=True)
    before.verify()
    wait_past(*last_modified.values())
    journeys.newsroom.list_action(COMMENT, action, [article["comments"]["approved"]])
    expect = Expect(f"comment list action {action}")
    expect_comments(expect, reader, article, count=0, text=text, shown=False)
    expect.verify()


def test_approving_in_the_comment_form_publishes_it(journeys):
    article = journeys.take("pending")
    reader = journeys.reader()
    prime_article(reader, article)
    text = f"A remark waiting for review about {article['word']}."
    journeys.newsroom.change(COMMENT, article["comments"]["pending"], status="approved")
    expect = Expect("comment change form: approved")
    expect_comments(expect, reader, article, count=1, text=text, shown=True)
    expect.verify()


def test_deleting_a_comment_from_its_page_removes_it(journeys):
    article = journeys.take("commented")
    reader = journeys.reader()
    prime_article(reader, article)
    journeys.newsroom.delete(COMMENT, article["comments"]["approved"])
    expect = Expect("comment change form: delete")
    text = f"An approved remark about {article['word']}."
    expect_comments(expect, reader, article, count=0, text=text, shown=False)
    expect.verify()


def test_purge_comments_keeps_what_readers_see(journeys):
    """`purge_comments` deletes an old rejected comment; the approved one stays."""
    article = journeys.take("purgeable")
    reader = journeys.reader()
    before = snapshot(reader, [article_path(article, code) for code in LANGUAGES])
    result = journeys.site.manage("purge_comments")
    assert "Deleted 1 spam or rejected comment" in result.stdout, result.stdout
    assert not journeys.newsroom.find(COMMENT, f"A rejected remark about {article['word']}.")
    expect = Expect("manage.py purge_comments")
    text = f"An approved remark about {article['word']}."
    expect_comments(expect, reader, article, count=1, text=text, shown=True)
    expect_unchanged(expect, reader, before)
    expect.verify()


def test_the_writer_alone_sees_their_waiting_comment_until_it_is_rejected(journeys):
    """The signed cookie and the fresh hole with production settings: the writer reads
    the shared cached copy with their own comment in it; nobody else sees it."""
    article = journeys.take("published")
    reader = journeys.reader()
    prime_article(reader, article)
    text = f"My own remark about {article['word']}, waiting."
    writer = journeys.commenter()
    path = article_path(article, "en")
    writer.post(path, name="Elif", text=text)

    expect = Expect("a comment waiting for review, seen by its writer")
    mine = writer.http.get(path)
    expect.check(mine.cache == "hit", f"the writer's page was not cached ({mine.cache})")
    own = mine.text.partition('id="own-comments"')[2]
    expect.check(text in own and "Awaiting review" in own, "the writer does not see it waiting")
    expect.check("private" in (mine.header("Cache-Control") or ""), "the writer's copy is shared")
    expect_comments(expect, reader, article, count=0, text=text, shown=False)
    expect.verify()

    journeys.newsroom.list_action(COMMENT, "reject", journeys.newsroom.find(COMMENT, text))
    expect = Expect("Reject selected comments, seen by the writer")
    expect.check(text not in writer.http.get(path).text, "the writer still sees it")
    expect.verify()
