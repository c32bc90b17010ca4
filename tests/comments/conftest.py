import re
import time

import pytest
from django.urls import reverse

from comments import captcha
from tests.factories import make_article


def valid_post(article, **overrides) -> dict:
    """What a reader's browser sends: a correctly answered question, shown a minute ago."""
    challenge = captcha.new_challenge(article_id=article.pk, started=time.time() - 60)
    data = {
        "name": "Ayşe Reader",
        "email": "ayse@example.com",
        "text": "Clear explanation, thank you.",
        "homepage": "",
        "token": challenge.token,
        "answer": str(challenge.a + challenge.b),
    }
    data.update(overrides)
    return data


def comment_url(article, language: str = "en") -> str:
    from django.utils import translation

    with translation.override(language):
        return reverse("comments:create", kwargs={"public_id": article.public_id})


def question_from(html: str) -> tuple[int, int]:
    """The numbers of the human check shown on a page."""
    match = re.search(r"(\d+) \+ (\d+) = \?", html)
    assert match, "no human check on the page"
    return int(match[1]), int(match[2])


def hidden_value(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert match, f"no hidden field {name}"
    return match[1]


@pytest.fixture
def article(db):
    return make_article(title_en="Docker images", title_tr="Docker imajları")


def started(client, article, language: str = "en") -> dict:
    """What comments.js fetches when a reader starts a comment on the shared form:
    ``csrf``, ``token``, ``question``, plus the question's numbers as ``a`` and ``b``."""
    response = client.get(f"/{language}/comments/{article.public_id}/start/")
    assert response.status_code == 200, response.status_code
    values = response.json()
    values["a"], values["b"] = question_from(values["question"])
    return values
