"""The comment list written in Python (comments/rendering.py) is the list the templates wrote.

The reference is ``templates/_comment_list_reference.html`` here: the list template as it
was before its threads moved to Python, still including the live
``comments/_comment.html``, so a change to either side of the copy fails here.
"""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.template import engines
from django.utils import translation

from comments import fragments, rendering
from comments.models import Comment
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "templates" / "_comment_list_reference.html"
HOSTILE_NAME = """<script>alert("Ayşe & 'co'")</script>"""
HOSTILE_TEXT = (
    """Fine & <b>bold</b> "quoted" 'single'\r\nsecond line\rthird\n\n<script>x</script>"""
)


def at(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 6, day, hour, minute, 7, 123456, tzinfo=UTC)


def comment(article, moment: datetime, **fields) -> Comment:
    made = make_comment(article=article, **fields)
    Comment.objects.filter(pk=made.pk).update(created_at=moment)
    return made


@pytest.fixture
def threaded(db):
    """53 threads (two pages), with replies, a hostile writer, the newsroom, texts in
    another language than the page, and times either side of midnight in Istanbul."""
    article = make_article()
    first = comment(
        article,
        at(1, 21, 30),  # 00:30 the next day in Istanbul
        name=HOSTILE_NAME,
        text=HOSTILE_TEXT,
        from_newsroom=False,
    )
    comment(article, at(1, 22, 0), parent=first, name="Newsroom desk", from_newsroom=True)
    comment(article, at(1, 23, 15), parent=first, name=HOSTILE_NAME, text=HOSTILE_TEXT)
    comment(article, at(2, 8, 5), name="Mehmet", text="Türkçe yorum", language="tr")
    comment(article, at(2, 9, 0), name="Mixed", text="Türkçe metin", text_language="tr")
    comment(article, at(2, 9, 1), name="Staff", from_newsroom=True, text="From us.")
    for n in range(47):
        thread = comment(
            article,
            at(3 + n % 20, n % 24, n % 60),
            name=f"Reader {n} & friend",
            text=f"Comment {n}\nwith a line break",
            language=("en", "tr")[n % 2],
        )
        if n % 3 == 0:
            comment(article, at(25, n % 24, 59), parent=thread, name=f"Replier {n}")
    comment(article, at(28, 12, 0), name="Last one", text="On the second page.")
    return article


def rendered_both_ways(article, *, closed: bool, listing: fragments.Listing) -> tuple[str, str]:
    """The list as ``_render`` writes it now, and as the reference template writes it
    from the same threads."""
    seen = {}
    original = fragments.render_to_string

    def capture(template_name, context):
        seen.update(context)
        return original(template_name, context)

    fragments.render_to_string = capture
    try:
        _count, html = fragments._render(article, closed=closed, listing=listing)
    finally:
        fragments.render_to_string = original
    here = fragments.Listing(page=seen["page"], newest_first=seen["newest"]).query()
    reference = engines["django"].from_string(REFERENCE.read_text())
    context = {key: value for key, value in seen.items() if key != "thread_items"}
    context |= {
        "page_language": translation.get_language(),
        "here": here,
        "reply_query": here.replace("?", "&") if here else "",
    }
    return html, reference.render(context)


LISTINGS = [
    fragments.Listing(),
    fragments.Listing(page=2),
    fragments.Listing(newest_first=True),
    fragments.Listing(page=2, newest_first=True),
]


@pytest.mark.parametrize("language", ["en", "tr"])
@pytest.mark.parametrize("closed", [False, True], ids=["open", "closed"])
@pytest.mark.parametrize("listing", LISTINGS, ids=["oldest", "oldest-2", "newest", "newest-2"])
def test_the_list_is_byte_for_byte_what_the_templates_wrote(threaded, language, closed, listing):
    with translation.override(language):
        html, reference = rendered_both_ways(threaded, closed=closed, listing=listing)
    assert html == reference
    # The fixture shows what it is meant to: escaped writers, replies, the badge...
    if listing.page == 1 and not listing.newest_first:
        assert "&lt;script&gt;alert(&quot;Ayşe &amp; &#x27;co&#x27;&quot;)" in html
        assert "<script>" not in html
        assert "second line<br>third<br><br>" in html
        assert 'class="comment-replies"' in html
        assert 'class="badge-newsroom"' in html
        assert ' lang="tr"' in html if language == "en" else ' lang="en"' in html
        assert ('class="comment-reply"' in html) is not closed
    # ...in the page's language, when the translations are compiled.
    assert ("Yanıtla" in html or "Bildir" in html) is (language == "tr")


@pytest.mark.parametrize("language", ["en", "tr"])
@pytest.mark.parametrize("closed", [False, True], ids=["open", "closed"])
def test_short_and_empty_lists_are_what_the_templates_wrote(db, language, closed):
    empty = make_article()
    single = make_article()
    comment(single, at(1, 10, 0), name="Only <one>")
    with translation.override(language):
        for article in (empty, single):
            html, reference = rendered_both_ways(
                article, closed=closed, listing=fragments.Listing()
            )
            assert html == reference


def test_rendering_asks_nothing_more_of_the_database(threaded, django_assert_num_queries):
    # The counts; one page of threads with their replies.
    with django_assert_num_queries(2), translation.override("en"):
        fragments._render(threaded, closed=False, listing=fragments.Listing())


def test_a_translation_that_does_not_fit_falls_back_to_english_as_blocktranslate_does():
    assert rendering._naming("%(nom)s", "to %(name)s", "Ayşe") == "to Ayşe"
