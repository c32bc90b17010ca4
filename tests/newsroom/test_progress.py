"""The translators' progress page: per language, what is translated and what waits."""

import html
import re

import pytest
from django.utils import timezone

from articles.models import Article, MachineTranslation
from articles.services import translation_mark_current
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

ROW = re.compile(
    r'<th scope="row">([^<]+)</th>\s*<td class="progress-count">\s*<a href="([^"]+)">([^<]+)</a>'
)


def sections(client) -> dict[str, dict[str, tuple[str, str]]]:
    """Each language's rows as the page shows them: label → (number, link)."""
    response = client.get("/en/admin/progress/")
    assert response.status_code == 200
    page = response.content.decode()
    found = {}
    for match in re.finditer(r'<h2 id="progress-(\w+)">', page):
        code = match.group(1)
        end = page.find("</section>", match.end())
        found[code] = {
            label: (number, html.unescape(url))
            for label, url, number in ROW.findall(page[match.end() : end])
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

    turkish = sections(client)["tr"]
    assert turkish["Translated"][0] == "2 of 3"
    assert turkish["Missing a translation"][0] == "1"
    assert turkish["Out of date"][0] == "1"
    assert listed(client, turkish["Translated"][1]) == ["Done", "Fresh"]
    assert listed(client, turkish["Missing a translation"][1]) == ["Untranslated"]
    assert listed(client, turkish["Out of date"][1]) == ["Done"]
    # Two drafts waiting (the failed one is not), both of one article.
    assert turkish["Machine drafts waiting for review"][0] == "1"
    assert listed(client, turkish["Machine drafts waiting for review"][1]) == ["Untranslated"]
    # Every article here was written in English: nothing to translate into it.
    assert sections(client)["en"]["Translated"][0] == "0 of 0"


def test_the_page_costs_a_fixed_number_of_queries(
    client, editor, settings, django_assert_num_queries
):
    client.force_login(editor)
    client.get("/en/admin/progress/")
    for index in range(5):
        make_article(title_en=f"Article {index}")
    # Session, user, the user's two permission queries and the machine drafts, then two
    # per language.
    with django_assert_num_queries(5 + 2 * len(settings.LANGUAGES)):
        assert client.get("/en/admin/progress/").status_code == 200


def test_readers_and_staff_without_articles_cannot_see_it(client):
    client.force_login(make_user(is_staff=False))
    assert client.get("/en/admin/progress/").status_code == 302  # to the admin's sign-in
    staff = make_user()
    client.force_login(staff)
    assert client.get("/en/admin/progress/").status_code == 403
