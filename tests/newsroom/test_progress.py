"""The translators' progress page: per language, what is translated and what waits."""

import html
import re

import pytest
from django.utils import timezone

from articles.models import Article, MachineTranslation
from articles.services import translation_mark_current
from catalogues import files
from catalogues.services import translation_save
from tests.catalogues.conftest import edit_po
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

TABLE = re.compile(r"<caption>([^<]+)</caption>(.*?)</table>", re.S)
ROW = re.compile(
    r'<th scope="row">([^<]+)</th>\s*<td class="progress-count">\s*<a href="([^"]+)">([^<]+)</a>'
)


def sections(client) -> dict[str, dict[str, dict[str, tuple[str, str]]]]:
    """Each language's tables as the page shows them: caption → label → (number, link)."""
    response = client.get("/en/admin/progress/")
    assert response.status_code == 200
    page = response.content.decode()
    found = {}
    for match in re.finditer(r'<h2 id="progress-(\w+)">', page):
        section = page[match.end() : page.find("</section>", match.end())]
        found[match.group(1)] = {
            html.unescape(caption): {
                label: (number, html.unescape(url)) for label, url, number in ROW.findall(table)
            }
            for caption, table in TABLE.findall(section)
        }
    return found


def listed(client, url: str) -> list[str]:
    return sorted(article.title_en for article in client.get(url).context["cl"].result_list)


def test_each_language_counts_its_articles_and_links_to_exactly_those(client, editor):
    untranslated = make_article(title_en="Untranslated")
    for field, status in [("title", "ready"), ("body", "ready"), ("standfirst", "failed")]:
        MachineTranslation.objects.create(
            article=untranslated,
            language="tr",
            field=field,
            status=status,
            text="taslak" if status == "ready" else "",
            finished_at=timezone.now(),
        )
    translated = make_article(title_en="Done", title_tr="Bitti", standfirst_tr="S", body_tr="M")
    make_article(title_en="Archived", status=Article.Status.ARCHIVED)
    # The original changes after the translation: out of date.
    translated.body_en = translated.body_en + "\n\nA new paragraph."
    translated.save()
    fresh = make_article(title_en="Fresh", title_tr="Taze", standfirst_tr="S", body_tr="M")
    translation_mark_current(article=fresh, language="tr", user=editor)
    client.force_login(editor)

    turkish = sections(client)["tr"]["Articles from other languages"]
    assert turkish["Translated"][0] == "2 of 3 articles"
    assert turkish["Missing a translation"][0] == "1"
    assert turkish["Out of date"][0] == "1"
    assert listed(client, turkish["Translated"][1]) == ["Done", "Fresh"]
    assert listed(client, turkish["Missing a translation"][1]) == ["Untranslated"]
    assert listed(client, turkish["Out of date"][1]) == ["Done"]
    # Two drafts waiting (the failed one is not), both of one article.
    assert turkish["Machine drafts waiting for review"][0] == "1"
    assert listed(client, turkish["Machine drafts waiting for review"][1]) == ["Untranslated"]
    # Every article here was written in English: nothing to translate into it.
    english = client.get("/en/admin/progress/").content.decode()
    assert "Every article was written in English: nothing to translate." in english


def test_the_page_costs_a_fixed_number_of_queries(
    client, editor, settings, django_assert_num_queries
):
    client.force_login(editor)
    client.get("/en/admin/progress/")
    for index in range(5):
        make_article(title_en=f"Article {index}")
    # Session, user, the user's two permission queries and the machine drafts; two per
    # language for its articles, and one per catalogue for the desk's edits.
    catalogues = len(files.languages()) * len(files.DOMAINS)
    with django_assert_num_queries(5 + 2 * len(settings.LANGUAGES) + catalogues):
        assert client.get("/en/admin/progress/").status_code == 200


def test_readers_and_staff_without_articles_cannot_see_it(client):
    client.force_login(make_user(is_staff=False))
    assert client.get("/en/admin/progress/").status_code == 302  # to the admin's sign-in
    staff = make_user()
    client.force_login(staff)
    assert client.get("/en/admin/progress/").status_code == 403


def test_interface_strings_per_catalogue_with_the_desks_edits(client, translator, locale_copy):
    """A translator's desk edit moves one message from untranslated to "changed"."""

    def untranslate(entry):
        if entry.msgid in ("Newsroom", "Back office"):
            entry.msgstr = ""

    edit_po(locale_copy / "tr" / "LC_MESSAGES" / "django.po", untranslate)
    catalogue = files.read("tr", "django")
    message = next(m for m in catalogue.messages if m.msgid == "Newsroom")
    translation_save(catalogue=catalogue, message=message, forms=["Haber merkezi"], user=translator)
    client.force_login(translator)

    turkish = sections(client)["tr"]["Interface strings: Pages and e-mails (django)"]
    total = len(catalogue.messages)
    assert turkish["Translated"][0] == f"{total - 2} of {total} strings"
    assert turkish["Untranslated"][0] == "1"
    assert turkish["Changed on the desk, not yet in the repository"][0] == "1"
    assert turkish["Fuzzy (readers get the original)"][0] == "0"
    desk = client.get(turkish["Untranslated"][1]).content.decode()
    assert "Back office" in desk and "Newsroom" not in desk.split("<tbody")[-1]
