"""The editors' side: action, button, list column, filter, dashboard, edits, publishing."""

import pytest
from django import forms
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.forms import SplitDateTimeWidget
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from articles.models import Article, SummaryState
from articles.summaries.generation import summary_generate
from core.languages import LANGUAGE_CODES
from tests.factories import make_article, make_articles

from .conftest import human_summary, state_of

pytestmark = pytest.mark.django_db

State = SummaryState.State
CHANGELIST = "admin:articles_article_changelist"


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def form_data(client, article, **changes) -> dict:
    """The article's change form as a browser would submit it, with ``changes``."""
    form = client.get(change_url(article)).context["adminform"].form
    data = {}
    for name, bound in ((name, form[name]) for name in form.fields):
        value = bound.value()
        if isinstance(bound.field, forms.FileField):
            continue  # a browser sends a file input only with a file chosen
        if isinstance(bound.field.widget, SplitDateTimeWidget):
            data[f"{name}_0"] = value.strftime("%Y-%m-%d") if value else ""
            data[f"{name}_1"] = value.strftime("%H:%M:%S") if value else ""
        elif value is not None:
            data[name] = value
    for name, value in changes.items():
        if name == "published_at":
            data["published_at_0"] = value.strftime("%Y-%m-%d")
            data["published_at_1"] = value.strftime("%H:%M:%S")
        else:
            data[name] = value
    return data


@pytest.fixture
def staff_without_summaries(db):
    """Staff who may change articles but not generate summaries."""
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_article", "change_article"])
    )
    return user


def changelist_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(CHANGELIST)).status_code == 200
    return len(queries)


def test_list_shows_summary_state_per_language(admin_client):
    articles = make_articles(3)
    human_summary(articles[0], "en", "Edited.")
    SummaryState.objects.create(
        article=articles[1], language="tr", state=State.FAILED, problem="timeout"
    )
    html = admin_client.get(reverse(CHANGELIST)).content.decode()
    assert (
        '<span class="summary-state summary-state-ready" title="">EN: Ready, edited</span>' in html
    )
    assert (
        '<span class="summary-state summary-state-failed" '
        'title="The model server did not answer in time.">TR: Failed</span>'
    ) in html
    # Three rows, one badge per language each: two filled above, the rest missing.
    assert html.count("summary-state-missing") == 3 * len(LANGUAGE_CODES) - 2


def test_list_query_count_does_not_grow_with_rows(admin_client):
    for article in make_articles(3):
        human_summary(article, "en", "Edited.")
    few = changelist_queries(admin_client)
    for article in make_articles(30):
        human_summary(article, "tr", "Düzenlendi.")
    assert changelist_queries(admin_client) == few


@pytest.mark.parametrize("state", ["missing", "stale", "failed", "queued"])
def test_filters(admin_client, state):
    complete = make_article(title_en="Complete article")
    for code in LANGUAGE_CODES:
        human_summary(complete, code, "Özet." if code == "tr" else "Summary.")
    matching = make_article(title_en="Matching article")
    human_summary(matching, "tr", "Özet.")
    if state != "missing":
        SummaryState.objects.filter(article=matching, language="tr").update(
            state=state, origin="ai"
        )
        for code in LANGUAGE_CODES:
            if code != "tr":
                human_summary(matching, code, "Summary.")
    html = admin_client.get(reverse(CHANGELIST), {"summary": state}).content.decode()
    assert "Matching article" in html
    assert "Complete article" not in html


def test_action_asks_for_languages_then_queues_and_returns_at_once(admin_client):
    first, second = make_articles(2)
    human_summary(second, "en", "Edited by the desk.")
    url = reverse(CHANGELIST)
    data = {"action": "generate_summaries", "_selected_action": [first.pk, second.pk]}
    page = admin_client.post(url, data)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Generate AI summaries" in html
    assert 'name="languages" value="en"' in html and 'name="languages" value="tr"' in html
    assert str(first) in html and str(second) in html
    assert not DBTaskResult.objects.exists()

    response = admin_client.post(
        url, {**data, "post": "yes", "languages": ["en"], "scope": "needed"}, follow=True
    )
    assert response.redirect_chain[-1][0] == url
    messages = [str(m) for m in response.context["messages"]]
    assert "1 summary queued; it will appear in a moment." in messages
    assert "1 summary edited by a person was left alone." in messages
    assert state_of(first, "en").state == State.QUEUED
    assert state_of(first, "tr") is None
    assert DBTaskResult.objects.count() == 1


