"""The shared comment form is rendered once per language and kind, then given each
article's addresses: it must be exactly the form rendered for that article."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from comments import holes
from comments.forms import CommentForm
from tests.factories import make_article, make_comment
from tests.languages import LANGUAGE_CODES

pytestmark = pytest.mark.django_db


def rendered_for(article, parent=None) -> str:
    form = CommentForm(
        article=article,
        challenge_required=True,
        shared=True,
        initial={"parent": str(parent.pk)} if parent else None,
    )
    return render_to_string("comments/_form.html", {"comment_form": form, "csrf_token": ""})


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_each_articles_form_is_the_form_rendered_for_it(language):
    first, second = make_article(title="First"), make_article(title="Second")
    reply_to = make_comment(article=second, text="A thread")
    with translation.override(language):
        for article, parent in ((first, None), (second, None), (second, reply_to), (first, None)):
            hole = f"{article.pk}-{article.public_id}" + (f"-{parent.pk}" if parent else "")
            shared = holes.shared_form(hole)
            assert shared == rendered_for(article, parent)
            assert holes.SAMPLE_ID not in shared
    # Rendered twice (a new comment, a reply) for the four.
    assert holes._shared_form.cache_info().currsize == 2
