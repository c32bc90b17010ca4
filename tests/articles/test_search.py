"""Search (articles.search): the same tests on SQLite (FTS5) and PostgreSQL (tsvector).

`make test` runs them on SQLite, `make test-postgres` (and CI's PostgreSQL run) on
PostgreSQL; each asserts what a reader sees on the results page.
"""

import html
import io
import re
import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from articles import search
from articles.models import Article
from articles.services import article_unpublish
from tests.factories import make_article, make_category, make_user

pytestmark = pytest.mark.django_db

SEARCH = {"en": "/en/search/", "tr": "/tr/ara/"}


def results(client, query, language="en", **params):
    """(titles of the results in order, the page's HTML)."""
    response = client.get(SEARCH[language], {"q": query, **params})
    assert response.status_code == 200
    page = response.content.decode()
    titles = re.findall(r'<h2 class="card-title"[^>]*><a href="[^"]+">([^<]+)</a>', page)
    return [html.unescape(t) for t in titles], page


def snippets(page):
    return re.findall(r'<p class="snippet"[^>]*>(.*?)</p>', page, re.S)


def turkish_article(**fields):
    return make_article(
        original_language="tr",
        title_en="",
        standfirst_en="",
        body_en="",
        title_tr=fields.pop("title_tr", "Docker'da imaj ve konteyner"),
        standfirst_tr=fields.pop("standfirst_tr", "Yeni başlayanları şaşırtan fark."),
        body_tr=fields.pop("body_tr", "Bir imaj şablondur; konteyner onun çalışan bir örneğidir."),
        **fields,
    )


# Turkish casing and stemming


@pytest.mark.parametrize(
    "query", ["başlayanları", "BAŞLAYANLARI", "ŞAŞIRTAN", "Şaşırtan", "İMAJ", "KONTEYNER"]
)
def test_turkish_capitals_fold_by_turkish_rules(client, query):
    turkish_article()
    titles, _page = results(client, query, "tr")
    assert titles == ["Docker'da imaj ve konteyner"]


def test_dotted_and_dotless_i_stay_different_letters_in_turkish(client):
    turkish_article(title_tr="Kırmızı kır çiçekleri", body_tr="Kır evleri.")
    assert results(client, "KIR", "tr")[0] == ["Kırmızı kır çiçekleri"]
    # "KİR" is "kir" (dirt), not "kır" (countryside).
    assert results(client, "KİR", "tr")[0] == []


@pytest.mark.parametrize("query", ["konteynerler", "imajlarını", "konteynerlerin imajları"])
def test_turkish_words_are_found_by_their_stem(client, query):
    turkish_article(title_tr="Kısa not", standfirst_tr="", body_tr="Bir konteyner ve bir imaj.")
    assert results(client, query, "tr")[0] == ["Kısa not"]


@pytest.mark.parametrize("query", ["containers", "CONTAINER", "running images"])
def test_english_words_are_found_by_their_stem(client, query):
    make_article(title_en="A short note", body_en="The image runs as a container.")
    assert results(client, query)[0] == ["A short note"]


def test_every_word_must_match_and_the_last_may_be_a_beginning(client):
    make_article(title_en="Kubernetes operators", body_en="Operators watch resources.")
    make_article(title_en="Docker networks", body_en="Bridges and overlays.")
    assert results(client, "kubernetes operators")[0] == ["Kubernetes operators"]
    assert results(client, "kubernetes bridges")[0] == []
    # A word still being typed.
    assert results(client, "kubern")[0] == ["Kubernetes operators"]


# Ranking


def test_a_title_match_ranks_above_a_passing_mention_in_the_body(client):
    make_article(
        title_en="Notes from the week",
        body_en="Among other things, we tried Podman.",
        published_at=timezone.now() - timedelta(minutes=1),
    )
    make_article(
        title_en="Podman without a daemon",
        body_en="A look at rootless containers.",
        published_at=timezone.now() - timedelta(days=30),
    )
    make_article(
        title_en="Ten tools",
        standfirst_en="Podman is one of them.",
        body_en="A list.",
        published_at=timezone.now() - timedelta(days=10),
    )
    titles, _page = results(client, "podman")
    assert titles == ["Podman without a daemon", "Ten tools", "Notes from the week"]


# Snippets


def test_snippets_highlight_the_matches_and_escape_the_text(client):
    make_article(
        title_en="Escaping",
        body_en="Never trust <script>alert(1)</script> input; escape every container label.",
    )
    _titles, page = results(client, "containers")
    (snippet,) = snippets(page)
    assert "<mark>container</mark>" in snippet
    assert "<script>" not in page.split("<main", 1)[1].split("</main>")[0]
    assert re.sub(r"</?mark>", "", snippet).count("<") == 0


def test_a_turkish_snippet_marks_the_inflected_word(client):
    turkish_article(body_tr="Eski konteynerlerin hepsi silindi.")
    _titles, page = results(client, "konteyner", "tr")
    assert "<mark>konteynerlerin</mark>" in snippets(page)[0]


# Untranslated articles, and the language of the page