def test_action_can_replace_person_edited_summaries_when_told_so(admin_client):
    article = make_article()
    human_summary(article, "en", "Edited by the desk.")
    admin_client.post(
        reverse(CHANGELIST),
        {
            "action": "generate_summaries",
            "_selected_action": [article.pk],
            "post": "yes",
            "languages": ["en"],
            "scope": "replace_all",
        },
    )
    assert state_of(article, "en").state == State.QUEUED


def test_action_reports_languages_the_backend_cannot_write(admin_client):
    article = make_article()
    response = admin_client.post(
        reverse(CHANGELIST),
        {
            "action": "generate_summaries",
            "_selected_action": [article.pk],
            "post": "yes",
            "languages": ["tr"],
            "scope": "needed",
        },
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("cannot be written by the configured backend" in m for m in messages)
    html = admin_client.get(change_url(article)).content.decode()
    assert "The extractive backend cannot write Turkish." in html


def test_model_server_outage_never_breaks_the_admin(admin_client, chat_server):
    article = make_article()
    response = admin_client.post(
        reverse(CHANGELIST),
        {
            "action": "generate_summaries",
            "_selected_action": [article.pk],
            "post": "yes",
            "languages": ["en", "tr"],
            "scope": "needed",
        },
    )
    assert response.status_code == 302
    assert chat_server.log == []  # Nothing is asked of the model during a request.
    assert admin_client.get(change_url(article)).status_code == 200


def test_change_page_has_summary_tabs_provenance_and_a_button(admin_client):
    article = make_article()
    human_summary(article, "tr", "Masanın yazdığı özet.")
    html = admin_client.get(change_url(article)).content.decode()
    assert 'name="summary_en"' in html and 'name="summary_tr"' in html
    assert "Status per language" in html
    assert "Edited by a person (" not in html  # no editor recorded for this one
    summaries_url = reverse("admin:articles_article_summaries", args=[article.pk])
    assert f'<a class="button" href="{summaries_url}">Generate AI summaries…</a>' in html


def test_button_page_queues_for_that_article_and_returns_to_it(admin_client):
    article = make_article()
    url = reverse("admin:articles_article_summaries", args=[article.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert 'name="scope"' in page.content.decode()
    response = admin_client.post(url, {"languages": ["en"], "scope": "needed"})
    assert response.status_code == 302
    assert response["Location"] == change_url(article)
    assert state_of(article, "en").state == State.QUEUED


def test_button_page_refuses_invalid_input_without_a_500(admin_client):
    article = make_article()
    url = reverse("admin:articles_article_summaries", args=[article.pk])
    response = admin_client.post(url, {"languages": ["xx"], "scope": "everything"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not SummaryState.objects.exists()
    assert (
        admin_client.get(reverse("admin:articles_article_summaries", args=[999999])).status_code
        == 302
    )


def test_without_the_permission_there_is_no_action_and_no_button_page(
    client, staff_without_summaries
):
    article = make_article()
    client.force_login(staff_without_summaries)
    html = client.get(reverse(CHANGELIST)).content.decode()
    assert "generate_summaries" not in html
    url = reverse("admin:articles_article_summaries", args=[article.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"languages": ["en"], "scope": "needed"}).status_code == 403
    response = client.post(
        reverse(CHANGELIST),
        {"action": "generate_summaries", "_selected_action": [article.pk], "post": "yes"},
    )
    assert not SummaryState.objects.exists()
    assert response.status_code in (200, 302)


def test_editing_a_summary_in_the_admin_marks_it_edited_by_that_person(admin_client, admin_user):
    article = make_article()
    article.summary_en = "A machine summary."
    article.save()
    SummaryState.objects.create(
        article=article,
        language="en",
        state=State.READY,
        origin="ai",
        written_from=article.summary_fingerprint(),
    )
    data = form_data(admin_client, article, summary_en="  A summary the desk rewrote.  ")
    response = admin_client.post(change_url(article), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    state = state_of(article, "en")
    article.refresh_from_db()
    assert article.summary_en == "A summary the desk rewrote."
    assert (state.state, state.origin, state.edited_by) == (
        State.READY,
        SummaryState.Origin.HUMAN,
        admin_user,
    )
    html = admin_client.get(change_url(article)).content.decode()
    assert f"Edited by a person ({admin_user.username})" in html


def test_saving_without_touching_the_summary_keeps_its_origin(admin_client):
    article = make_article()
    SummaryState.objects.create(
        article=article,
        language="en",
        state=State.READY,
        origin="ai",
        written_from=article.summary_fingerprint(),
    )
    Article.objects.filter(pk=article.pk).update(summary_en="A machine summary.")
    admin_client.post(change_url(article), form_data(admin_client, article))
    assert state_of(article, "en").origin == SummaryState.Origin.AI


def test_publishing_in_the_admin_queues_summaries(admin_client, settings):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    data = form_data(admin_client, draft, status="published", published_at=draft.created_at)
    response = admin_client.post(change_url(draft), data, follow=True)
    assert response.status_code == 200
    assert state_of(draft, "en").state == State.QUEUED
    assert "1 summary queued for generation." in [str(m) for m in response.context["messages"]]

    settings.BROADSHEET_SUMMARIES_ON_PUBLISH = False
    other = make_article(status=Article.Status.DRAFT, published_at=None)
    data = form_data(admin_client, other, status="published", published_at=other.created_at)
    admin_client.post(change_url(other), data)
    other.refresh_from_db()
    assert other.status == Article.Status.PUBLISHED
    assert state_of(other, "en") is None


def test_saving_an_already_published_article_queues_nothing(admin_client):
    article = make_article()
    admin_client.post(change_url(article), form_data(admin_client, article))
    assert not SummaryState.objects.exists()


def test_admin_index_shows_counts_linking_to_the_filtered_list(admin_client):
    make_articles(2)
    stale = make_article()
    summary_generate(article=stale, language="en")
    stale.body_en = "Rewritten entirely. Nothing is the same."
    stale.save()
    html = admin_client.get(reverse("admin:index")).content.decode()
    changelist = reverse(CHANGELIST)
    for state, label, count in [
        ("missing", "Published articles missing a summary", 3),
        ("stale", "Published articles with a stale summary", 1),
        ("failed", "Published articles with a failed summary", 0),
    ]:
        link = f'<a href="{changelist}?status=published&amp;summary={state}">{label}</a>'
        assert f'{link}</th>\n          <td class="newsroom-count">{count}</td>' in html
        listed = admin_client.get(changelist, {"status": "published", "summary": state})
        assert listed.context["cl"].result_count == count
    turkish = admin_client.get("/tr/admin/").content.decode()
    assert "Özeti eksik yayımlanmış makaleler" in turkish


def test_index_counts_need_the_view_permission(client, staff_without_summaries):
    client.force_login(staff_without_summaries)
    html = client.get(reverse("admin:index")).content.decode()
    assert "missing a summary" not in html


def test_status_rows_are_listed_read_only(admin_client):
    article = make_article()
    human_summary(article, "en", "Edited.")
    state = state_of(article, "en")
    assert admin_client.get(reverse("admin:articles_summarystate_changelist")).status_code == 200
    url = reverse("admin:articles_summarystate_change", args=[state.pk])
    assert admin_client.get(url).status_code == 200
    admin_client.post(url, {"state": "failed"})
    assert state_of(article, "en").state == State.READY


def test_the_publish_action_queues_summaries(admin_client):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    admin_client.post(reverse(CHANGELIST), {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert state_of(draft, "en").state == State.QUEUED
    assert DBTaskResult.objects.count() == 1


def test_editors_may_generate_and_translators_may_not(client, editor, translator):
    article = make_article(title_tr="Başlık")
    url = reverse("admin:articles_article_summaries", args=[article.pk])
    client.force_login(translator)
    assert "generate_summaries" not in client.get(reverse(CHANGELIST)).content.decode()
    assert client.post(url, {"languages": ["en"], "scope": "needed"}).status_code == 403
    client.force_login(editor)
    assert "generate_summaries" in client.get(reverse(CHANGELIST)).content.decode()
    assert client.post(url, {"languages": ["en"], "scope": "needed"}).status_code == 302
    assert state_of(article, "en").state == State.QUEUED


def test_a_translators_turkish_summary_counts_as_edited_by_a_person(client, translator):
    article = make_article(title_tr="Başlık", standfirst_tr="Spot", body_tr="Metin.")
    client.force_login(translator)
    data = form_data(client, article, summary_tr="Çevirmenin yazdığı özet.")
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    state = state_of(article, "tr")
    assert (state.state, state.origin, state.edited_by) == (
        State.READY,
        SummaryState.Origin.HUMAN,
        translator,
    )
