"""Least privilege: reading embargoed drafts is its own permission, not "view article"."""

import pytest

from articles.models import Article
from core.languages import LANGUAGE_CODES
from tests.articles.admin_helpers import change_url
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

EMBARGOED = "Embargoed until Monday"


@pytest.fixture
def embargoed():
    return make_article(status=Article.Status.DRAFT, published_at=None, title_en=EMBARGOED)


def preview(client, article, language="en"):
    return client.get(f"/{language}/preview/{article.public_id}/")


def test_moderators_cannot_read_drafts_through_the_preview(client, moderator, embargoed):
    client.force_login(moderator)
    for language in LANGUAGE_CODES:
        response = preview(client, embargoed, language)
        assert response.status_code == 403
        assert EMBARGOED not in response.content.decode()


def test_view_permission_alone_does_not_open_the_preview(client, roles, embargoed):
    client.force_login(make_user(permissions=["articles.view_article"]))
    assert preview(client, embargoed).status_code == 403


@pytest.mark.parametrize("who", ["editor", "translator", "superuser", "granted"])
def test_those_who_may_preview_still_can(client, roles, embargoed, who, request):
    user = {
        "superuser": lambda: make_user(is_superuser=True),
        "granted": lambda: make_user(permissions=["articles.preview_article"]),
    }.get(who, lambda: request.getfixturevalue(who))()
    client.force_login(user)
    response = preview(client, embargoed)
    assert response.status_code == 200
    assert EMBARGOED in response.content.decode()


def test_the_admin_shows_preview_buttons_only_to_those_who_may_preview(client, roles, embargoed):
    for user, shown in [
        (make_user(groups=["Moderators"]), False),
        (make_user(groups=["Editors"]), True),
        (make_user(groups=["Translators"]), True),
    ]:
        client.force_login(user)
        page = client.get(change_url(embargoed))
        assert page.status_code == 200
        html = page.content.decode()
        assert (f"/preview/{embargoed.public_id}/" in html) is shown, user.groups.first()
        assert ("Preview in English" in html) is shown
