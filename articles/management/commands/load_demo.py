"""Load the demo content in ``articles/demo_content/`` through an editor's save path.

The folder holds ``site.toml`` (categories in menu order, sources, authors with their
bios, tags) and a folder per
article, loaded in name order, with a Markdown file per language (``en.md``, ``tr.md``).
Each file opens with TOML front matter between ``+++`` lines, Hugo's convention; the
rest of the file is that language's body. ``en.md`` also carries the article's own
fields (an article without a ``source`` is the newsroom's own reporting); another
language's file may translate only the title, standfirst and summary and leave the body
empty. Every article goes through ``Article.save()``, as an editor's save does.
"""

import re
import tomllib
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles.images.renditions import renditions_enqueue
from articles.images.uploads import LeadImageFormField
from articles.models import LANGUAGE_CODES, Article, Author, Category, Source, Tag
from articles.signals import demo_loaded
from articles.summaries.services import summary_record_edit

DEMO_CONTENT = Path(__file__).resolve().parents[2] / "demo_content"
DELIMITER = "+++"
ARTICLE_FILE = "en.md"

# Front matter fields: (type, required). Every language file has the text fields;
# only ARTICLE_FILE has the article fields.
TEXT_FIELDS = {
    "title": (str, True),
    "slug": (str, False),
    "standfirst": (str, False),
    "summary": (str, False),
    # The lead image is the folder's lead.jpg or lead.png (see make_images.py there).
    "image_alt": (str, False),
    "image_caption": (str, False),
    "image_credit": (str, False),
}
IMAGE_FILES = ("lead.jpg", "lead.png")
ARTICLE_FIELDS = {
    "category": (str, True),
    "source": (str, False),
    "original_url": (str, False),
    "original_language": (str, True),
    "authors": (list, False),
    "tags": (list, False),
    "days_ago": (int, True),
    "hour": (int, True),
    "minute": (int, True),
}
RANGES = {"days_ago": range(3651), "hour": range(24), "minute": range(60)}


@dataclass(frozen=True)
class DemoArticle:
    folder: Path
    category: str
    source: str | None
    original_url: str
    original_language: str
    days_ago: int
    hour: int
    minute: int
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    texts: dict[str, dict[str, str]]  # language -> title, slug, standfirst, summary, body
    image: Path | None = None

    def text(self, name: str, language: str) -> str:
        return self.texts.get(language, {}).get(name, "")


@dataclass(frozen=True)
class DemoContent:
    categories: list[dict]  # key, name and slug ({language: text}), in menu order
    sources: list[dict]  # key, name, url
    articles: list[DemoArticle]
    authors: list[dict]  # key, name, slug, bio ({language: text})
    tags: list[dict]  # key, name and slug ({language: text})


def read_demo(root: Path | None = None) -> DemoContent:
    """Read and check the demo folder; any problem is a CommandError naming file and line."""
    root = root or DEMO_CONTENT
    categories, sources, authors, tags = _read_site(root / "site.toml")
    folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    if not folders:
        raise CommandError(f"{_shown(root)}: no article folders.")
    articles = [_read_article(folder, categories, sources, authors, tags) for folder in folders]
    return DemoContent(
        list(categories.values()),
        list(sources.values()),
        articles,
        list(authors.values()),
        list(tags.values()),
    )


def read_front_matter(path: Path) -> tuple[dict, str, list[str]]:
    """A Markdown file's front matter, its body, and its lines (to point at in errors)."""
    lines = _read_text(path).splitlines()
    if not lines or lines[0].strip() != DELIMITER:
        raise _error(path, 1, f'must open with a "{DELIMITER}" line starting the front matter')
    close = next((n for n, line in enumerate(lines[1:], 1) if line.strip() == DELIMITER), None)
    if close is None:
        raise _error(path, 1, f'the front matter opened here is never closed by "{DELIMITER}"')
    data = _parse_toml(path, "\n".join(lines[1:close]), first_line=2)
    return data, "\n".join(lines[close + 1 :]).strip(), lines


