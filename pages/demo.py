"""The demo footer pages in ``pages/demo_content/``, loaded by ``manage.py load_demo``.

A folder per page, in name order (its footer position), with a Markdown file per
language: TOML front matter (``title``, optional ``slug``) between ``+++`` lines, then
the body, as the demo articles are written.
"""

from pathlib import Path

from django.core.management.base import CommandError

from articles.management.commands.load_demo import read_front_matter
from core.languages import LANGUAGE_CODES

from .models import Page

DEMO_PAGES = Path(__file__).resolve().parent / "demo_content"


def read_demo_pages(root: Path = DEMO_PAGES) -> list[dict]:
    pages = []
    for position, folder in enumerate(sorted(p for p in root.iterdir() if p.is_dir())):
        fields = {"position": position, "status": Page.Status.PUBLISHED}
        for code in LANGUAGE_CODES:
            path = folder / f"{code}.md"
            if not path.is_file():
                continue
            data, body, _lines = read_front_matter(path)
            if unknown := set(data) - {"title", "slug"}:
                raise CommandError(f"{path}: unknown field(s) {', '.join(sorted(unknown))}.")
            fields[f"title_{code}"] = data.get("title", "").strip()
            fields[f"slug_{code}"] = data.get("slug", "").strip()
            fields[f"body_{code}"] = body
        if not fields.get("title_en") or not fields.get("body_en"):
            raise CommandError(f"{folder}: en.md needs a title and a body.")
        pages.append(fields)
    return pages


def load_demo_pages(sender, *, dry_run: bool, **kwargs) -> str:
    """``demo_loaded`` receiver: create or update the demo pages by their English slug."""
    pages = read_demo_pages()
    if dry_run:
        return f"Would load {len(pages)} footer pages."
    for fields in pages:
        page = Page.objects.filter(slug_en=fields["slug_en"]).first() or Page()
        for name, value in fields.items():
            setattr(page, name, value)
        page.full_clean()
        page.save()
    return f"Loaded {len(pages)} footer pages."
