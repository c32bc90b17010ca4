"""Journeys of machine-translation drafts: nothing reaches readers until accepted.

The journeys' site runs the offline default backend (the summaries' journeys rely on
it), which cannot translate: asking for a draft is refused plainly and changes no
page. A draft as the worker stores it (``MachineTranslation``, ready for review) is
made inside the site; accepting its title on server A puts it on server B's cached
Turkish page, and discarding the body leaves the page as it was.
"""

import re

from .checks import Expect, expect_unchanged, prime_article, snapshot
from .reader import LANGUAGES, article_path

ARTICLE = "articles.article"

SEED_DRAFTS = """
from django.apps import apps
from django.utils import timezone

Article = apps.get_model("articles", "Article")
MachineTranslation = apps.get_model("articles", "MachineTranslation")
article = Article.objects.get(public_id=VARIABLES["public_id"])
for field, text in VARIABLES["drafts"].items():
    MachineTranslation.objects.create(
        article=article, language="tr", field=field, status="ready", text=text,
        source_text=getattr(article, f"{field}_en"), backend="openai-compatible",
        model_name="journey-model", finished_at=timezone.now(),
    )
emit(True)
"""


def change_form(journeys, article):
    page = journeys.newsroom.page(ARTICLE, f"{article['pk']}/change/")
    return page, page.form(method="post", id="article_form")


def messages(page) -> str:
    return " ".join(re.findall(r'<ul class="messagelist">.*?</ul>', page.text, re.S))


def test_asking_for_a_machine_draft_or_discarding_one_changes_no_page(journeys):
    article = journeys.take("published")
    reader = journeys.reader()
    before = snapshot(reader, [article_path(article, code) for code in LANGUAGES])
    _page, form = change_form(journeys, article)
    pressed = journeys.newsroom.http.submit(form, button="language=tr", follow=False)
    assert pressed.status == 302, pressed.status
    done = journeys.newsroom.http.get(pressed.header("Location"))
    expect = Expect("Draft a translation with AI, then Discard")
    expect.check("cannot translate" in messages(done), "no plain 'cannot translate' message")
    journeys.site.shell(
        SEED_DRAFTS,
        public_id=article["public_id"],
        drafts={"body": "Makine taslağı: okurlar bunu görmemeli."},
    )
    page, form = change_form(journeys, article)
    expect.check("Machine translation, needs review" in page.text, "the draft is not shown")
    expect_unchanged(expect, reader, before)  # a waiting draft shows readers nothing
    pressed = journeys.newsroom.http.submit(form, button="decision=discard", follow=False)
    done = journeys.newsroom.http.get(pressed.header("Location"))
    expect.check("was discarded" in messages(done), f"not discarded: {messages(done)}")
    expect_unchanged(expect, reader, before)
    expect.verify()


def test_accepting_a_machine_draft_puts_that_field_on_the_page(journeys):
    article = journeys.take("published")
    reader = journeys.reader()
    prime_article(reader, article)
    title = f"Makine çevirisi başlık {article['word']}"
    body = f"Makine çevirisi gövde {article['word']}."
    journeys.site.shell(
        SEED_DRAFTS, public_id=article["public_id"], drafts={"title": title, "body": body}
    )
    expect = Expect("accept the machine draft of the title")
    turkish = reader.article(article, "tr")
    expect.check(title not in turkish.html, "[tr] a waiting draft reached readers")
    _page, form = change_form(journeys, article)
    pressed = journeys.newsroom.http.submit(form, button="decision=accept", follow=False)
    assert pressed.status == 302, pressed.status
    done = journeys.newsroom.http.get(pressed.header("Location"))
    expect.check("readers see it now" in messages(done), f"not accepted: {messages(done)}")
    turkish = reader.article(article, "tr")
    expect.check(title in turkish.title, f"[tr] title is {turkish.title!r}, not the accepted one")
    expect.check(body not in turkish.html, "[tr] the body draft, not accepted, reached readers")
    english = reader.article(article, "en")
    expect.check(title not in english.html, "[en] the Turkish draft reached the English page")
    expect.verify()