def _read_site(path: Path) -> tuple[dict, dict, dict, dict]:
    text = _read_text(path)
    lines = text.splitlines()
    data = _parse_toml(path, text, first_line=1)
    for name in data:
        if name not in ("categories", "sources", "authors", "tags"):
            raise _error(path, _line_of(lines, name), f'unknown table "{name}"')
    categories, sources, authors, tags = {}, {}, {}, {}
    for table, found in (("categories", categories), ("tags", tags)):
        for line, entry in _entries(path, lines, data, table):
            item = _check_entry(path, line, entry, {"key": str, "name": dict, "slug": dict})
            _check_languages(path, line, item, ("name", "slug"), english=True)
            _add(path, line, found, item)
    for line, entry in _entries(path, lines, data, "sources"):
        item = _check_entry(path, line, entry, {"key": str, "name": str, "url": str})
        _add(path, line, sources, item)
    for line, entry in _entries(path, lines, data, "authors"):
        item = _check_entry(path, line, entry, {"key": str, "name": str, "slug": str, "bio": dict})
        _check_languages(path, line, item, ("bio",), english=False)
        _add(path, line, authors, item)
    if not categories:
        raise _error(path, 1, "defines no [[categories]]")
    return categories, sources, authors, tags


def _check_languages(path: Path, line: int, item: dict, names, *, english: bool) -> None:
    for name in names:
        for code, value in item[name].items():
            if code not in LANGUAGE_CODES or not isinstance(value, str):
                raise _error(path, line, f'"{name}" must map {_codes()} to text')
        if english and not item[name].get("en", "").strip():
            raise _error(path, line, f'"{name}" has no English ("en")')


def _read_article(
    folder: Path, categories: dict, sources: dict, authors: dict, tags: dict
) -> DemoArticle:
    if not (folder / ARTICLE_FILE).is_file():
        raise CommandError(f"{_shown(folder)}: has no {ARTICLE_FILE}.")
    for path in sorted(folder.glob("*.md")):
        if path.stem not in LANGUAGE_CODES:
            raise CommandError(f"{_shown(path)}: the site's languages are {_codes('.md')}.")
    texts, fields = {}, {}
    for code in LANGUAGE_CODES:
        path = folder / f"{code}.md"
        if not path.is_file():
            continue
        data, body, lines = read_front_matter(path)
        if path.name == ARTICLE_FILE:
            _check_fields(path, lines, data, TEXT_FIELDS | ARTICLE_FIELDS)
            fields = {name: data.get(name) for name in ARTICLE_FIELDS}
            _check_key(path, lines, "category", fields["category"], categories)
            if fields["source"] is not None:
                _check_key(path, lines, "source", fields["source"], sources)
            for name, known in (("authors", authors), ("tags", tags)):
                for key in fields[name] or ():
                    _check_key(path, lines, name, key, known)
            if fields["original_language"] not in LANGUAGE_CODES:
                line = _line_of(lines, "original_language")
                raise _error(path, line, f'"original_language" must be one of {_codes()}')
        else:
            _check_fields(path, lines, data, TEXT_FIELDS)
        texts[code] = {name: data.get(name, "").strip() for name in TEXT_FIELDS} | {"body": body}
    original = fields["original_language"]
    if not texts.get(original, {}).get("body"):
        message = f"the article's original language is {original}, so {original}.md needs a body"
        raise _error(folder / f"{original}.md", 1, message)
    image = next((folder / n for n in IMAGE_FILES if (folder / n).is_file()), None)
    if image and not texts[original]["image_alt"]:
        message = f"{image.name} needs its alternative text: add image_alt"
        raise _error(folder / f"{original}.md", 1, message)
    return DemoArticle(
        folder=folder,
        category=fields["category"],
        source=fields["source"],
        original_url=fields["original_url"] or "",
        original_language=original,
        days_ago=fields["days_ago"],
        hour=fields["hour"],
        minute=fields["minute"],
        authors=tuple(fields["authors"] or ()),
        tags=tuple(fields["tags"] or ()),
        texts=texts,
        image=image,
    )


