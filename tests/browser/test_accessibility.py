"""axe-core, run inside real Chromium, finds no accessibility violations on reader pages."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from playwright.sync_api import expect

from articles.summaries.services import summary_record_edit
from pages.models import Page
from tests.browser.conftest import violations
from tests.browser.test_back_office import log_in
from tests.browser.test_language_switch import change_url, stale_translation
from tests.factories import make_article, make_comment, make_source, make_user

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
        "/tr/ara/?q=docker",
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


def test_the_comment_form_s_question_and_second_step_have_no_violations(axe_page, live_server):
    """The question shown once the reader starts (JavaScript), and the second step of a
    reader without JavaScript, in both languages."""
    article = make_article(title_en="Docker images", title_tr="Docker imajları")
    for language in ("en", "tr"):
        axe_page.goto(live_server.url + article.get_absolute_url(language))
        axe_page.locator("#id_name").focus()
        axe_page.wait_for_selector("#comment-check:not([hidden])")
        assert violations(axe_page) == [], language
    # The second step, as a reader whose script never fetched the question gets it.
    axe_page.route("**/start/", lambda route: route.abort())
    for language in ("en", "tr"):
        axe_page.goto(live_server.url + article.get_absolute_url(language))
        axe_page.locator("#id_name").fill("Mehmet")
        axe_page.locator("#id_text").fill("Written without the question.")
        axe_page.locator("#submit-id-send").click()
        axe_page.wait_for_selector("#comment-notice")
        assert axe_page.locator("#id_answer").is_visible()
        assert violations(axe_page) == [], language


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


LONG_BODY = """Why layers matter.

## Build the image

```bash
docker build -t app .
```

### Cache the layers

Order the steps from least to most often changed.

## Run the container

