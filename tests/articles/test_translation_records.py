import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import TranslationRecord
from articles.services import translation_mark_current
from tests.articles.admin_helpers import change_url
from tests.factories import make_article
from tests.languages import OTHER_LANGUAGES

pytestmark = pytest.mark.django_db


def record(article, language="tr") -> TranslationRecord:
    return TranslationRecord.objects.get(article=article, language=language)


def test_a_new_translation_records_the_version_it_was_made_from():
    article = make_article(title_tr="Docker imajları")
    assert record(article).is_current
    assert not TranslationRecord.objects.filter(article=article, language="en").exists()


def test_changing_the_original_marks_the_translation_out_of_date():
    article = make_article(title_tr="Docker imajları")
    article.body_en = "A rewritten body."
    article.save()
    assert not record(article).is_current
    assert list(TranslationRecord.objects.out_of_date()) == [record(article)]


def test_editing_only_the_translation_does_not_touch_its_state():
    article = make_article(title_tr="Docker imajları")
    article.body_en = "Changed original."
    article.save()
    article.body_tr = "Değişen çeviri."
    article.save()
    assert not record(article).is_current


def test_a_translator_marks_it_current_explicitly():
    article = make_article(title_tr="Docker imajları")
    article.standfirst_en = "New standfirst."
    article.save()
    translator = get_user_model().objects.create_user("ceviri", password="x")
    translation_mark_current(article=article, language="tr", user=translator)
    assert record(article).is_current
    assert record(article).marked_current_by == translator


def test_marking_the_original_or_a_missing_translation_is_refused():
    article = make_article(title_tr="")
    with pytest.raises(ValidationError):
        translation_mark_current(article=article, language="en", user=None)
    with pytest.raises(ValidationError):
        translation_mark_current(article=article, language="tr", user=None)


def test_admin_lists_out_of_date_translations_for_translators(admin_client):
    stale = make_article(title_en="Stale one", title_tr="Eski", standfirst_tr="S", body_tr="M")
    make_article(title_en="Fresh one", title_tr="Taze", standfirst_tr="S", body_tr="M")
    stale.body_en = "Changed."
    stale.save()
    response = admin_client.get("/en/admin/articles/article/", {"translation": "tr_stale"})
    html = response.content.decode()
    assert "Stale one" in html and "Fresh one" not in html
    assert "TR out of date" in html
    response = admin_client.post(
        "/en/admin/articles/article/",
        {"action": "mark_translations_current", "_selected_action": [stale.pk]},
        follow=True,
    )
    assert "1 translation marked as up to date." in response.content.decode()
    assert record(stale).is_current


# What changed since the translation -------------------------------------------------

ORIGINAL_BODY = """Docker images are templates.

Containers are running instances.

Volumes keep data.

Build with `docker build`."""


def stale_turkish(**fields):
    """An article translated into Turkish whose original body then changed in one place."""
    article = make_article(
        title_en="Docker basics",
        body_en=ORIGINAL_BODY,
        title_tr="Docker temelleri",
        standfirst_tr="Özet.",
        body_tr="Çeviri.",
        **fields,
    )
    article.body_en = ORIGINAL_BODY.replace("Volumes keep data.", "Volumes keep data safe.")
    article.save()
    return article


def test_the_record_keeps_the_original_as_it_was_translated():
    article = stale_turkish()
    kept = record(article)
    assert kept.has_snapshot
    assert kept.original_title == "Docker basics"
    assert kept.original_body == ORIGINAL_BODY  # not the edited body
    assert kept.original_standfirst == article.standfirst_en


def test_marking_current_keeps_the_original_as_it_is_now():
    article = stale_turkish()
    translation_mark_current(article=article, language="tr", user=None)
    assert record(article).original_body == article.body_en
    assert "Volumes keep data safe." in record(article).original_body


def test_an_out_of_date_translation_shows_the_paragraph_that_changed(client, translator):
    article = stale_turkish()
    client.force_login(translator)
    html = client.get(change_url(article)).content.decode()
    assert "What changed in the original since the Turkish translation" in html
    panel = html[html.index('class="translation-changes"') :]
    panel = panel[: panel.index("</section>")]
    assert 'data-form-language="tr"' in html
    # The changed paragraph, then and now, only the added word marked.
    assert "Volumes keep data" in panel
    assert ' <ins><span class="visually-hidden">[added: </span>safe' in panel
    # The unchanged paragraphs are collapsed, not repeated as changes.
    assert "2 unchanged paragraphs" in panel and "1 unchanged paragraph<" in panel
    assert panel.count('class="diff-row diff-changed"') == 1
    assert "Containers are running instances." in panel  # inside the collapsed run


