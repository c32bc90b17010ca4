import re
from datetime import UTC, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.management.commands import load_demo
from articles.management.commands.load_demo import DEMO_CONTENT, read_demo
from articles.models import (
    LANGUAGE_CODES,
    Article,
    Author,
    Category,
    Source,
    Tag,
    TranslationRecord,
)
from pages.models import Page
from tests.languages import UNCONFIGURED


@pytest.mark.django_db
def test_demo_content_is_a_real_front_page(client):
    call_command("load_demo", "--if-empty", stdout=StringIO())
    articles = Article.objects.published()
    assert articles.count() >= 8
    assert Category.objects.filter(articles__isnull=False).distinct().count() >= 3
    assert Source.objects.filter(articles__isnull=False).distinct().count() >= 2
    # Bylines, author pages in both languages, and tags that make "Related" lists.
    assert Author.objects.filter(articles__isnull=False).distinct().count() >= 3
    assert Author.objects.exclude(bio_tr="").exclude(bio_en="").exists()
    assert articles.filter(authors__isnull=True).exists()  # the newsroom's own byline too
    assert Tag.objects.filter(articles__isnull=False).distinct().count() >= 5
    assert all(tag.name_tr and tag.slug_tr for tag in Tag.objects.all())
    for author in Author.objects.all():
        assert client.get(author.get_absolute_url("tr")).status_code == 200
    assert (
        articles.exclude(title_tr__isnull=True).exclude(title_tr="").count() > articles.count() / 2
    )
    bodies = [a.body_en for a in articles]
    assert any("```" in body for body in bodies)
    assert any("|---" in body or "| ---" in body or "|:--" in body for body in bodies)
    dates = sorted(a.published_at for a in articles)
    assert (dates[-1] - dates[0]).days >= 14
    for article in articles:
        assert client.get(article.get_absolute_url("en")).status_code == 200
        assert client.get(article.get_absolute_url("tr")).status_code == 200


@pytest.mark.django_db
def test_loaded_articles_hold_exactly_what_their_files_say():
    demo = read_demo()
    out = StringIO()
    call_command("load_demo", stdout=out)
    # Then the other apps' demo content, in the same command (pages: the footer pages).
    assert out.getvalue() == f"Loaded {len(demo.articles)} demo articles.\nLoaded 3 footer pages.\n"

    categories = list(Category.objects.order_by("position"))
    assert [(c.slug_en, c.slug_tr, c.name_en, c.name_tr) for c in categories] == [
        (c["slug"]["en"], c["slug"]["tr"], c["name"]["en"], c["name"]["tr"])
        for c in demo.categories
    ]
    assert sorted(Source.objects.values_list("name", "url")) == sorted(
        (s["name"], s["url"]) for s in demo.sources
    )
    category_slugs = {c["key"]: c["slug"]["en"] for c in demo.categories}
    source_names = {s["key"]: s["name"] for s in demo.sources}
    today = timezone.now().astimezone(UTC).date()  # The loader sets the time of day in UTC.
    assert Article.objects.count() == len(demo.articles)
    for item in demo.articles:
        article = Article.objects.get(title_en=item.text("title", "en"))
        assert article.category.slug_en == category_slugs[item.category]
        assert (article.source.name if article.source else None) == source_names.get(item.source)
        assert article.original_url == item.original_url
        assert article.original_language == item.original_language
        assert article.status == Article.Status.PUBLISHED
        published = article.published_at.astimezone(UTC)
        assert (published.hour, published.minute) == (item.hour, item.minute)
        assert abs((today - published.date()) - timedelta(days=item.days_ago)) <= timedelta(1)
        for code in LANGUAGE_CODES:
            for name in ("title", "standfirst", "body", "summary"):
                assert (getattr(article, f"{name}_{code}") or "") == item.text(name, code)
        # The editor's save path ran: public ID, slugs, reading time, translation records.
        assert article.public_id and article.slug_en and article.reading_time >= 1
        translated = {code for code in LANGUAGE_CODES if code != "en" and item.text("title", code)}
        assert (
            set(
                TranslationRecord.objects.filter(article=article).values_list("language", flat=True)
            )
            == translated
        )


@pytest.mark.django_db
def test_load_demo_if_empty_never_duplicates():
    call_command("load_demo", "--if-empty", stdout=StringIO())
    count = Article.objects.count()
    call_command("load_demo", "--if-empty", stdout=StringIO())
    assert Article.objects.count() == count


@pytest.mark.django_db
def test_dry_run_changes_nothing():
    out = StringIO()
    call_command("load_demo", "--dry-run", stdout=out)
    assert out.getvalue() == (
        "Would load 4 categories, 2 sources, 3 authors, 8 tags and 10 articles.\n"
        "Would load 3 footer pages.\n"
    )
    assert not Article.objects.exists()
    assert not Page.objects.exists()


def test_every_article_folder_has_english_and_only_language_files():
    folders = [p for p in DEMO_CONTENT.iterdir() if p.is_dir()]
    assert len(folders) == len(read_demo().articles) == 10
    for folder in folders:
        assert (folder / "en.md").is_file(), folder
        assert {p.stem for p in folder.glob("*.md")} <= set(LANGUAGE_CODES), folder
        number, _dash, slug = folder.name.partition("-")
        assert number.isdigit() and len(number) == 2 and slug, folder


