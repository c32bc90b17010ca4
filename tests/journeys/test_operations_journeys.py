"""The operator's commands on a live site: upkeep, the search index, backups, a restore."""

from .checks import Expect, expect_unchanged, snapshot
from .reader import FEED_PATH, LANGUAGES, article_path, visible_text
from .test_site_journeys import every_kind_of_page


def test_backup_upkeep_and_the_search_index_change_no_page(journeys, tmp_path):
    article = journeys.bystander()
    reader = journeys.reader()
    before = snapshot(reader, [*every_kind_of_page(article), *FEED_PATH.values()])
    journeys.site.manage("backup", "--dir", str(tmp_path), timeout=300)
    assert list(tmp_path.iterdir()), "manage.py backup wrote nothing"
    journeys.site.manage("search_index", "--rebuild", timeout=300)
    journeys.site.manage("upkeep", timeout=300)
    # The upkeep records in the back office: runs and heartbeats, deleted one by one and
    # with the list action.
    journeys.site.shell(
        "from django.utils import timezone\n"
        "from operations.models import WorkerHeartbeat\n"
        "for name in ('journey-a', 'journey-b', 'journey-c'):\n"
        "    WorkerHeartbeat.objects.create(worker=name, seen_at=timezone.now())\n"
    )
    newsroom = journeys.newsroom
    for model in ("operations.jobrun", "operations.workerheartbeat"):
        rows = newsroom.find(model, "")
        assert len(rows) >= 2, (model, rows)
        newsroom.delete(model, rows[0])
        newsroom.list_action(model, "delete_selected", rows[1:])
        assert not newsroom.find(model, ""), model
    expect = Expect("manage.py backup, search_index --rebuild, upkeep; upkeep records deleted")
    expect_unchanged(expect, reader, before)
    expect.verify()


def test_restoring_a_backup_brings_back_the_pages_readers_saw(journeys, tmp_path):
    """A restore puts the older database back, and readers get its pages, not the cached
    copies of the newer one."""
    article = journeys.take("published")
    reader = journeys.reader()
    path = article_path(article, "en")
    original = reader.cached(path).text
    journeys.site.manage("backup", "--dir", str(tmp_path), timeout=300)
    (backup,) = tmp_path.iterdir()
    journeys.site.shell(
        "from articles.models import Article\n"
        "article = Article.objects.get(public_id=VARIABLES['id'])\n"
        "article.title_en = 'Renamed after the backup'\n"
        "article.save()\n",
        id=article["public_id"],
    )
    assert "Renamed after the backup" in reader.cached(path).text
    journeys.site.manage("restore", "--no-input", str(backup), timeout=300)
    expect = Expect("manage.py restore")
    for language in LANGUAGES:
        page = reader.get(article_path(article, language))
        expect.check(page.status == 200, f"[{language}] the article answers {page.status}")
        expect.check(
            "Renamed after the backup" not in page.text,
            f"[{language}] the page still shows the title written after the backup",
        )
    expect.check(
        visible_text(reader.get(path).text) == visible_text(original),
        "the English page reads as it did before the title changed",
    )
    expect.verify()
