"""Replies, permalinks, long threads in pages, each comment's language, and the writer's
own comments awaiting review: what a reader sees on the article page."""

import re
from datetime import timedelta

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.utils import timezone

from comments import own
from comments.models import Comment
from comments.services import comment_moderate
from tests.comments.conftest import comment_url, valid_post
from tests.factories import make_article, make_comment, make_user

pytestmark = pytest.mark.django_db


def page(client, article, query="", language="en") -> str:
    response = client.get(article.get_absolute_url(language) + query)
    assert response.status_code == 200
    return response.content.decode()


def comment_ids(html: str) -> list[int]:
    """The comments in the list everyone reads, in the order shown."""
    listed = html.partition('<section class="comments" id="comments"')[2].partition("</section>")[0]
    return [int(n) for n in re.findall(r'<li class="comment[^"]*" id="comment-(\d+)"', listed)]


def signed(ids: str) -> str:
    """The cookie's value as the site signs it."""
    response = HttpResponse()
    response.set_signed_cookie(own.COOKIE, ids, salt=own.SALT)
    return response.cookies[own.COOKIE].value


def own_section(html: str) -> str:
    return html.partition('id="own-comments"')[2].partition("</section>")[0]


# Replies


def test_a_reply_link_works_without_javascript_and_the_reply_joins_the_thread(client, article):
    parent = make_comment(article=article, name="Deniz", text="Which base image?")
    html = page(client, article)
    assert f'href="?reply_to={parent.pk}#comment-form"' in html
    html = page(client, article, f"?reply_to={parent.pk}")
    assert "Replying to" in html and f'<a href="#comment-{parent.pk}">Deniz</a>' in html
    assert 'href="?#comment-form">Cancel reply</a>' in html
    assert f'name="parent" value="{parent.pk}"' in html

    response = client.post(
        comment_url(article), valid_post(article, parent=str(parent.pk), text="Alpine, mostly.")
    )
    assert response.status_code == 302
    reply = Comment.objects.get(text="Alpine, mostly.")
    assert reply.parent == parent
    assert reply.status == Comment.Status.PENDING  # moderated like any comment
    assert "Alpine, mostly." not in page(Client(), article)

    comment_moderate(comment=reply, status=Comment.Status.APPROVED, moderator=make_user())
    html = page(Client(), article)
    assert "2 comments" in html  # the count includes replies
    replies = html.partition('<ol class="comment-replies"')[2].partition("</ol>")[0]
    assert f'id="comment-{reply.pk}"' in replies and "Alpine, mostly." in replies


def test_a_reply_to_a_reply_joins_the_same_thread(client, article):
    parent = make_comment(article=article)
    reply = make_comment(article=article, parent=parent)
    client.post(comment_url(article), valid_post(article, parent=str(reply.pk), text="Third"))
    assert Comment.objects.get(text="Third").parent == parent


@pytest.mark.parametrize("kind", ["pending", "rejected", "other article", "missing", "garbage"])
def test_a_reply_to_a_comment_readers_cannot_see_is_refused_clearly(client, article, kind):
    if kind in ("pending", "rejected"):
        target = str(make_comment(article=article, status=kind).pk)
    elif kind == "other article":
        target = str(make_comment(article=make_article()).pk)
    else:
        target = "987654" if kind == "missing" else "12abc"
    response = client.post(comment_url(article), valid_post(article, parent=target, text="Mine"))
    assert response.status_code == 400
    assert "The comment you are replying to cannot be answered" in response.content.decode()
    assert "Mine" in response.content.decode()  # the text is kept
    assert not Comment.objects.filter(text="Mine").exists()


def test_replies_show_in_order_under_their_comment_whichever_way_threads_go(client, article):
    start = timezone.now() - timedelta(days=1)
    first = make_comment(article=article, created_at=start)
    second = make_comment(article=article, created_at=start + timedelta(hours=1))
    late = make_comment(article=article, parent=first, created_at=start + timedelta(hours=3))
    early = make_comment(article=article, parent=first, created_at=start + timedelta(hours=2))
    assert comment_ids(page(client, article)) == [first.pk, early.pk, late.pk, second.pk]
    newest = comment_ids(page(client, article, "?order=newest"))
    assert newest == [second.pk, first.pk, early.pk, late.pk]


def test_replies_to_a_comment_no_longer_approved_leave_with_it(client, article):
    parent = make_comment(article=article)
    make_comment(article=article, parent=parent, text="Orphan soon")
    assert "2 comments" in page(client, article)
    comment_moderate(comment=parent, status=Comment.Status.REJECTED, moderator=make_user())
    html = page(client, article)
    assert "Orphan soon" not in html and "0 comments" in html


def test_staff_comments_carry_the_newsroom_badge(client, article):
    editor = make_user()
    client.force_login(editor)
    client.post(comment_url(article), {"name": "Editor", "text": "We corrected the date."})
    comment = Comment.objects.get()
    assert comment.from_newsroom
    comment_moderate(comment=comment, status=Comment.Status.APPROVED, moderator=editor)
    reader = make_comment(article=article, name="Reader")
    html = page(Client(), article)
    assert html.count('<span class="badge-newsroom">Newsroom</span>') == 1
    assert html.index("Newsroom") < html.index(f'id="comment-{reader.pk}"')


