"""axe-core, run inside real Chromium, finds no accessibility violations on reader pages."""

import pytest
from django.http import HttpResponse

from articles.summaries.services import summary_record_edit
from pages.models import Page
from tests.browser.conftest import violations
from tests.factories import make_article, make_comment, make_source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = """Images are templates.

## Commands

```bash
docker build -t app .
docker run app
```

| Image | Container |
|---|---|
| template | instance |
"""


def make_footer_page() -> Page:
    return Page.objects.create(
        title_en="Privacy notice",
        title_tr="Gizlilik bildirimi",
        body_en="## Comments\n\n- **your name**\n- an [address](/en/)",
        body_tr="",  # untranslated: the notice and the English body
        status=Page.Status.PUBLISHED,
    )


def audit(page, url: str) -> list[str]:
    page.goto(url)
    return violations(page)


def test_reader_pages_have_no_accessibility_violations(axe_page, live_server, settings):
    article = make_article(
        title_en="Docker images",
        title_tr="Docker imajları",
        body_en=BODY,
        source=make_source(name="DEV Community"),
        original_url="https://dev.to/x/docker",
    )
    make_article(title_en="Only in English", title_tr="")
    summary_record_edit(article=article, language="en", text="Images are templates.")
    summary_record_edit(article=article, language="tr", text="İmajlar şablondur.")
    make_comment(article=article, text="Helpful <b>thanks</b>\nSecond line.")
    footer_page = make_footer_page()
    pages = [
        footer_page.get_absolute_url("en"),
        footer_page.get_absolute_url("tr"),
        "/en/",
        "/tr/",
        article.get_absolute_url("en"),
        article.get_absolute_url("tr"),
        article.category.get_absolute_url("tr"),
        "/en/search/?q=docker",
        "/tr/ara/?q=yok",
        "/en/no-such-page/",
    ]
    problems = {url: audit(axe_page, live_server.url + url) for url in pages}
    assert problems == {url: [] for url in pages}


def test_comment_form_with_errors_has_no_accessibility_violations(axe_page, live_server):
    article = make_article()
    axe_page.goto(live_server.url + article.get_absolute_url("en"))
    axe_page.locator("#id_text").fill("A comment without a name or an answer.")
    axe_page.locator("#comment-form-fields [type=submit]").click()
    axe_page.wait_for_selector("#comment-errors")
    assert violations(axe_page) == []


CODE_AND_TABLE = """{intro}

```python
# {comment}
import os  # a trailing comment
print(os.getcwd())
```

```bash
# {comment}
docker build -t app .
```

|   | {left} | {right} |
|:--|:------:|--------:|
| Docker | 1 | 2 |
| Podman | 3 | 4 |
"""


def test_article_with_commented_code_and_a_table_corner_has_no_violations(axe_page, live_server):
    """Pygments' comment colour and an empty top-left header cell, in both languages."""
    article = make_article(
        title_en="Containers compared",
        title_tr="Konteynerler karşılaştırıldı",
        body_en=CODE_AND_TABLE.format(
            intro="Two tools.", comment="Build the image", left="Images", right="Layers"
        ),
        body_tr=CODE_AND_TABLE.format(
            intro="İki araç.", comment="İmajı oluştur", left="İmajlar", right="Katmanlar"
        ),
    )
    pages = [article.get_absolute_url("en"), article.get_absolute_url("tr")]
    problems = {url: audit(axe_page, live_server.url + url) for url in pages}
    assert problems == {url: [] for url in pages}
    axe_page.goto(live_server.url + pages[1])
    assert axe_page.locator(".article-body .codehilite .c1").count() == 3
    assert axe_page.locator(".article-body thead td").count() == 1
    assert (
        axe_page.locator(".article-body td.align-right").first.evaluate(
            "cell => getComputedStyle(cell).textAlign"
        )
        == "right"
    )


BACKGROUND_LUMINANCE = """() => {
  const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
  const linear = c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}"""


