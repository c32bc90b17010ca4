"""An article page's "More in" and "Related" (articles.views.ReadingOn): an edit of what
an article's card shows retires only the pages listing it; a change of which articles a
list shows (publishing, times, categories, tags, deletes) retires every article page."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import http_date

from articles import services
from articles.machine_translation.services import machine_translation_accept
from articles.models import Article, MachineTranslation
from pagecache.decorators import page_key
from pagecache.middleware import text_key
from tests.articles.admin_helpers import post_change
from tests.factories import make_article, make_author, make_category, make_tag

pytestmark = pytest.mark.django_db


def listed(html: str, heading: str) -> list[str]:
    section = re.search(rf'aria-labelledby="{heading}">(.*?)</section>', html, re.S)
    return re.findall(r'<a href="[^"]+"[^>]*>([^<]+)</a>', section[1]) if section else []


def more_in(html: str) -> list[str]:
    return listed(html, "more-in-title")


def related(html: str) -> list[str]:
    return listed(html, "related-title")


def fresh(article: Article) -> Article:
    """The article as a request loads it (the admin, a service's caller)."""
    return Article.objects.get(pk=article.pk)


@pytest.fixture
def site():
    """Y and X in one category (Y's "More in" shows X), Z and W in another."""
    here, there = make_category(), make_category()

    def article(title, category, hours):
        published_at = timezone.now() - timedelta(hours=hours)
        return make_article(title_en=title, category=category, published_at=published_at)

    return {
        "Y": article("Y here", here, 3),
        "X": article("X here", here, 1),
        "Z": article("Z there", there, 4),
        "W": article("W there", there, 2),
    }


def cached(reader: Client, *articles: Article, language: str = "en") -> None:
    for article in articles:
        url = article.get_absolute_url(language)
        reader.get(url)
        assert reader.get(url)["X-Page-Cache"] == "hit"


def page(reader: Client, article: Article, language: str = "en"):
    response = reader.get(article.get_absolute_url(language))
    assert response.status_code == 200
    return response


def test_an_admin_title_edit_renews_the_pages_listing_it_and_no_other(admin_client, site):
    reader = Client()
    cached(reader, site["Y"], site["Z"])
    assert more_in(page(reader, site["Y"]).content.decode()) == ["X here"]
    published_at = fresh(site["X"]).published_at
    assert post_change(admin_client, site["X"], title_en="X renamed").status_code == 302
    response = page(reader, site["Y"])
    assert response["X-Page-Cache"] == "miss"
    assert more_in(response.content.decode()) == ["X renamed"]
    other = page(reader, site["Z"])
    assert other["X-Page-Cache"] == "hit" and more_in(other.content.decode()) == ["W there"]
    # The form sends the time to the second: sent back unchanged, the stored time stays.
    assert fresh(site["X"]).published_at == published_at


def test_a_saved_title_renews_the_pages_listing_it_and_no_other(site):
    """An editor's save (the newsroom benchmark's edit): the followed save compares the
    loaded values."""
    reader = Client()
    cached(reader, site["Y"], site["Z"])
    x = fresh(site["X"])
    x.title_en = "X saved"
    x.save()
    assert more_in(page(reader, site["Y"]).content.decode()) == ["X saved"]
    assert page(reader, site["Z"])["X-Page-Cache"] == "hit"


def test_an_accepted_machine_title_renews_the_pages_listing_it_and_no_other(site, translator):
    reader = Client()
    cached(reader, site["Y"], site["Z"], language="tr")
    draft = MachineTranslation.objects.create(
        article=site["X"],
        language="tr",
        field="title",
        status=MachineTranslation.Status.READY,
        text="X Türkçe",
        model_name="translator-7b",
        finished_at=timezone.now(),
    )
    machine_translation_accept(draft=draft, user=translator)
    assert more_in(page(reader, site["Y"], "tr").content.decode()) == ["X Türkçe"]
    assert page(reader, site["Z"], "tr")["X-Page-Cache"] == "hit"


def test_a_new_byline_renews_the_pages_listing_it_and_no_other(site):
    reader = Client()
    author = make_author(name="Grace Hopper")  # (a new author renews every page)
    cached(reader, site["Y"], site["Z"])
    site["X"].authors.set([author])
    aside = page(reader, site["Y"]).content.decode().split('class="reading-on"', 1)[1]
    assert "Grace Hopper" in aside
    assert page(reader, site["Z"])["X-Page-Cache"] == "hit"


def test_featuring_an_article_renews_the_pages_listing_it_and_no_other(site, admin_user):
    reader = Client()
    cached(reader, site["Y"], site["Z"])
    services.article_feature(article=fresh(site["X"]), user=admin_user)
    assert page(reader, site["Y"])["X-Page-Cache"] == "miss"
    assert page(reader, site["Z"])["X-Page-Cache"] == "hit"


def test_publishing_an_article_puts_it_on_every_page_of_its_category(site, admin_user):
    reader = Client()
    cached(reader, site["Y"], site["Z"])
    draft = make_article(
        title_en="New here",
        category=site["Y"].category,
        status=Article.Status.DRAFT,
        published_at=None,
    )
    assert more_in(page(reader, site["Y"]).content.decode()) == ["X here"]
    services.article_publish(article=fresh(draft), user=admin_user)
    assert more_in(page(reader, site["Y"]).content.decode()) == ["New here", "X here"]
    assert more_in(page(reader, site["Z"]).content.decode()) == ["W there"]


def test_unpublishing_or_deleting_an_article_takes_it_off_the_lists(site, admin_user):
    reader = Client()
    cached(reader, site["Y"], site["W"])
    services.article_unpublish(article=fresh(site["X"]), user=admin_user)
    assert more_in(page(reader, site["Y"]).content.decode()) == []
    cached(reader, site["Y"])
    site["Z"].delete()
    assert more_in(page(reader, site["W"]).content.decode()) == []


def test_moving_an_article_to_another_category_moves_it_between_lists(admin_client, site):
    reader = Client()
    cached(reader, site["Y"], site["Z"])
    there = site["Z"].category
    assert post_change(admin_client, site["X"], category=there.pk).status_code == 302
    assert more_in(page(reader, site["Y"]).content.decode()) == []
    assert more_in(page(reader, site["Z"]).content.decode()) == ["X here", "W there"]


def test_a_new_publication_time_reorders_the_lists(admin_client, site):
    reader = Client()
    make_article(
        title_en="Third here",
        category=site["Y"].category,
        published_at=timezone.now() - timedelta(hours=2),
    )
    cached(reader, site["Y"])
    assert more_in(page(reader, site["Y"]).content.decode()) == ["X here", "Third here"]
    earlier = timezone.now() - timedelta(hours=2, minutes=30)
    assert post_change(admin_client, site["X"], published_at=earlier).status_code == 302
    assert more_in(page(reader, site["Y"]).content.decode()) == ["Third here", "X here"]


def test_tagging_an_article_puts_it_in_related_and_untagging_takes_it_out(site):
    reader = Client()
    tag = make_tag()
    site["Y"].tags.set([tag])
    cached(reader, site["Y"])
    assert related(page(reader, site["Y"]).content.decode()) == []
    site["W"].tags.add(tag)
    assert related(page(reader, site["Y"]).content.decode()) == ["W there"]
    tag.articles.add(site["Z"])  # from the tag's side
    assert related(page(reader, site["Y"]).content.decode()) == ["W there", "Z there"]
    site["W"].tags.remove(tag)
    assert related(page(reader, site["Y"]).content.decode()) == ["Z there"]
    # A tagged article's card, edited, renews the page whose "Related" shows it.
    z = fresh(site["Z"])
    z.title_en = "Z renamed"
    z.save()
    assert related(page(reader, site["Y"]).content.decode()) == ["Z renamed"]


def test_a_warm_miss_still_depends_on_the_cards_it_shows(site):
    """The page-cache entry gone, its parts kept: the lists come from the kept part and
    the kept ids, and the page still depends on the cards they show."""
    reader = Client()
    url = site["Y"].get_absolute_url("en")
    cached(reader, site["Y"])
    key = page_key(RequestFactory().get(url))
    assert cache.get(key) is not None
    cache.delete_many([key, text_key(key)])
    with CaptureQueriesContext(connection) as queries:
        warm = reader.get(url)
    assert warm["X-Page-Cache"] == "miss" and more_in(warm.content.decode()) == ["X here"]
    # The article, and the next scheduled publication (the page's lifetime): the lists'
    # ids and their part were kept.
    assert len(queries) == 2, [q["sql"] for q in queries.captured_queries]
    assert reader.get(url)["X-Page-Cache"] == "hit"
    x = fresh(site["X"])
    x.title_en = "X after the warm miss"
    x.save()
    assert more_in(page(reader, site["Y"]).content.decode()) == ["X after the warm miss"]


def test_a_hit_with_lists_reads_no_database(site, django_assert_num_queries):
    reader = Client()
    cached(reader, site["Y"])
    with django_assert_num_queries(0):
        assert page(reader, site["Y"])["X-Page-Cache"] == "hit"


def test_an_edit_of_a_listed_article_moves_the_pages_last_modified(site):
    """A browser asking with the old Last-Modified gets the new list, never a 304."""
    reader = Client()
    first = page(reader, site["Y"])
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        x = fresh(site["X"])
        x.title_en = "X later"
        x.save()
        again = reader.get(
            site["Y"].get_absolute_url("en"), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
        )
        assert again.status_code == 200 and more_in(again.content.decode()) == ["X later"]
        assert again["Last-Modified"] != first["Last-Modified"]
        assert again["Last-Modified"] <= http_date()


def test_a_save_compares_with_what_the_database_holds(django_capture_on_commit_callbacks):
    x = fresh(make_article())
    here = x.category_id
    x.title_en = "Only the title"
    assert not x.moves_reading_on()
    x.category = make_category()
    assert x.moves_reading_on()
    with django_capture_on_commit_callbacks(execute=True):
        x.save()
    assert not x.moves_reading_on()  # committed: the database holds what it saved
    x.category_id = here
    x.save()
    # Not committed yet (the test's transaction): unknown, so counted as moved, even
    # when set back as it was.
    x.category_id = here
    assert x.moves_reading_on()
    assert Article.objects.only("pk", "title_en").get(pk=x.pk).moves_reading_on()  # deferred
    assert Article(title_en="Not saved", category_id=here).moves_reading_on()
