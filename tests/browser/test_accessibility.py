"""axe-core, run inside real Chromium, finds no accessibility violations on reader pages."""

import pytest

from articles.summaries.services import summary_record_edit
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
    pages = [
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