# Permalinks


def test_every_comment_has_a_permalink_and_a_copy_button(client, article):
    comment = make_comment(article=article)
    html = page(client, article)
    assert f'<li class="comment" id="comment-{comment.pk}">' in html
    assert f'class="comment-permalink" href="#comment-{comment.pk}"' in html
    assert f'data-permalink="#comment-{comment.pk}" hidden>Copy link' in html
    assert comment.get_absolute_url() == article.get_absolute_url("en") + f"#comment-{comment.pk}"


# Long threads


def test_threads_come_in_pages_of_fifty_with_their_replies(client, article):
    start = timezone.now() - timedelta(days=10)
    comments = Comment.objects.bulk_create(
        Comment(
            article=article,
            article_public_id=article.public_id,
            name=f"Reader {n}",
            text=f"Comment number {n}",
            language="en",
            status=Comment.Status.APPROVED,
            moderated_at=start,
            created_at=start + timedelta(minutes=n),
        )
        for n in range(55)
    )
    reply = make_comment(article=article, parent=comments[52], text="A reply on page two")
    first = page(client, article)
    assert "56 comments" in first
    assert comment_ids(first) == [c.pk for c in comments[:50]]
    assert 'href="?comments=2#comments" rel="next"' in first
    assert "Page 1 of 2" in first
    second = page(client, article, "?comments=2")
    assert comment_ids(second) == [c.pk for c in comments[50:52]] + [
        comments[52].pk,
        reply.pk,
        *[c.pk for c in comments[53:]],
    ]
    # Permalinks and reply links on page two stay on page two.
    assert f'href="?comments=2#comment-{comments[51].pk}"' in second
    assert f'href="?reply_to={comments[51].pk}&amp;comments=2#comment-form"' in second
    assert 'href="?#comments" rel="prev"' in second
    newest = page(client, article, "?order=newest")
    assert comment_ids(newest)[:3] == [comments[54].pk, comments[53].pk, comments[52].pk]
    assert 'href="?comments=2&amp;order=newest#comments" rel="next"' in newest
    assert 'aria-current="true">Newest first' in newest
    # Past the last page or nonsense: the nearest page that exists, never an error.
    assert comment_ids(page(client, article, "?comments=99")) == comment_ids(second)
    assert comment_ids(page(client, article, "?comments=x")) == comment_ids(first)


def test_comment_pages_are_cached_separately_and_renewed_by_comment_changes(client, article):
    for n in range(51):
        make_comment(article=article, text=f"Number {n}")
    url = article.get_absolute_url("en")
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url + "?comments=2")["X-Page-Cache"] == "miss"
    hit = client.get(url + "?comments=2&utm_source=x")
    assert hit["X-Page-Cache"] == "hit" and "Number 50" in hit.content.decode()
    make_comment(article=article, text="Number 51")
    renewed = client.get(url + "?comments=2")
    assert renewed["X-Page-Cache"] == "miss" and "Number 51" in renewed.content.decode()


def _bulk_comments(article, count):
    Comment.objects.bulk_create(
        Comment(
            article=article,
            article_public_id=article.public_id,
            name="Reader",
            text=f"Comment {n}",
            language="en",
            status=Comment.Status.APPROVED,
            moderated_at=timezone.now(),
        )
        for n in range(count)
    )
    top = Comment.objects.filter(article=article).order_by("pk")[:3]
    for parent in top:
        make_comment(article=article, parent=parent, text="A reply")


@pytest.mark.parametrize("count", [5, 5000])
def test_article_page_takes_the_same_queries_for_5_and_5000_comments(
    settings, django_assert_num_queries, count
):
    settings.BROADSHEET_PAGE_CACHE = False
    article = make_article()
    _bulk_comments(article, count)
    # The article, its authors, its tags, the comments' counts and one page of threads,
    # "More in" (empty: no authors to read), the menu, the footer pages, the next
    # scheduled publication (how long the page's parts may be kept: pagecache.fragments).
    with django_assert_num_queries(9):
        response = Client().get(article.get_absolute_url("en"))
    assert f"{count + 3} comments" in response.content.decode()


# Language


def test_the_text_language_is_detected_and_marked_when_it_differs_from_the_page(client, article):
    editor = make_user()
    texts = {
        "tr": "Bu yazı için çok teşekkürler, Docker imajlarını nihayet anladım.",
        "en": "Thanks a lot for this, I finally understand how image layers work.",
        "short": "Süper!",
    }
    for text in texts.values():
        client.post(comment_url(article), valid_post(article, text=text))
    stored = {c.text: c for c in Comment.objects.all()}
    assert stored[texts["tr"]].text_language == "tr"
    assert stored[texts["en"]].text_language == "en"
    assert stored[texts["short"]].text_language == ""  # too short to tell
    for comment in stored.values():
        comment_moderate(comment=comment, status=Comment.Status.APPROVED, moderator=editor)
    english = page(Client(), article)
    assert f'<div class="comment-text" lang="tr">{texts["tr"]}</div>' in english
    assert f'<div class="comment-text">{texts["en"]}</div>' in english
    assert '<div class="comment-text">Süper!</div>' in english  # the page's language
    turkish = page(Client(), article, language="tr")
    assert f'<div class="comment-text">{texts["tr"]}</div>' in turkish
    assert f'<div class="comment-text" lang="en">{texts["en"]}</div>' in turkish