```bash
docker run --rm app
```
"""


def reading_on_site():
    """An article with authors, tags, a table of contents and both reading-on lists."""
    from tests.factories import make_author, make_category, make_tag

    desk = make_category(name_en="Infrastructure", name_tr="Altyapı")
    ada = make_author(name="Ada Lovelace", slug="ada", bio_en="Wrote the first program.")
    grace = make_author(name="Grace Hopper", slug="grace", bio_en="Yes.", bio_tr="Evet.")
    docker = make_tag(name_en="Docker", name_tr="Docker", slug_en="docker", slug_tr="docker")
    article = make_article(
        category=desk, title_en="Docker layers", title_tr="Docker katmanları", body_en=LONG_BODY
    )
    article.authors.set([ada, grace])
    article.tags.set([docker])
    for n in range(2):
        make_article(category=desk, title_en=f"Same desk {n}").authors.set([ada])
    make_article(title_en="Also about Docker", title_tr="").tags.set([docker])
    return article, docker


def test_author_tag_and_reading_on_pages_have_no_violations(axe_page, live_server):
    article, docker = reading_on_site()
    pages = [
        article.get_absolute_url("en"),
        article.get_absolute_url("tr"),
        "/en/authors/ada/",
        "/tr/yazarlar/ada/",  # an English bio, labelled, on a Turkish page
        docker.get_absolute_url("en"),
        docker.get_absolute_url("tr"),
    ]
    problems = {}
    for url in pages:
        axe_page.goto(live_server.url + url)
        axe_page.wait_for_load_state("load")
        problems[url] = violations(axe_page)
    assert problems == {url: [] for url in pages}
    axe_page.goto(live_server.url + pages[0])
    assert axe_page.locator(".toc a").count() == 3
    assert axe_page.locator("#more-in-title").inner_text() == "More in Infrastructure"
    assert axe_page.locator("#related-title + ul li").count() == 1


@pytest.fixture
def clipboard_page(browser, live_server):
    # The site's own CSP applies: reading.js must load as any visitor's browser loads it.
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page
    context.close()


def test_a_code_block_is_copied_by_keyboard_and_announced(clipboard_page, live_server):
    article, _docker = reading_on_site()
    page = clipboard_page
    page.goto(live_server.url + article.get_absolute_url("en"))
    page.wait_for_selector(".copy-code")
    assert page.locator("#share-tools").is_visible()
    assert page.locator("[data-copy-link]").is_visible()
    for _press in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('copy-code')"):
            break
    else:
        raise AssertionError("Tab never reached a code block's Copy button")
    button = page.locator(".copy-code").first
    box = button.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    assert button.evaluate("b => getComputedStyle(b).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(page.locator("#reading-status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == "docker build -t app ."
    # The share link is copied the same way, and said so.
    page.locator("[data-copy-link]").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#reading-status")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()").endswith(article.get_absolute_url("en"))


def test_without_javascript_the_article_page_offers_no_dead_buttons(browser, live_server):
    article, _docker = reading_on_site()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + article.get_absolute_url("en"))
    assert not page.locator("#share-tools").is_visible()
    assert page.locator(".copy-code").count() == 0
    assert page.locator(f'a[href="/a/{article.public_id}/"]').is_visible()
    assert page.locator(".toc a").count() == 3
    context.close()


def test_share_appears_only_where_the_browser_can_share(browser, live_server):
    article, _docker = reading_on_site()
    url = live_server.url + article.get_absolute_url("en")
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    if page.evaluate("typeof navigator.share") != "function":  # Linux Chromium has none
        assert page.locator("[data-share]").is_hidden()
    # A browser with the Web Share API (stubbed before the page's scripts run).
    page.add_init_script(
        "navigator.share = function (data) { window.sharedWith = data; return Promise.resolve(); };"
    )
    page.goto(url)
    share = page.locator("[data-share]")
    expect(share).to_be_visible()
    share.focus()
    page.keyboard.press("Enter")
    shared = page.evaluate("window.sharedWith")
    assert shared["url"].endswith(article.get_absolute_url("en"))
    assert "Docker layers" in shared["title"]
    context.close()


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


def test_the_translators_desk_has_no_violations(axe_page, live_server, roles):
    """The desk's list (filters, search, pages) and edit page, with a refusal, both languages."""
    from catalogues import files
    from tests.factories import make_user

    make_user(groups=["Translators"], username="tercuman")
    page = axe_page
    page.goto(f"{live_server.url}/en/admin/login/")
    page.locator("#id_username").fill("tercuman")
    page.locator("#id_password").fill("correct horse battery staple")
    page.locator("#login-form [type=submit]").click()
    page.wait_for_selector("#content-main")
    desk = "/admin/catalogues/messagetranslation/"
    plural = files.message_hash("", "%(count)d article published.")
    footer = files.message_hash(
        "", "%(name)s republishes and writes technology news for readers in English and Turkish."
    )
    problems = {}
    for language in ("en", "tr"):
        for url in (
            f"/{language}{desk}",
            f"/{language}{desk}?q=yorum&state=translated",
            f"/{language}{desk}?domain=djangojs",
            f"/{language}{desk}tr/django/{plural}/",
        ):
            page.goto(live_server.url + url)
            problems[url] = violations(page)
        page.goto(f"{live_server.url}/{language}{desk}tr/django/{footer}/")
        page.locator("#id_form_0").fill(" <b>Broadsheet</b>")
        page.locator("[name=_save]").click()
        page.wait_for_selector("#desk-errornote")
        problems[f"{language} refused"] = violations(page)
    assert problems == {key: [] for key in problems}


# The back office: the article form with its language switch and "what changed" panel.

# SCREENSHOT_DIR=/tmp/shots keeps a picture of each form audited (390 and 1280 px).
SCREENSHOTS = Path(os.environ["SCREENSHOT_DIR"]) if os.environ.get("SCREENSHOT_DIR") else None


def editor_form_violations(page) -> list[str]:
    """axe on the editor's form, Django's autocomplete boxes (select2) included: they carry
    their field's name (admin-extra/select2_labels.js). Not with a box open: select2's own
    listbox misses ARIA attributes there (aria-required-attr), a known gap."""
    return violations(page)


