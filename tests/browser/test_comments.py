import contextlib
import random
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from comments.models import Comment
from comments.rules import comment_length
from tests.browser.conftest import sum_answer
from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REVIEW_MESSAGE = "Thank you. Your comment will appear after editor review."


@pytest.fixture
def article(settings):
    # A person in a test types faster than the minimum-time rule allows.
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0
    return make_article(title_en="Docker images", title_tr="Docker imajları")


def test_reader_writes_a_comment_in_chromium(live_server, page, article):
    page.goto(live_server.url + article.get_absolute_url("en"))
    counter = page.locator("#id_text_counter")
    expect(counter).to_have_text("0 / 1200 characters")
    # Said before sending, under the form, not only after.
    expect(page.locator("#comment-form .review-note")).to_have_text(
        "Your comment will appear after editor review."
    )
    expect(page.locator("#id_text_helptext")).to_be_hidden()  # the counter replaces the hint
    expect(page.locator("#id_text_live")).to_have_attribute("aria-live", "polite")

    page.locator("#id_name").fill("Ayşe")
    text_box = page.locator("#id_text")
    text_box.press_sequentially("Hi 😀")
    expect(counter).to_have_text("4 / 1200 characters")  # the emoji is one character
    text_box.press("Enter")
    text_box.press_sequentially("ok")
    expect(counter).to_have_text("7 / 1200 characters")  # the line break is one too
    expect(page.locator("#id_text_live")).to_have_text("1193 characters left")

    # A wrong answer: the text stays, the error is shown and focused, a new question comes.
    page.locator("#id_answer").fill(str(int(sum_answer(page)) + 1))
    page.locator("#submit-id-send").click()
    expect(page.locator("#id_answer_error")).to_contain_text("That answer is not right.")
    expect(page.locator("#comment-errors")).to_be_focused()
    expect(text_box).to_have_value("Hi 😀\nok")
    expect(page.locator("#id_name")).to_have_value("Ayşe")
    expect(counter).to_have_text("7 / 1200 characters")
    assert not Comment.objects.exists()

    # The right answer: back at the comment form, with the review message above it.
    page.locator("#id_answer").fill(f" {sum_answer(page)} ")
    page.locator("#submit-id-send").click()
    thanks = page.locator("#comment-form .messages")
    expect(thanks).to_contain_text(REVIEW_MESSAGE)
    assert page.url == live_server.url + article.get_absolute_url("en") + "#comment-form"
    expect(thanks).to_be_in_viewport()
    expect(page.locator(".messages")).to_have_count(1)  # not also at the top of the page
    comment = Comment.objects.get()
    assert comment.text == "Hi 😀\nok"
    assert comment.status == Comment.Status.PENDING


def test_counter_counts_exactly_like_the_server(live_server, page, article):
    page.goto(live_server.url + article.get_absolute_url("en"))
    samples = [
        "",
        "plain",
        "a\r\nb",
        "a\rb\nc",
        "😀👍🏽🇹🇷",
        "e\u0301",  # e + combining accent: two code points on both sides
        "İstanbul’da çığ",
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    ]
    # And a few hundred random mixes of line breaks, Turkish letters and astral characters.
    rng = random.Random(1200)
    alphabet = ["a", " ", "\r", "\n", "\r\n", "ş", "İ", "😀", "🇹🇷", "\u200d", "𝔘", "\t"]
    samples += ["".join(rng.choices(alphabet, k=rng.randint(1, 60))) for _ in range(300)]
    counts = page.evaluate("(samples) => samples.map(window.BroadsheetComments.count)", samples)
    assert counts == [comment_length(sample) for sample in samples]


def test_pasting_over_the_limit_keeps_every_character_and_stops_the_send(
    live_server, page, article
):
    page.goto(live_server.url + article.get_absolute_url("en"))
    page.locator("#id_name").fill("Ayşe")
    text_box = page.locator("#id_text")
    pasted = "".join(f"{n % 10}" for n in range(1320)) + "🇹🇷👍🏽" * 5
    text_box.fill(pasted)
    assert text_box.input_value() == pasted  # nothing cut
    counter = page.locator("#id_text_counter")
    expect(counter).to_have_text("1330 / 1200 characters (\u2212130)")
    over = page.locator("#id_text_over")
    expect(over).to_have_text("130 characters too many: shorten your comment to send it.")
    expect(text_box).to_have_attribute("aria-invalid", "true")

    # Sending is stopped in the browser: the reader stays, with the text, in the box.
    page.locator("#id_answer").fill(sum_answer(page))
    page.locator("#submit-id-send").click()
    expect(text_box).to_be_focused()
    assert text_box.input_value() == pasted
    assert not Comment.objects.exists()

    # Deleting near the start takes away only what is deleted.
    text_box.focus()
    text_box.evaluate("box => box.setSelectionRange(140, 140)")
    for _ in range(130):
        text_box.press("Backspace")
    shortened = pasted[:10] + pasted[140:]
    assert text_box.input_value() == shortened
    expect(counter).to_have_text("1200 / 1200 characters")
    expect(over).to_be_hidden()
    page.locator("#submit-id-send").click()
    expect(page.locator("#comment-form .messages")).to_contain_text(REVIEW_MESSAGE)
    assert Comment.objects.get().text == shortened


