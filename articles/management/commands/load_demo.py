from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles import demo_data
from articles.models import LANGUAGE_CODES, Article, Category, Source
from articles.summaries.services import summary_record_edit


class Command(BaseCommand):
    help = "Load the demo articles, categories and sources (only into an empty database)."

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
        if dry_run:
            self.stdout.write(
                f"Would load {len(demo_data.CATEGORIES)} categories, "
                f"{len(demo_data.SOURCES)} sources and {len(demo_data.ARTICLES)} articles."
            )
            return
        with transaction.atomic():
            created = self.load()
        self.stdout.write(self.style.SUCCESS(f"Loaded {created} demo articles."))

    def load(self) -> int:
        categories = {}
        for position, item in enumerate(demo_data.CATEGORIES):
            categories[item["key"]], _created = Category.objects.update_or_create(
                slug_en=item["slug_en"],
                defaults={
                    "name_en": item["name_en"],
                    "name_tr": item["name_tr"],
                    "slug_tr": item["slug_tr"],
                    "position": position,
                },
            )
        sources = {}
        for item in demo_data.SOURCES:
            sources[item["key"]], _created = Source.objects.update_or_create(
                name=item["name"], defaults={"url": item["url"]}
            )
        now = timezone.now().replace(second=0, microsecond=0)
        for item in demo_data.ARTICLES:
            published_at = (now - timedelta(days=item["days_ago"])).replace(
                hour=item["hour"], minute=item["minute"]
            )
            article = Article(
                category=categories[item["category"]],
                source=sources.get(item["source"]) if item["source"] else None,
                original_url=item["original_url"],
                original_language="en",
                status=Article.Status.PUBLISHED,
                published_at=published_at,
            )
            for field in ("title", "standfirst", "body"):
                for code in ("en", "tr"):
                    setattr(article, f"{field}_{code}", item.get(f"{field}_{code}", ""))
            article.save()
            self.after_create(article, item)
        return len(demo_data.ARTICLES)

    def after_create(self, article: Article, item: dict) -> None:
        """Hook for content other apps attach to demo articles (summaries)."""
        # The demo summaries are written by the team: ready, and edited by a person.
        for code in LANGUAGE_CODES:
            text = item.get(f"summary_{code}", "")
            if text:
                summary_record_edit(article=article, language=code, text=text)