def test_an_untranslated_article_is_found_through_the_text_the_reader_sees(client):
    make_article(title_en="Podman in production", title_tr="", body_tr="", standfirst_tr="")
    titles, page = results(client, "podman", "tr")
    assert titles == ["Podman in production"]
    assert 'lang="en"' in page


def test_a_translated_article_is_searched_in_its_translation(client):
    make_article(
        title_en="Containers",
        body_en="Only in English: podman.",
        title_tr="Konteynerler",
        standfirst_tr="Kısa.",
        body_tr="Türkçe metin.",
    )
    assert results(client, "podman", "tr")[0] == []
    assert results(client, "konteyner", "tr")[0] == ["Konteynerler"]
    assert results(client, "podman", "en")[0] == ["Containers"]


# The index follows the articles


def test_the_index_follows_edits_unpublishing_and_deletion(client):
    article = make_article(title_en="Podman notes")
    assert results(client, "podman")[0] == ["Podman notes"]
    article.title_en = "Buildah notes"
    article.save()
    assert results(client, "podman")[0] == []
    assert results(client, "buildah")[0] == ["Buildah notes"]
    article_unpublish(article=article, user=make_user(permissions=["articles.publish_article"]))
    assert results(client, "buildah")[0] == []
    other = make_article(title_en="Skopeo notes")
    other.delete()
    assert results(client, "skopeo")[0] == []


def test_rebuilding_the_index_is_idempotent(client):
    make_article(title_en="Podman notes")
    turkish_article()
    before = results(client, "podman")[0], results(client, "konteyner", "tr")[0]
    for _ in range(2):
        out = io.StringIO()
        call_command("search_index", rebuild=True, stdout=out)
        assert "Indexed 2 articles." in out.getvalue()
        assert (results(client, "podman")[0], results(client, "konteyner", "tr")[0]) == before


def test_a_rebuild_restores_an_index_that_lost_its_rows(client):
    make_article(title_en="Podman notes")
    search.backend().clear()
    assert results(client, "podman")[0] == []
    call_command("search_index", rebuild=True, verbosity=0)
    assert results(client, "podman")[0] == ["Podman notes"]


def saved_elsewhere(write) -> Exception | None:
    """Run ``write`` as another request would, on a connection of its own that waits at
    most half a second for a lock; what it raised, if anything."""
    outcome = []

    def run():
        try:
            with connection.cursor() as cursor:
                if connection.vendor == "sqlite":
                    cursor.execute("PRAGMA busy_timeout = 500")
                else:
                    cursor.execute("SET lock_timeout = '500ms'")
            write()
        except Exception as error:  # noqa: BLE001 -- the outcome is the test's to judge
            outcome.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    assert not thread.is_alive()
    return outcome[0] if outcome else None


def retitle(pk: int, title: str) -> None:
    article = Article.objects.get(pk=pk)
    article.title_en = title
    article.save()


@pytest.mark.django_db(transaction=True)
def test_editors_can_save_while_a_rebuild_reads_the_articles(client):
    """The documents are made before the rebuild takes the write lock: on SQLite an
    editor's save during that time would otherwise wait for the whole rebuild, and fail
    with "database is locked" once it took longer than the busy timeout."""
    first, _second = make_article(title_en="Podman notes"), make_article()
    saved = []

    def articles():
        yield from Article.objects.order_by("pk")
        # Every document is made now; nothing is written yet.
        saved.append(saved_elsewhere(lambda: retitle(first.pk, "Buildah notes")))

    assert search.rebuild(articles()) == 2
    assert saved == [None]
    assert results(client, "buildah")[0] == ["Buildah notes"]


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_keeps_what_was_saved_while_it_read_the_articles(client):
    edited, deleted = make_article(title_en="Podman notes"), make_article(title_en="Skopeo notes")
    make_article(title_en="Kaniko notes")
    errors = []

    def articles():
        yield from Article.objects.order_by("pk")
        errors.append(saved_elsewhere(lambda: retitle(edited.pk, "Buildah notes")))
        errors.append(saved_elsewhere(lambda: make_article(title_en="Podman again")))
        errors.append(saved_elsewhere(lambda: Article.objects.get(pk=deleted.pk).delete()))

    assert search.rebuild(articles()) == 3  # the new one counted, the deleted one not
    assert errors == [None, None, None]
    assert results(client, "podman")[0] == ["Podman again"]
    assert results(client, "buildah")[0] == ["Buildah notes"]
    assert results(client, "skopeo")[0] == []
    assert results(client, "kaniko")[0] == ["Kaniko notes"]


def test_bulk_seeding_indexes_what_it_creates(client):
    call_command("seed_bench", articles=12, comments=0, stdout=io.StringIO())
    titles, page = results(client, "imajları", "tr")
    assert len(titles) == 10
    assert "“imajları” için 12 makale bulundu" in page


# The results page


def test_the_page_shows_the_count_and_paginates_keeping_the_query(client):
    for n in range(12):
        make_article(title_en=f"Podman tip {n}")
    titles, page = results(client, "podman")
    assert len(titles) == 10
    assert "12 articles found for “podman”" in page
    assert 'href="?q=podman&amp;page=2"' in page
    titles, page = results(client, "podman", page="2")
    assert len(titles) == 2