def _check_fields(path: Path, lines: list[str], data: dict, allowed: dict) -> None:
    for name in data:
        if name not in allowed:
            where = f"; it belongs in {ARTICLE_FILE}" if name in ARTICLE_FIELDS else ""
            raise _error(path, _line_of(lines, name), f'unknown field "{name}"{where}')
    for name, (kind, required) in allowed.items():
        if name not in data:
            if required:
                raise _error(path, 1, f'the front matter has no "{name}"')
            continue
        value, line = data[name], _line_of(lines, name)
        if kind is int and type(value) is not int:  # (bool is an int to Python, not here)
            raise _error(path, line, f'"{name}" must be a whole number')
        if kind is list and not (
            isinstance(value, list) and all(isinstance(key, str) for key in value)
        ):
            raise _error(path, line, f'"{name}" must be a list of keys, such as ["python"]')
        if kind is str and (not isinstance(value, str) or (required and not value.strip())):
            raise _error(path, line, f'"{name}" must be {"non-empty " if required else ""}text')
        if name in RANGES and value not in RANGES[name]:
            limits = RANGES[name]
            raise _error(path, line, f'"{name}" must be from {limits[0]} to {limits[-1]}')


def _check_entry(path: Path, line: int, entry: dict, kinds: dict) -> dict:
    for name, kind in kinds.items():
        if not isinstance(entry.get(name), kind) or not entry[name]:
            expected = "text" if kind is str else "a table of languages"
            raise _error(path, line, f'"{name}" is missing or not {expected}')
    if unknown := set(entry) - set(kinds):
        raise _error(path, line, f"unknown field {', '.join(sorted(map(repr, unknown)))}")
    return entry


def _check_key(path: Path, lines: list[str], name: str, key: str, known: dict) -> None:
    if key not in known:
        choices = ", ".join(known) or "none"
        message = f'unknown {name} "{key}"; site.toml defines: {choices}'
        raise _error(path, _line_of(lines, name), message)


def _add(path: Path, line: int, items: dict, item: dict) -> None:
    if item["key"] in items:
        raise _error(path, line, f'the key "{item["key"]}" is used twice')
    items[item["key"]] = item


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"{_shown(path)}: cannot be read ({error}).") from error


def _parse_toml(path: Path, text: str, *, first_line: int) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message, line = str(error), first_line + text.count("\n")
        if found := re.search(r" \(at line (\d+), column (\d+)\)$", message):
            message = f"{message[: found.start()]} (column {found[2]})"
            line = first_line + int(found[1]) - 1
        raise _error(path, line, f"invalid TOML: {message}") from error


def _line_of(lines: list[str], name: str) -> int:
    """The line where a TOML key is set, or 1 when it cannot be found."""
    pattern = re.compile(rf"\s*{re.escape(name)}\s*=")
    return next((n for n, line in enumerate(lines, 1) if pattern.match(line)), 1)


