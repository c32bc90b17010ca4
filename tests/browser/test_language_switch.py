"""One language switch for the whole article form, and what changed since a translation."""

import pytest
from playwright.sync_api import Page, expect

from articles.models import Article
from core.languages import LANGUAGE_CODES
from tests.browser.conftest import violations
from tests.browser.test_back_office import log_in
from tests.factories import make_article, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = """Docker images are templates.

Containers are running instances.

```bash
docker build -t app .
```

Volumes keep data."""

TRANSLATED = ("title", "standfirst", "body", "lead_image_alt")


def change_url(live_server, article, language="en") -> str:
    return f"{live_server.url}/{language}/admin/articles/article/{article.pk}/change/"


def shown(page: Page, language: str):
    for field in TRANSLATED:
        expect(page.locator(f"#id_{field}_{language}")).to_be_visible()


def hidden(page: Page, language: str):
    for field in TRANSLATED:
        expect(page.locator(f"#id_{field}_{language}")).to_be_hidden()


def test_one_click_switches_every_translated_field(page: Page, live_server, roles):
    make_user(groups=["Editors"], username="eda")
    article = make_article(
        title_en="Docker basics", title_tr="Docker temelleri", standfirst_tr="Özet.", body_tr=""
    )
    log_in(page, live_server, "eda")
    page.goto(change_url(live_server, article))

    tablist = page.get_by_role("tablist", name="Language of the translated fields")
    # One tab per language the site has (two, or three in the CI run with German).
    expect(tablist.get_by_role("tab")).to_have_count(len(LANGUAGE_CODES))
    english = tablist.get_by_role("tab", name="English")
    turkish = tablist.get_by_role("tab", name="Turkish")
    # The empty Turkish body is on the tab, in words.
    expect(turkish).to_contain_text("missing: body")
    expect(english).to_contain_text("original")
    # One switch for the form: the per-field strips of modeltranslation are gone.
    expect(page.locator(".ui-tabs, #modeltranslation-main-switch")).to_have_count(0)

    expect(english).to_have_attribute("aria-selected", "true")
    shown(page, "en")
    hidden(page, "tr")
    turkish.click()
    expect(turkish).to_have_attribute("aria-selected", "true")
    expect(english).to_have_attribute("aria-selected", "false")
    shown(page, "tr")
    hidden(page, "en")
    # Fields that are not translations stay where they are.
    expect(page.locator("#id_status")).to_be_visible()

    # Keyboard: the arrows move between tabs and switch, Home and End go to the ends.
    last, last_code = tablist.get_by_role("tab").last, LANGUAGE_CODES[-1]
    last.focus()
    page.keyboard.press("ArrowRight")  # wraps round to English
    expect(english).to_be_focused()
    expect(english).to_have_attribute("aria-selected", "true")
    shown(page, "en")
    page.keyboard.press("End")
    expect(last).to_be_focused()
    shown(page, last_code)
    page.keyboard.press("Home")
    expect(english).to_be_focused()
    hidden(page, last_code)
    # The tab keeps telling the truth while the body is written.
    turkish.click()
    page.locator("#id_body_tr").fill("Docker imajları şablondur.")
    expect(turkish).to_contain_text("filled, not saved yet")
    expect(turkish).not_to_contain_text("missing")
    page.locator("#id_body_tr").fill("")
    expect(turkish).to_contain_text("missing: body")
    english.click()
    # Only the selected tab is in the tab order.
    expect(english).to_have_attribute("tabindex", "0")
    expect(turkish).to_have_attribute("tabindex", "-1")
    # The target is large enough to hit.
    box = turkish.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24


