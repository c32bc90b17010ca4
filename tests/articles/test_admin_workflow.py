"""The publishing workflow in the admin: who may set which status, and how."""

from datetime import timedelta

import pytest
from django import forms
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.articles.admin_helpers import change_url, post_change, run_action
from tests.factories import make_article, make_user
from tests.languages import OTHER_LANGUAGES

pytestmark = pytest.mark.django_db

Status = Article.Status


@pytest.fixture
def writer(roles):
    """A staff member who edits articles but may not publish them."""
    return make_user(
        permissions=["articles.view_article", "articles.add_article", "articles.change_article"]
    )


def status_options(response) -> list[str]:
    return [value for value, _label in response.context["adminform"].form.fields["status"].choices]


def action_names(response) -> list[str]:
    form = response.context.get("action_form")
    return [] if form is None else [value for value, _ in form.fields["action"].choices if value]


def test_a_writer_moves_articles_between_draft_and_review_only(client, writer):
    article = make_article(status=Status.DRAFT, published_at=None)
    client.force_login(writer)
    page = client.get(change_url(article))
    assert status_options(page) == [Status.DRAFT, Status.REVIEW]
    assert "published_at" not in page.context["adminform"].form.fields
    assert action_names(client.get(reverse("admin:articles_article_changelist"))) == [
        "send_to_review",
        "mark_translations_current",
    ]

    assert post_change(client, article, status=Status.REVIEW).status_code == 302
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_a_crafted_post_cannot_publish_or_schedule_for_a_writer(client, writer):
    article = make_article(status=Status.REVIEW, published_at=None)
    client.force_login(writer)
    tomorrow = timezone.now() + timedelta(days=1)
    response = post_change(client, article, status=Status.PUBLISHED, published_at=tomorrow)
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    response = post_change(client, article, published_at=tomorrow)
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Status.REVIEW, None)
    run_action(client, "publish", article)
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_a_writer_cannot_change_the_status_of_a_published_article(client, writer):
    article = make_article()
    client.force_login(writer)
    assert "status" not in client.get(change_url(article)).context["adminform"].form.fields
    post_change(client, article, status=Status.DRAFT, title_en="Typo fixed")
    article.refresh_from_db()
    assert article.title_en == "Typo fixed"
    assert article.is_published


def test_translators_get_no_actions_and_a_form_of_other_language_fields_only(client, translator):
    article = make_article(original_language="en")
    client.force_login(translator)
    # Marking a translation current again is the translator's own act (issue 6).
    assert action_names(client.get(reverse("admin:articles_article_changelist"))) == [
        "mark_translations_current"
    ]
    page = client.get(change_url(article))
    assert action_names(page) == ["mark_translations_current"]
    fields = ["title", "slug", "standfirst", "body", "summary"]
    fields += ["lead_image_alt", "lead_image_caption", "lead_image_credit"]
    # Every language but the original: Turkish, and any third language.
    assert set(page.context["adminform"].form.fields) == {
        f"{name}_{code}" for name in fields for code in OTHER_LANGUAGES
    }
    assert b"deletelink" not in page.content


def test_the_translator_form_refuses_changes_outside_their_languages(translator):
    """The second line of defence, should a field ever slip into a translator's form."""
    article = make_article(original_language="en")
    request = RequestFactory().get("/")
    request.user = translator
    form_class = site.get_model_admin(Article).get_form(request, article, change=True)
    form_class.base_fields["title_en"] = forms.CharField(label="Title [en]", required=False)
    form = form_class(
        data={"title_en": "Overwritten", "title_tr": "Başlık", "slug_tr": "", "body_tr": ""},
        instance=article,
    )
    assert not form.is_valid()
    assert form.non_field_errors() == ["As a translator you cannot change Title [en]."]


def test_publishing_in_the_form_without_a_time_means_now(client, editor):
    article = make_article(status=Status.REVIEW, published_at=None)
    client.force_login(editor)
    post_change(client, article, status=Status.PUBLISHED)
    article.refresh_from_db()
    assert article.is_published
    assert timezone.now() - article.published_at < timedelta(minutes=1)


def test_an_article_without_a_body_in_its_original_language_is_not_published(client, editor):
    article = make_article(status=Status.REVIEW, published_at=None)
    client.force_login(editor)
    response = post_change(client, article, status=Status.PUBLISHED, body_en="")
    assert response.status_code == 200
    assert "A published article needs a body in its original language." in str(
        response.context["adminform"].form.non_field_errors()
    )
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_bulk_actions_report_what_they_did_and_what_they_could_not(client, editor):
    ready = make_article(status=Status.REVIEW, published_at=None, title_en="Ready")
    live = make_article(title_en="Already live")
    client.force_login(editor)
    response = run_action(client, "publish", ready, live)
    assert response.status_code == 302
    messages = [str(message) for message in response.wsgi_request._messages]
    assert "1 article published." in messages
    assert "“Already live” was not changed: This article is already published." in messages
    ready.refresh_from_db()
    assert ready.is_published


def test_workflow_actions_are_offered_on_the_article_page(client, editor):
    article = make_article(status=Status.REVIEW, published_at=None)
    client.force_login(editor)
    page = client.get(change_url(article))
    assert action_names(page) == [
        "send_to_review",
        "publish",
        "unpublish",
        "archive",
        "feature",
        "unfeature",
        "mark_translations_current",
    ]
    response = client.post(
        change_url(article), {"CHANGE_FORM-action": "publish", "_selected_action": article.pk}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_published


def test_history_records_who_did_what(client, editor):
    article = make_article(status=Status.DRAFT, published_at=None)
    client.force_login(editor)
    run_action(client, "send_to_review", article)
    post_change(client, article, title_en="Better title", status=Status.REVIEW)
    run_action(client, "publish", article)
    history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    rows = [
        (entry.user.username, entry.get_change_message())
        for entry in history.context["action_list"]
    ]
    assert rows == [
        ("editor", "Changed status (sent to review)."),
        ("editor", "Changed Title [en]."),
        ("editor", "Changed status (published) and publication time."),
    ]
    page = client.get(change_url(article)).content.decode()
    assert "Last changed by" in page
    assert "editor, " in page


def test_a_translator_cannot_run_an_action_from_the_article_page_either(client, translator):
    article = make_article(status=Status.REVIEW, published_at=None, title_tr="Başlık")
    client.force_login(translator)
    client.post(
        change_url(article),
        {"CHANGE_FORM-action": "publish", "_selected_action": article.pk, "title_tr": "Başlık"},
    )
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert not article.is_published