def test_dark_mode_pages_are_dark_and_have_no_violations(dark_axe_page, axe_page, live_server):
    """Every reader page type in dark mode: really dark, every colour pair still AA."""
    article = make_article(
        title_en="Containers compared",
        title_tr="Konteynerler karşılaştırıldı",
        body_en=CODE_AND_TABLE.format(
            intro="Two tools.", comment="Build the image", left="Images", right="Layers"
        ),
        source=make_source(name="DEV Community"),
        original_url="https://dev.to/x/docker",
    )
    make_article(title_en="Only in English", title_tr="")
    summary_record_edit(article=article, language="en", text="Images are templates.")
    summary_record_edit(article=article, language="tr", text="İmajlar şablondur.")
    make_comment(article=article, text="Helpful, thanks.")
    footer_page = make_footer_page()
    pages = [
        footer_page.get_absolute_url("en"),
        footer_page.get_absolute_url("tr"),
        "/en/",
        "/tr/",
        article.get_absolute_url("en"),
        article.get_absolute_url("tr"),
        article.category.get_absolute_url("tr"),
        "/en/search/?q=docker",
        "/en/no-such-page/",
    ]
    problems, luminance = {}, {}
    for url in pages:
        problems[url] = audit(dark_axe_page, live_server.url + url)
        luminance[url] = dark_axe_page.evaluate(BACKGROUND_LUMINANCE)
    assert problems == {url: [] for url in pages}
    assert all(value < 0.02 for value in luminance.values()), luminance
    assert dark_axe_page.locator("meta[name=color-scheme]").get_attribute("content") == (
        "light dark"
    )
    # The same page for a reader in light mode stays light, and so does paper.
    axe_page.goto(live_server.url + pages[0])
    assert axe_page.evaluate(BACKGROUND_LUMINANCE) > 0.9
    dark_axe_page.emulate_media(media="print")
    assert dark_axe_page.evaluate(BACKGROUND_LUMINANCE) > 0.9
    dark_axe_page.emulate_media(media="screen")

    # The comment form with its error messages, in dark mode.
    dark_axe_page.goto(live_server.url + article.get_absolute_url("en"))
    dark_axe_page.locator("#id_text").fill("A comment without a name or an answer.")
    dark_axe_page.locator("#comment-form-fields [type=submit]").click()
    dark_axe_page.wait_for_selector("#comment-errors")
    assert violations(dark_axe_page) == []


def test_pages_with_lead_images_have_no_violations(axe_page, live_server):
    from articles.images.renditions import renditions_make
    from tests.images.conftest import with_image

    article = with_image(make_article(title_en="Docker images", title_tr="Docker imajları"))
    renditions_make(article=article)
    pages = ["/en/", "/tr/", article.get_absolute_url("en"), article.get_absolute_url("tr")]
    problems = {url: audit(axe_page, live_server.url + url) for url in pages}
    assert problems == {url: [] for url in pages}
    assert axe_page.locator("figure.lead-figure picture img").count() == 1


def test_article_with_threads_pages_and_a_pending_comment_has_no_violations(
    axe_page, live_server, settings
):
    """Replies, a Newsroom badge, a comment in another language, the reader's own
    pending comment, the pages of a long list and a reply form, in both languages."""
    from django.utils import timezone

    from comments import own
    from comments.models import Comment

    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0
    article = make_article(title_en="Docker images", title_tr="Docker imajları")
    now = timezone.now()
    Comment.objects.bulk_create(
        Comment(
            article=article,
            article_public_id=article.public_id,
            name=f"Reader {n}",
            text=f"Comment {n}",
            language="en",
            status=Comment.Status.APPROVED,
            moderated_at=now,
        )
        for n in range(55)
    )
    parent = Comment.objects.filter(article=article).order_by("pk").first()
    make_comment(article=article, parent=parent, name="Editor", from_newsroom=True)
    make_comment(article=article, parent=parent, text="Çok teşekkürler!", text_language="tr")
    pending = make_comment(article=article, status=Comment.Status.PENDING, parent=parent)
    cookie = HttpResponse()
    cookie.set_signed_cookie(own.COOKIE, str(pending.pk), salt=own.SALT)
    axe_page.context.add_cookies(
        [{"name": own.COOKIE, "value": cookie.cookies[own.COOKIE].value, "url": live_server.url}]
    )
    pages = [
        article.get_absolute_url("en"),
        article.get_absolute_url("tr") + "?comments=2&order=newest",
        article.get_absolute_url("en") + f"?reply_to={parent.pk}",
    ]
    problems = {}
    for url in pages:
        problems[url] = audit(axe_page, live_server.url + url)
        assert axe_page.locator("#own-comments").count() == 1
    assert problems == {url: [] for url in pages}