def _entries(path: Path, lines: list[str], data: dict, table: str) -> list[tuple[int, dict]]:
    """Each ``[[table]]`` entry with the line of its header."""
    entries = data.get(table, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise _error(path, _line_of(lines, table), f'"{table}" must be [[{table}]] tables')
    pattern = re.compile(rf"\s*\[\[\s*{table}\s*\]\]")
    headers = [n for n, line in enumerate(lines, 1) if pattern.match(line)]
    if len(headers) != len(entries):  # Written some other way: point at the array.
        headers = [_line_of(lines, table)] * len(entries)
    return list(zip(headers, entries, strict=True))


def _error(path: Path, line: int, message: str) -> CommandError:
    return CommandError(f"{_shown(path)}:{line}: {message}.")


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _codes(suffix: str = "") -> str:
    return ", ".join(f"{code}{suffix}" for code in LANGUAGE_CODES)


class Command(BaseCommand):
    help = (
        "Load the demo articles, categories, sources, authors and tags "
        "(only into an empty database)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when articles already exist (used by `make run`).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Show what would be loaded.")

    def handle(self, *args, if_empty: bool, dry_run: bool, **options):
        if Article.objects.exists():
            if if_empty:
                if options["verbosity"] > 1:
                    self.stdout.write("Articles exist; demo content not loaded.")
                return
            self.stderr.write(
                self.style.WARNING("Articles already exist; loading the demo adds more.")
            )
        demo = read_demo()
        if dry_run:
            self.stdout.write(
                f"Would load {len(demo.categories)} categories, {len(demo.sources)} sources, "
                f"{len(demo.authors)} authors, {len(demo.tags)} tags "
                f"and {len(demo.articles)} articles."
            )
            self.report(demo_loaded.send(sender=type(self), dry_run=True))
            return
        with transaction.atomic():
            created = self.load(demo)
            # Other apps' demo content (footer pages), in the same transaction.
            reports = demo_loaded.send(sender=type(self), dry_run=False)
        # Each save indexed its article already; the rebuild makes the whole index match.
        call_command("search_index", rebuild=True, verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Loaded {created} demo articles."))
        self.report(reports)

    def report(self, responses) -> None:
        for _receiver, line in responses:
            if line:
                self.stdout.write(line)

    def load(self, demo: DemoContent) -> int:
        categories = {}
        for position, item in enumerate(demo.categories):
            texts = {
                f"{name}_{code}": item[name].get(code, "")
                for name in ("name", "slug")
                for code in LANGUAGE_CODES
            }
            categories[item["key"]], _created = Category.objects.update_or_create(
                slug_en=texts.pop("slug_en"), defaults={**texts, "position": position}
            )
        sources = {}
        for item in demo.sources:
            sources[item["key"]], _created = Source.objects.update_or_create(
                name=item["name"], defaults={"url": item["url"]}
            )
        authors = {}
        for item in demo.authors:
            bios = {f"bio_{code}": item["bio"].get(code, "") for code in LANGUAGE_CODES}
            authors[item["key"]], _created = Author.objects.update_or_create(
                slug=item["slug"], defaults={"name": item["name"], **bios}
            )
        tags = {}
        for item in demo.tags:
            texts = {
                f"{name}_{code}": item[name].get(code, "")
                for name in ("name", "slug")
                for code in LANGUAGE_CODES
            }
            tags[item["key"]], _created = Tag.objects.update_or_create(
                slug_en=texts.pop("slug_en"), defaults=texts
            )
        now = timezone.now().replace(second=0, microsecond=0)
        for item in demo.articles:
            published_at = (now - timedelta(days=item.days_ago)).replace(
                hour=item.hour, minute=item.minute
            )
            article = Article(
                category=categories[item.category],
                source=sources[item.source] if item.source else None,
                original_url=item.original_url,
                original_language=item.original_language,
                status=Article.Status.PUBLISHED,
                published_at=published_at,
            )
            for code in LANGUAGE_CODES:
                for name in ("title", "standfirst", "body"):
                    setattr(article, f"{name}_{code}", item.text(name, code))
                if slug := item.text("slug", code):  # Otherwise save() makes one from the title.
                    setattr(article, f"slug_{code}", slug)
                for name in ("alt", "caption", "credit"):
                    setattr(article, f"lead_image_{name}_{code}", item.text(f"image_{name}", code))
            if item.image:
                # The editor's path: checked and stripped of metadata, named by content.
                upload = LeadImageFormField().clean(
                    SimpleUploadedFile(item.image.name, item.image.read_bytes())
                )
                article.lead_image.save(upload.name, upload, save=False)
            article.save()
            article.authors.set([authors[key] for key in item.authors])
            article.tags.set([tags[key] for key in item.tags])
            if item.image:
                renditions_enqueue(article=article)  # `make run`'s worker makes them
            self.after_create(article, item)
        return len(demo.articles)

    def after_create(self, article: Article, item: DemoArticle) -> None:
        """Hook for content other apps attach to demo articles (summaries)."""
        # The demo summaries are written by the team: ready, and edited by a person.
        for code in LANGUAGE_CODES:
            text = item.text("summary", code)
            if text:
                summary_record_edit(article=article, language=code, text=text)