SITE = """\
[[categories]]
key = "software"
name = { en = "Software", tr = "Yazılım" }
slug = { en = "software", tr = "yazilim" }

[[sources]]
key = "dev-to"
name = "DEV Community"
url = "https://dev.to/"
"""

EN = """\
+++
title = "A title"
standfirst = "A standfirst."
category = "software"
source = "dev-to"
original_language = "en"
days_ago = 1
hour = 9
minute = 30
+++

## A body

With `code`.
"""

TR = """\
+++
title = "Bir başlık"
summary = "Bir özet."
+++
"""


def write_demo(root: Path, *, site=SITE, en=EN, tr=TR, folder="01-a-title") -> Path:
    (root / folder).mkdir(parents=True)
    (root / "site.toml").write_text(site, encoding="utf-8")
    if en is not None:
        (root / folder / "en.md").write_text(en, encoding="utf-8")
    if tr is not None:
        (root / folder / "tr.md").write_text(tr, encoding="utf-8")
    return root / folder


def test_reader_reads_front_matter_and_body(tmp_path):
    write_demo(tmp_path)
    demo = read_demo(tmp_path)
    assert demo.categories[0]["name"] == {"en": "Software", "tr": "Yazılım"}
    assert demo.sources == [{"key": "dev-to", "name": "DEV Community", "url": "https://dev.to/"}]
    [item] = demo.articles
    assert (item.category, item.source, item.original_url) == ("software", "dev-to", "")
    assert (item.days_ago, item.hour, item.minute) == (1, 9, 30)
    assert item.text("body", "en") == "## A body\n\nWith `code`."
    assert item.text("summary", "en") == ""
    assert item.text("title", "tr") == "Bir başlık"
    assert item.text("body", "tr") == ""


# (file, text replaced, replacement, expected in the message)
MALFORMED = [
    ("en.md", "+++\ntitle", "title", 'en.md:1: must open with a "+++" line'),
    ("en.md", "+++\n\n##", "\n##", "en.md:1: the front matter opened here is never closed"),
    ("en.md", '"A standfirst."', "A standfirst.", "en.md:3: invalid TOML: Invalid value"),
    ("en.md", '"software"', '"sport"', 'en.md:4: unknown category "sport"; site.toml defines'),
    ("en.md", '"dev-to"', '"devto"', 'en.md:5: unknown source "devto"'),
    ("en.md", "hour = 9", 'authors = ["nobody"]\nhour = 9', 'en.md:8: unknown authors "nobody"'),
    ("en.md", "hour = 9", 'tags = "python"\nhour = 9', 'en.md:8: "tags" must be a list of keys'),
    ("en.md", 'title = "A title"\n', "", 'en.md:1: the front matter has no "title"'),
    ("en.md", "hour = 9", "hour = 25", 'en.md:8: "hour" must be from 0 to 23'),
    ("en.md", "days_ago = 1", 'days_ago = "1"', 'en.md:7: "days_ago" must be a whole number'),
    ("en.md", "minute", "minutes", 'en.md:9: unknown field "minutes"'),
    ("en.md", "## A body\n\nWith `code`.", "", "en.md:1: the article's original language"),
    ("tr.md", "+++\n", "+++\nhour = 3\n", 'tr.md:2: unknown field "hour"; it belongs in en.md'),
    ("site.toml", 'key = "software"', "key = software", "site.toml:2: invalid TOML"),
    (
        "site.toml",
        'tr = "yazilim"',
        f'{UNCONFIGURED} = "yazilim"',
        f'site.toml:1: "slug" must map {", ".join(LANGUAGE_CODES)}',
    ),
    ("site.toml", 'url = "https://dev.to/"', "", 'site.toml:6: "url" is missing or not text'),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), MALFORMED)
def test_reader_errors_name_the_file_and_line(tmp_path, file, old, new, expected):
    folder = write_demo(tmp_path)
    path = tmp_path / file if file == "site.toml" else folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        read_demo(tmp_path)
    message = str(error.value)
    assert expected in message
    assert str(path.relative_to(tmp_path.parent)) in message


def test_reader_errors_for_missing_or_unknown_language_files(tmp_path):
    folder = write_demo(tmp_path, en=None)
    with pytest.raises(CommandError, match="01-a-title: has no en.md"):
        read_demo(tmp_path)
    (folder / "en.md").write_text(EN, encoding="utf-8")
    (folder / f"{UNCONFIGURED}.md").write_text(TR, encoding="utf-8")
    files = re.escape(", ".join(f"{code}.md" for code in LANGUAGE_CODES))
    with pytest.raises(
        CommandError, match=rf"{UNCONFIGURED}\.md: the site's languages are {files}"
    ):
        read_demo(tmp_path)


@pytest.mark.django_db
def test_malformed_content_stops_the_command_before_anything_is_saved(tmp_path, monkeypatch):
    write_demo(tmp_path, tr=TR.replace('title = "Bir başlık"\n', ""))
    monkeypatch.setattr(load_demo, "DEMO_CONTENT", tmp_path)
    with pytest.raises(CommandError, match='tr.md:1: the front matter has no "title"'):
        call_command("load_demo", stdout=StringIO())
    assert not Category.objects.exists()
    assert not Article.objects.exists()
