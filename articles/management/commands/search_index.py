"""Rebuild the search index (``articles.search``) from the articles."""

from django.core.management.base import BaseCommand, CommandError

from articles import search
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every article, in one transaction: readers see the "
        "old index until the new one is complete. Safe to run again and while serving."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="Replace the index with a fresh one."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say how many articles would be indexed."
        )

    def handle(self, *args, rebuild: bool, dry_run: bool, verbosity: int, **options):
        if not rebuild:
            raise CommandError("Nothing to do: pass --rebuild.")
        articles = Article.objects.order_by("pk")
        if dry_run:
            self.stdout.write(f"Would index {articles.count()} articles.")
            return
        count = search.rebuild(articles.iterator(chunk_size=200))
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Indexed {count} articles."))