def test_the_counter_speaks_turkish_on_turkish_pages(live_server, page, article):
    page.goto(live_server.url + article.get_absolute_url("tr"))
    expect(page.locator("#id_text_counter")).to_have_text("0 / 1200 karakter")
    page.locator("#id_text").press_sequentially("Merhaba")
    expect(page.locator("#id_text_counter")).to_have_text("7 / 1200 karakter")


def test_the_form_works_without_javascript(live_server, browser, article):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + article.get_absolute_url("tr"))
        expect(page.locator("#id_text_counter")).to_have_text("0 / 1200 karakter")
        expect(page.locator("#id_text_helptext")).to_have_text("En fazla 1200 karakter.")
        # Over the limit without a script: the server refuses it and gives back every
        # character, with the counter saying how far over.
        too_long = "ç" * 1250
        page.locator("#id_name").fill("Mehmet")
        page.locator("#id_text").fill(too_long)
        page.locator("#submit-id-send").click()  # the question comes with the errors
        expect(page.locator("#comment-errors")).to_be_visible()
        assert page.locator("#id_text").input_value() == too_long
        expect(page.locator("#id_text_counter")).to_have_text("1250 / 1200 karakter (\u221250)")
        page.locator("#id_name").fill("Mehmet")
        page.locator("#id_text").fill("JavaScript olmadan da çalışıyor.")
        page.locator("#id_answer").fill(sum_answer(page))
        page.locator("#submit-id-send").click()
        expect(page.locator(".messages")).to_contain_text(
            "Teşekkürler. Yorumunuz editör incelemesinden sonra görünecek."
        )
    finally:
        context.close()
    assert Comment.objects.get().language == "tr"


# Threads: the writer's own pending comment, replies, permalinks


def _send(page, name: str, text: str) -> None:
    page.locator("#id_name").fill(name)
    page.locator("#id_text").fill(text)
    # With JavaScript the question arrives once the reader starts (a fetch).
    with contextlib.suppress(PlaywrightTimeoutError):
        page.locator("#id_answer").wait_for(state="visible", timeout=3000)
    if not page.locator("#id_answer").is_visible():
        # Without JavaScript the question comes on a second step.
        page.locator("#submit-id-send").click()
        expect(page.locator("#comment-notice")).to_be_visible()
    page.locator("#id_answer").fill(sum_answer(page))
    page.locator("#submit-id-send").click()
    expect(page.locator("#comment-form .messages")).to_contain_text(REVIEW_MESSAGE)


def _moderate(text: str, status: str) -> None:
    from comments.services import comment_moderate
    from tests.factories import make_user

    comment = Comment.objects.get(text=text)
    comment_moderate(comment=comment, status=status, moderator=make_user())


def test_only_the_writer_sees_their_pending_comment_on_the_cached_page_until_rejected(
    live_server, browser, article
):
    url = live_server.url + article.get_absolute_url("en")
    # Without JavaScript: the cookie and the page do it all.
    writer = browser.new_context(java_script_enabled=False)
    other = browser.new_context()
    try:
        reader = other.new_page()
        reader.goto(url)  # the page is in the cache before the comment is sent
        page = writer.new_page()
        page.goto(url)
        _send(page, "Ayşe", "Waiting for the editors")
        response = page.goto(url)
        assert response.headers["x-page-cache"] == "hit"
        mine = page.locator("#own-comments")
        expect(mine.locator(".pending-badge")).to_have_text("Awaiting review")
        expect(mine.locator(".comment-text")).to_have_text("Waiting for the editors")
        expect(page.locator("#comments-title")).to_have_text("0 comments")

        # The shared page may come back as a 304 (the browser shows its own copy, with the
        # first response's headers): either way nothing of the writer's is in it.
        response = reader.reload()
        assert response.status in (200, 304)
        expect(reader.locator("#comments")).to_be_visible()
        expect(reader.get_by_text("Waiting for the editors")).to_have_count(0)
        expect(reader.locator("#own-comments")).to_have_count(0)

        _moderate("Waiting for the editors", Comment.Status.REJECTED)
        page.goto(url)
        expect(page.get_by_text("Waiting for the editors")).to_have_count(0)
        expect(page.locator("#own-comments")).to_have_count(0)
    finally:
        writer.close()
        other.close()


