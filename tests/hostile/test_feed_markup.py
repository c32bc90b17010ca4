"""The feed sends titles, standfirsts and summaries as text, never as live markup."""

import xml.etree.ElementTree as ET

import pytest

from articles.models import SummaryState
from tests.factories import make_article

pytestmark = pytest.mark.django_db


ATTACK = '<img src=x onerror="alert(1)">'


def feed_items(client, path="/en/feed/"):
    root = ET.fromstring(client.get(path).content)
    return root.findall("./channel/item")


def test_the_feed_sends_standfirsts_and_titles_as_text(client):
    make_article(title_en=f"Docker {ATTACK}", standfirst_en=f"Read this {ATTACK} now.")
    (item,) = feed_items(client)
    description = item.find("description").text
    title = item.find("title").text
    # The decoded element text is what a reader renders as HTML: it must hold no markup.
    assert "<img" not in description and "<img" not in title
    assert "&lt;img" in description and "&lt;img" in title


def test_the_feed_sends_summaries_as_text(client):
    article = make_article(summary_tr=f"Özet {ATTACK}", title_tr="Başlık")
    SummaryState.objects.update_or_create(
        article=article,
        language="tr",
        defaults={"state": SummaryState.State.READY, "origin": SummaryState.Origin.HUMAN},
    )
    (item,) = feed_items(client, "/tr/akis/")
    assert "Özet" in item.find("description").text
    assert "<img" not in item.find("description").text