def test_the_language_switch_keeps_the_query(client):
    make_article(title_en="Podman notes")
    _titles, page = results(client, "podman & co")
    assert 'href="/tr/ara/?q=podman+%26+co"' in page
    _titles, page = results(client, "podman", "tr")
    assert 'href="/en/search/?q=podman"' in page


def test_nothing_found_suggests_the_latest_articles_and_the_categories(client):
    category = make_category(name_en="Security", slug_en="security")
    make_article(title_en="Passkeys explained", category=category)
    titles, page = results(client, "zzyzx")
    assert titles == []
    assert "0 articles found for “zzyzx”" in page
    assert "Latest articles" in page
    assert "Passkeys explained" in page
    assert 'href="/en/category/security/"' in page


def test_search_pages_are_cached_until_an_article_or_the_index_changes(client):
    make_article(title_en="Podman notes")
    assert client.get("/en/search/", {"q": "podman"})["X-Page-Cache"] == "miss"
    assert client.get("/en/search/", {"q": "podman"})["X-Page-Cache"] == "hit"
    article = Article.objects.get()
    article.title_en = "Podman, revised"
    article.save()
    assert results(client, "podman")[0] == ["Podman, revised"]
    # Bulk writers renew the index's token themselves.
    Article.objects.update(title_en="Podman, in bulk")
    search.index_articles(Article.objects.all())
    assert results(client, "podman")[0] == ["Podman, in bulk"]
    # A query with stray spaces is answered, never stored: only tidy spellings are kept.
    for _ in range(2):
        response = client.get("/en/search/", {"q": "  podman  "})
        assert "X-Page-Cache" not in response


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "NEAR",
        "NEAR(a b)",
        "-",
        "-docker",
        '"unbalanced quote',
        "docker AND OR NOT",
        "a:* & !b | (c",
        "^title:x",
        "x" * 200,
        "docker " * 40,
        "'; DROP TABLE articles_article; --",
        "🙂",
        "ﬁ ǅ İ̇",
    ],
)
def test_hostile_queries_give_a_page_never_an_error(client, query):
    make_article(title_en="Docker notes")
    for language in SEARCH:
        response = client.get(SEARCH[language], {"q": query})
        assert response.status_code == 200


def test_nul_in_the_address_is_refused_clearly_and_the_service_ignores_it(client):
    make_article(title_en="Docker notes")
    # The site's own rule for every address (core.middleware): a 400 that says why.
    response = client.get("/en/search/", {"q": "dock\x00er"})
    assert response.status_code == 400
    found = search.search("dock\x00er", "en", Article.objects.published())
    assert found.count() == 0
    found = search.search("\x00docker", "en", Article.objects.published())
    assert [article.title_en for article in found[0:10]] == ["Docker notes"]


def test_the_query_count_does_not_grow_with_the_results(client, django_assert_num_queries):
    for n in range(12):
        make_article(title_en=f"Podman tip {n}")
    make_article(title_en="Buildah tip")
    # The count, the page of matches, their articles, their authors, their comment
    # counts; the menu and the footer pages; the next scheduled publication (how long
    # the page cache may keep the page).
    with django_assert_num_queries(8):
        assert len(results(client, "podman")[0]) == 10
    # The menu and the footer are kept apart (pagecache.fragments).
    with django_assert_num_queries(6):
        assert len(results(client, "buildah")[0]) == 1
    # Asked again: the page cache answers.
    with django_assert_num_queries(0):
        assert len(results(client, "podman")[0]) == 10
    # Spelt untidily: made again (and not stored, so no next publication asked; the
    # menu and footer kept).
    with django_assert_num_queries(5):
        assert len(results(client, " podman")[0]) == 10


def test_cached_results_give_way_to_any_change(client):
    article = make_article(title_en="Podman notes")
    assert results(client, "podman")[0] == ["Podman notes"]
    make_article(title_en="Podman again")
    assert results(client, "podman")[0] == ["Podman again", "Podman notes"]
    article.status = Article.Status.ARCHIVED
    article.save(update_fields=["status"])  # no text changed: the index stays as it was
    assert results(client, "podman")[0] == ["Podman again"]
    Article.objects.filter(pk=article.pk).update(title_en="Skopeo")  # no save, no signal
    search.index_articles(Article.objects.filter(pk=article.pk))  # as bulk writers do
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)
    search.index_articles(Article.objects.filter(pk=article.pk))
    assert results(client, "skopeo")[0] == ["Skopeo"]


def test_the_demo_content_is_found_in_turkish_capitals(client):
    call_command("load_demo", stdout=io.StringIO())
    titles, _page = results(client, "BAŞLAYANLARI", "tr")
    assert len(titles) == 1 and titles[0].startswith("Docker")


def test_the_database_has_its_own_index():
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    if connection.vendor == "postgresql":
        assert "articles_search_document" in tables
        assert "articles_search_fts" not in tables
    else:
        assert "articles_search_fts" in tables
        assert "articles_search_document" not in tables