def test_an_approved_reply_is_shown_once_indented_under_its_comment(live_server, browser, article):
    parent = Comment.objects.create(
        article=article,
        article_public_id=article.public_id,
        name="Deniz",
        text="Which base image do you use?",
        language="en",
        status=Comment.Status.APPROVED,
        moderated_at=article.published_at,
    )
    url = live_server.url + article.get_absolute_url("en")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.locator(f"#comment-{parent.pk}").get_by_role("link", name="Reply to Deniz").click()
        expect(page.locator("#replying-to")).to_contain_text("Replying to Deniz.")
        _send(page, "Ayşe", "Alpine, mostly.")
        page.goto(url)
        expect(page.locator("#own-comments")).to_contain_text("Reply to Deniz")

        _moderate("Alpine, mostly.", Comment.Status.APPROVED)
        page.goto(url)
        reply = Comment.objects.get(text="Alpine, mostly.")
        expect(page.get_by_text("Alpine, mostly.")).to_have_count(1)  # once, not as pending
        expect(page.locator("#own-comments")).to_have_count(0)
        shown = page.locator(f"#comment-{parent.pk} .comment-replies #comment-{reply.pk}")
        expect(shown).to_contain_text("Alpine, mostly.")
        expect(page.locator("#comments-title")).to_have_text("2 comments")
        indent = shown.evaluate("e => e.getBoundingClientRect().left")
        top = page.locator(f"#comment-{parent.pk}").evaluate("e => e.getBoundingClientRect().left")
        assert indent > top + 16

        # Its time is its permalink.
        shown.locator("a.comment-permalink").click()
        assert page.url.endswith(f"#comment-{reply.pk}")
    finally:
        context.close()


def test_copy_link_puts_the_comments_address_on_the_clipboard(live_server, browser, article):
    comment = Comment.objects.create(
        article=article,
        article_public_id=article.public_id,
        name="Deniz",
        text="Worth linking to",
        language="en",
        status=Comment.Status.APPROVED,
        moderated_at=article.published_at,
    )
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        url = live_server.url.replace("127.0.0.1", "localhost") + article.get_absolute_url("en")
        page.goto(url)
        page.locator(f"#comment-{comment.pk}").get_by_role("button", name="Copy link").click()
        expect(page.locator("#comment-copy-status")).to_have_text("Link to the comment copied.")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == url + f"#comment-{comment.pk}"
    finally:
        context.close()


def test_with_javascript_the_question_arrives_when_the_reader_starts(live_server, page, article):
    """The cached page's form has no question or CSRF token; starting a comment fetches
    them, shows the question below the text and leaves the focus where it is."""
    page.goto(live_server.url + article.get_absolute_url("en"))
    expect(page.locator("#comment-check")).to_be_hidden()
    expect(page.locator("input[name=csrfmiddlewaretoken]")).to_have_count(0)
    expect(page.locator("#comment-check-later")).to_be_visible()
    page.locator("#id_name").focus()
    expect(page.locator("#comment-check")).to_be_visible()
    expect(page.locator("#comment-check-later")).to_be_hidden()
    expect(page.locator("#id_name")).to_be_focused()  # no jump
    expect(page.locator("label[for=id_answer]")).to_contain_text(re.compile(r"\d+ \+ \d+ = \?"))
    page.keyboard.type("Ayşe")
    page.locator("#id_text").fill("Sent from a page every reader shares.")
    page.locator("#id_answer").fill(sum_answer(page))
    page.locator("#submit-id-send").click()
    expect(page.locator("#comment-form .messages")).to_contain_text(REVIEW_MESSAGE)
    assert Comment.objects.get().text == "Sent from a page every reader shares."


def test_without_javascript_a_reader_comments_and_keeps_every_word(live_server, browser, article):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + article.get_absolute_url("en"))
        expect(page.locator("#comment-check-later")).to_be_visible()
        expect(page.locator("#id_answer")).to_be_hidden()
        page.locator("#id_name").fill("Mehmet")
        words = "Written without scripts.\nEvery word of it, line breaks too. 😀"
        page.locator("#id_text").fill(words)
        page.locator("#submit-id-send").click()
        # The second step: the question, with everything typed kept.
        expect(page.locator("#comment-notice")).to_contain_text("answer the sum below")
        expect(page.locator("#id_text")).to_have_value(words)
        expect(page.locator("#id_name")).to_have_value("Mehmet")
        assert not Comment.objects.exists()
        label = page.locator("label[for=id_answer]").inner_text()
        a, b = map(int, re.search(r"(\d+) \+ (\d+) = \?", label).groups())
        page.locator("#id_answer").fill(str(a + b))
        page.locator("#submit-id-send").click()
        expect(page.locator("#comment-form .messages")).to_contain_text(REVIEW_MESSAGE)
        comment = Comment.objects.get()
        assert comment.text == words
        assert comment.status == Comment.Status.PENDING
    finally:
        context.close()
