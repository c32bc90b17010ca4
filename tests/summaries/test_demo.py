from io import StringIO

import pytest
from django.core.management import call_command

from articles.management.commands.load_demo import read_demo
from articles.models import LANGUAGE_CODES, Article, SummaryState, missing_text

pytestmark = pytest.mark.django_db


def test_demo_summaries_are_ready_person_edited_and_shown_in_both_languages(client):
    call_command("load_demo", stdout=StringIO())
    states = SummaryState.objects.all()
    expected = sum(
        1 for item in read_demo().articles for code in LANGUAGE_CODES if item.text("summary", code)
    )
    assert expected >= 10
    assert states.count() == expected
    assert set(states.values_list("state", "origin").distinct()) == {("ready", "human")}

    with_both = Article.objects.exclude(missing_text("summary_tr")).first()
    for language in ("en", "tr"):
        html = client.get(with_both.get_absolute_url(language)).content.decode()
        assert f'<aside class="article-summary" lang="{language}"' in html
        assert 'data-ai-disclosure="ai-assisted-human-reviewed"' in html
    without_turkish = Article.objects.filter(missing_text("summary_tr")).first()
    assert without_turkish is not None
    html = client.get(without_turkish.get_absolute_url("tr")).content.decode()
    assert "article-summary" not in html