# The writer's own comments awaiting review


def test_the_writer_sees_their_pending_comment_on_the_cached_page_and_no_one_else(article):
    writer, other = Client(), Client()
    assert other.get(article.get_absolute_url("en"))["X-Page-Cache"] == "miss"
    response = writer.post(comment_url(article), valid_post(article, text="My own words"))
    cookie = response.cookies[own.COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["max-age"] == own.MAX_AGE
    writer.get(response["Location"])  # the thank-you page, with its message
    del writer.cookies["messages"]  # deleted by that page; the test client keeps it empty
    seen = writer.get(article.get_absolute_url("en"))
    assert seen["X-Page-Cache"] == "hit"
    assert "My own words" in own_section(seen.content.decode())
    assert "Awaiting review" in own_section(seen.content.decode())
    assert "private" in seen["Cache-Control"]
    unseen = other.get(article.get_absolute_url("en"))
    assert unseen["X-Page-Cache"] == "hit"
    assert "My own words" not in unseen.content.decode()
    # Not even from a copy the writer's browser kept: never a 304 for them.
    stale = writer.get(
        article.get_absolute_url("en"), HTTP_IF_MODIFIED_SINCE=seen.get("Last-Modified")
    )
    assert stale.status_code == 200


def test_once_approved_it_is_shown_once_like_any_other_and_rejected_it_is_gone(article):
    writer = Client()
    writer.post(comment_url(article), valid_post(article, text="Approve me"))
    writer.post(comment_url(article), valid_post(article, text="Reject me"))
    html = page(writer, article)
    assert "Approve me" in own_section(html) and "Reject me" in own_section(html)
    editor = make_user()
    comment_moderate(
        comment=Comment.objects.get(text="Approve me"),
        status=Comment.Status.APPROVED,
        moderator=editor,
    )
    comment_moderate(
        comment=Comment.objects.get(text="Reject me"),
        status=Comment.Status.REJECTED,
        moderator=editor,
    )
    html = page(writer, article)
    assert html.count("Approve me") == 1 and "Approve me" not in own_section(html)
    assert "Reject me" not in html
    assert 'id="own-comments"' not in html


def test_the_cookie_is_bounded_and_a_forged_one_shows_nothing(article):
    writer = Client()
    pending = [
        make_comment(article=article, status=Comment.Status.PENDING, text=f"Mine {n}")
        for n in range(own.MAX_IDS + 5)
    ]
    ids = ".".join(str(c.pk) for c in pending)
    writer.cookies[own.COOKIE] = signed(ids)
    response = writer.post(comment_url(article), valid_post(article, text="Newest"))
    request = RequestFactory().get("/")
    request.COOKIES[own.COOKIE] = response.cookies[own.COOKIE].value
    kept = own.read(request)
    assert len(kept) == own.MAX_IDS
    assert kept[-1] == Comment.objects.get(text="Newest").pk
    forger = Client()
    forger.cookies[own.COOKIE] = ids  # unsigned: someone else's ids
    html = page(forger, article)
    assert "Mine 1" not in html


def test_a_page_is_private_only_when_it_carries_something_of_the_readers(article):
    article.comments_closed = True
    article.save()
    pending = make_comment(article=article, status=Comment.Status.PENDING, text="Before close")
    reader = Client()
    shared = reader.get(article.get_absolute_url("en"))
    assert "private" not in shared.get("Cache-Control", "")
    writer = Client()
    writer.cookies[own.COOKIE] = signed(str(pending.pk))
    mine = writer.get(article.get_absolute_url("en"))
    assert mine["X-Page-Cache"] == "hit"
    assert "private" in mine["Cache-Control"]
    assert "Before close" in mine.content.decode()
    assert "private" not in reader.get(article.get_absolute_url("en")).get("Cache-Control", "")


def test_replying_to_a_reply_names_its_writer_and_joins_the_thread(client, article):
    parent = make_comment(article=article, name="Deniz")
    reply = make_comment(article=article, parent=parent, name="Mehmet")
    html = page(client, article)
    assert f'href="?reply_to={reply.pk}#comment-form"' in html
    html = page(client, article, f"?reply_to={reply.pk}")
    assert f'<a href="#comment-{reply.pk}">Mehmet</a>' in html
    assert f'name="parent" value="{reply.pk}"' in html
    client.post(comment_url(article), valid_post(article, parent=str(reply.pk), text="Agreed"))
    assert Comment.objects.get(text="Agreed").parent == parent