def test_an_error_in_a_turkish_field_marks_and_opens_the_turkish_tab(
    page: Page, live_server, roles
):
    make_user(groups=["Editors"], username="eda")
    make_article(title_en="Taken", slug_tr="alinmis")
    article = make_article(title_en="Docker basics", title_tr="Docker temelleri")
    log_in(page, live_server, "eda")
    page.goto(change_url(live_server, article))
    tablist = page.get_by_role("tablist")
    tablist.get_by_role("tab", name="Turkish").click()
    page.locator("#id_slug_tr").fill("alinmis")
    tablist.get_by_role("tab", name="English").click()  # switched away before saving
    page.get_by_role("button", name="Save and continue editing").click()

    expect(page.locator(".errornote")).to_be_visible()
    turkish = page.get_by_role("tablist").get_by_role("tab", name="Turkish")
    expect(turkish).to_have_class("form-language-tab tab-has-errors")
    expect(turkish).to_contain_text("has errors")
    expect(turkish).to_have_attribute("aria-selected", "true")
    expect(page.locator("#id_slug_tr")).to_be_visible()
    expect(page.locator(".field-slug_tr .errorlist")).to_be_visible()
    english = page.get_by_role("tablist").get_by_role("tab", name="English")
    expect(english).not_to_contain_text("has errors")
    assert Article.objects.get(pk=article.pk).slug_tr != "alinmis"


def stale_translation():
    article = make_article(
        title_en="Docker basics",
        standfirst_en="What images and containers are.",
        body_en=BODY,
        title_tr="Docker temelleri",
        standfirst_tr="İmajlar ve konteynerler nedir.",
        body_tr="Docker imajları şablondur.",
    )
    article.title_en = "Docker basics, explained"
    article.body_en = BODY.replace("Volumes keep data.", "Volumes keep data <b>safe</b>.").replace(
        "Containers are running instances.",
        "Containers are running instances.\n\nA registry stores images.",
    )
    article.save()
    return article


def test_a_translator_sees_what_changed_next_to_the_turkish_fields(
    axe_page: Page, live_server, roles
):
    page = axe_page
    make_user(groups=["Translators"], username="tarik")
    article = stale_translation()
    log_in(page, live_server, "tarik")
    page.goto(change_url(live_server, article))
    turkish = page.get_by_role("tablist").get_by_role("tab", name="Turkish")
    expect(turkish).to_contain_text("out of date")

    panel = page.get_by_role(
        "region", name="What changed in the original since the Turkish translation"
    )
    # A translator cannot edit the English original: the form opens on Turkish, with
    # what changed above the Turkish fields; the panel switches with them.
    expect(turkish).to_have_attribute("aria-selected", "true")
    expect(panel).to_be_visible()
    expect(page.locator("#id_title_tr")).to_be_visible()
    page.get_by_role("tablist").get_by_role("tab", name="English").click()
    expect(panel).to_be_hidden()
    expect(page.locator(".field-title_en .readonly")).to_be_visible()  # read-only original
    expect(page.locator("#id_title_tr")).to_be_hidden()
    turkish.click()
    expect(panel).to_be_visible()
    expect(panel.locator(".diff-changed")).to_have_count(2)  # the title and one paragraph
    expect(panel.locator(".diff-added")).to_have_count(1)
    expect(panel.locator("ins", has_text="safe")).to_be_visible()
    expect(panel.locator("ins", has_text="<b>safe</b>")).to_have_count(1)  # text, not markup
    expect(panel.locator("b")).to_have_count(0)
    expect(panel.get_by_text("2 unchanged paragraphs")).to_be_visible()

    # Side by side on a desk, one above the other on a phone.
    row = panel.locator(".diff-changed").last
    then, now = row.locator(".diff-cell").all()
    assert then.bounding_box()["y"] == now.bounding_box()["y"]
    assert then.bounding_box()["x"] < now.bounding_box()["x"]
    assert violations(page) == []

    page.set_viewport_size({"width": 390, "height": 844})
    then, now = row.locator(".diff-cell").all()
    assert then.bounding_box()["y"] < now.bounding_box()["y"]
    expect(row.get_by_text("Then, when translated")).to_be_visible()
    assert violations(page) == []


def test_without_javascript_every_field_shows_with_its_language(browser, live_server, roles):
    make_user(groups=["Editors"], username="eda")
    article = stale_translation()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server, "eda")
    page.goto(change_url(live_server, article))
    expect(page.get_by_role("tablist")).to_have_count(0)
    for language in ("en", "tr"):
        shown(page, language)
    expect(page.get_by_label("Title [tr]")).to_have_value("Docker temelleri")
    expect(page.get_by_label("Title [en]")).to_have_value("Docker basics, explained")
    expect(page.locator(".translation-changes")).to_be_visible()
    context.close()