def test_the_original_is_escaped_in_the_comparison(admin_client):
    article = make_article(title_tr="Başlık", body_en="Intro.")
    article.body_en = "Intro.\n\n<script>alert(1)</script>"
    article.save()
    html = admin_client.get(change_url(article)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_a_record_from_before_snapshots_says_so(admin_client):
    article = stale_turkish()
    TranslationRecord.objects.filter(article=article).update(
        original_title=None, original_standfirst=None, original_body=None
    )
    html = admin_client.get(change_url(article)).content.decode()
    assert "The original as it was then was not kept; this translation predates snapshots." in html
    assert "diff-row" not in html


def test_a_current_translation_shows_no_comparison(admin_client):
    article = make_article(title_tr="Başlık")
    html = admin_client.get(change_url(article)).content.decode()
    assert "translation-changes" not in html


def test_the_comparison_is_in_turkish_under_tr(admin_client):
    article = stale_turkish()
    html = admin_client.get(change_url(article).replace("/en/", "/tr/", 1)).content.decode()
    assert "Türkçe çeviriden bu yana özgün metinde neler değişti" in html
    assert "2 değişmeyen paragraf" in html


# The language tabs' states ----------------------------------------------------------


def form_languages(client, article) -> dict:
    response = client.get(change_url(article))
    return {state["code"]: state for state in response.context["form_languages"]["languages"]}


def test_each_language_tab_states_how_complete_it_is(admin_client):
    empty_body = make_article(title_tr="Başlık", standfirst_tr="Özet.", body_tr="")
    states = form_languages(admin_client, empty_body)
    assert states["en"]["state"] == "original"
    assert states["tr"]["state"] == "missing"
    assert states["tr"]["label"] == "missing: body"
    done = make_article(title_tr="Başlık", standfirst_tr="Özet.", body_tr="Gövde.")
    assert form_languages(admin_client, done)["tr"]["label"] == "filled"
    stale = stale_turkish()
    assert form_languages(admin_client, stale)["tr"]["label"] == "out of date"
    assert form_languages(admin_client, stale)["tr"]["notes"] == []


def test_a_waiting_machine_draft_shows_on_its_tab(admin_client):
    from articles.models import MachineTranslation

    article = make_article(title_tr="Başlık", standfirst_tr="Özet.", body_tr="Gövde.")
    draft = MachineTranslation.objects.create(
        article=article, language="tr", field="body", status="failed", problem="timeout"
    )
    assert form_languages(admin_client, article)["tr"]["notes"] == []
    MachineTranslation.objects.filter(pk=draft.pk).update(status="ready", text="Taslak.")
    states = form_languages(admin_client, article)
    assert states["tr"]["notes"] == ["machine draft waiting"]
    assert states["en"]["notes"] == []
    MachineTranslation.objects.filter(pk=draft.pk).update(
        status="accepted", reviewed_at=timezone.now()
    )
    assert form_languages(admin_client, article)["tr"]["notes"] == []


def test_the_form_carries_its_languages_for_the_switch(admin_client):
    article = make_article(title_tr="")
    html = admin_client.get(change_url(article)).content.decode()
    assert '<script id="form-languages" type="application/json">' in html
    assert "/static/admin-extra/language_switch.js" in html
    assert "tabbed_translation_fields.js" not in html and "jquery-ui" not in html
    fields = admin_client.get(change_url(article)).context["form_languages"]["fields"]
    assert {"title_tr", "body_tr", "lead_image_alt_tr"} <= set(fields["tr"])


def test_a_translator_marks_it_current_from_the_form_and_the_comparison_starts_again(
    client, translator
):
    article = stale_turkish()
    client.force_login(translator)
    response = client.post(
        change_url(article),
        {"CHANGE_FORM-action": "mark_translations_current", "_selected_action": article.pk},
    )
    assert response.status_code == 302
    assert record(article).original_body == article.body_en
    assert "translation-changes" not in client.get(change_url(article)).content.decode()
    # The next change of the original is compared with what the translator vouched for.
    article.body_en = article.body_en.replace("Containers", "Running containers")
    article.save()
    html = client.get(change_url(article)).content.decode()
    assert "Volumes keep data safe." in html  # now unchanged, collapsed
    assert html.count('class="diff-row diff-changed"') == 1
    assert '<ins><span class="visually-hidden">[added: </span>Running' in html


def test_category_tabs_say_which_translation_is_missing(admin_client):
    from tests.factories import make_category

    category = make_category(name_en="Cloud", name_tr="")
    url = f"/en/admin/articles/category/{category.pk}/change/"
    states = admin_client.get(url).context["form_languages"]["languages"]
    # Turkish, and any other language (a third one has no name at all), is missing.
    assert [(s["code"], s["label"]) for s in states] == [
        ("en", "original"),
        *[(code, "missing: name") for code in OTHER_LANGUAGES],
    ]


def test_the_comparison_and_the_tab_states_cost_no_extra_query(admin_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    current = make_article(title_tr="Başlık", standfirst_tr="Özet.", body_tr="Gövde.")
    stale = stale_turkish()
    counts = []
    for article in (current, stale):
        admin_client.get(change_url(article))  # warm the session and content types
        with CaptureQueriesContext(connection) as queries:
            html = admin_client.get(change_url(article)).content.decode()
        counts.append(len(queries))
    assert "translation-changes" in html
    assert counts[0] == counts[1]