def test_the_article_form_with_the_language_switch_and_what_changed_has_no_violations(
    axe_page, live_server, roles
):
    page = axe_page
    make_user(groups=["Editors"], username="eda")
    article = stale_translation()
    log_in(page, live_server, "eda")
    for language in ("en", "tr"):
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(change_url(live_server, article, language))
            page.locator("[role=tab]").last.click()
            assert editor_form_violations(page) == [], (language, width)
            if SCREENSHOTS:
                page.screenshot(
                    path=str(SCREENSHOTS / f"article-form-{language}-{width}.png"), full_page=True
                )


def test_the_republishing_desk_has_no_violations(axe_page, live_server, roles):
    """The imports list (queued, done, failed), the import form, the feed entries with
    "Import selected" and the feed checks, in both languages."""
    from republishing.models import FeedCheck, FeedEntry, ImportRequest, Status
    from tests.factories import make_article, make_category, make_source, make_user

    editor = make_user(groups=["Editors"], username="editor-desk")
    source = make_source(name="DEV Community", feed_url="https://dev.to/feed/ayse")
    category = make_category()
    draft = make_article(source=source, original_url="https://dev.to/ayse/docker")
    for status, article, code in (
        (Status.QUEUED, None, ""),
        (Status.DONE, draft, ""),
        (Status.FAILED, None, "hostile"),
    ):
        ImportRequest.objects.create(
            url=f"https://dev.to/ayse/{status}", source=source, category=category,
            requested_by=editor, status=status, article=article, problem_code=code,
            problem_detail="script" if code else "",
        )  # fmt: skip
    FeedEntry.objects.create(source=source, url="https://dev.to/ayse/k8s", title="Kubernetes")
    FeedCheck.objects.create(source=source, status=Status.DONE, new_entries=1)
    page = axe_page
    page.goto(f"{live_server.url}/en/admin/login/")
    page.locator("#id_username").fill("editor-desk")
    page.locator("#id_password").fill("correct horse battery staple")
    page.locator("#login-form [type=submit]").click()
    page.wait_for_selector("#content-main")
    problems = {}
    for language in ("en", "tr"):
        for url in (
            f"/{language}/admin/republishing/importrequest/",
            f"/{language}/admin/republishing/importrequest/add/",
            f"/{language}/admin/republishing/feedentry/",
            f"/{language}/admin/republishing/feedcheck/",
            f"/{language}/admin/articles/source/",
        ):
            page.goto(live_server.url + url)
            problems[url] = violations(page)
            if SCREENSHOTS:
                for width in (390, 1280):
                    page.set_viewport_size({"width": width, "height": 900})
                    name = url.strip("/").replace("/", "-")
                    page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
    assert problems == {key: [] for key in problems}


def test_the_upkeep_table_on_the_admin_front_page_has_no_violations(axe_page, live_server):
    """The operators' table of upkeep jobs (last run, outcome, next run), both languages."""
    from operations import upkeep

    upkeep.run_due()
    make_user(is_superuser=True, username="opsboss")
    page = axe_page
    log_in(page, live_server, "opsboss")
    problems = {}
    for language in ("en", "tr"):
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{live_server.url}/{language}/admin/")
            assert page.locator("#upkeep-schedule tbody tr").count() >= 4
            problems[(language, width)] = violations(page)
            if SCREENSHOTS:
                page.screenshot(
                    path=str(SCREENSHOTS / f"upkeep-{language}-{width}.png"), full_page=True
                )
    assert problems == {key: [] for key in problems}


def test_the_500_page_with_its_request_id_has_no_violations(axe_page, live_server):
    from django.template import loader

    html = loader.get_template("500.html").render({"request_id": "3f2a9c1e5b7d4e0f8a6b2c4d"})
    page = axe_page
    page.goto(f"{live_server.url}/healthz")  # the site's origin, for its stylesheet
    problems = {}
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.set_content(html)
        assert page.locator("code.request-id").count() == len(settings.LANGUAGES)
        problems[width] = violations(page)
    assert problems == {1280: [], 390: []}
