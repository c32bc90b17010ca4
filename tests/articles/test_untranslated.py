"""Text shown in another language than the page's says so, visibly and with ``lang``."""

import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db

NOTICE_TR = "Henüz Türkçe diline çevrilmedi: İngilizce aslını okuyorsunuz."


def test_an_english_only_article_carries_a_language_badge_on_turkish_lists(client):
    make_article(title_en="Only in English", title_tr="")
    make_article(title_en="Both", title_tr="İkisi de")
    html = client.get("/tr/").content.decode()
    card = html[html.index("Only in English") - 300 : html.index("Only in English") + 400]
    assert 'lang="en"' in card
    assert '<span aria-hidden="true">EN</span>' in card
    assert "(İngilizce)" in card
    assert html.count('class="lang-badge"') == 1
    assert 'class="lang-badge"' not in client.get("/en/").content.decode()


def test_an_untranslated_body_is_announced_in_the_readers_language(client):
    english_body = make_article(title_en="Reflog", title_tr="Reflog kurtarır", body_tr="")
    translated = make_article(title_en="Images", title_tr="İmajlar", body_tr="Türkçe metin.")
    assert NOTICE_TR in client.get(english_body.get_absolute_url("tr")).content.decode()
    assert NOTICE_TR not in client.get(translated.get_absolute_url("tr")).content.decode()
    english_page = client.get(english_body.get_absolute_url("en")).content.decode()
    assert "untranslated-notice" not in english_page


def test_an_untranslated_body_offers_the_readers_summary_first(client):
    from articles.summaries.services import summary_record_edit

    article = make_article(title_en="Reflog", title_tr="Reflog kurtarır", body_tr="")
    summary_record_edit(article=article, language="tr", text="Reflog silinen dalı geri getirir.")
    html = client.get(article.get_absolute_url("tr")).content.decode()
    heading = html.index("Türkçe özet</h2>")
    summary = html.index("Reflog silinen dalı geri getirir.")
    notice = html.index("Aşağıdaki makalenin tamamı İngilizce")
    body = html.index('class="article-body"')
    assert heading < summary < notice < body
    assert "article-summary-first" in html
    assert NOTICE_TR not in html  # the notice now points below the summary

    # A translated body keeps the summary as a side note, with no "Summary in".
    translated = make_article(title_en="Images", title_tr="İmajlar", body_tr="Türkçe metin.")
    summary_record_edit(article=translated, language="tr", text="İmajlar şablondur.")
    html = client.get(translated.get_absolute_url("tr")).content.decode()
    assert "Yapay zekâ özeti</h2>" in html
    assert "Türkçe özet</h2>" not in html and "article-summary-first" not in html
