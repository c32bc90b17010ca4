from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.models import Source
from republishing.models import FeedCheck
from republishing.tasks import run_feed_check


class Command(BaseCommand):
    help = (
        "Queue a check of every source's feed (or the named ones) for new articles; "
        "the worker runs them and lists what it finds under Feed entries."
    )

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="*", help="Source names (default: every feed).")
        parser.add_argument("--dry-run", action="store_true", help="List, queue nothing.")

    @transaction.atomic
    def handle(self, *args, sources, dry_run: bool, **options):
        queryset = Source.objects.exclude(feed_url="")
        if sources:
            queryset = queryset.filter(name__in=sources)
            missing = set(sources) - set(queryset.values_list("name", flat=True))
            if missing:
                raise CommandError(f"No source with a feed named: {', '.join(sorted(missing))}")
        for source in queryset:
            if not dry_run:
                check = FeedCheck.objects.create(source=source)
                run_feed_check.enqueue(check_id=check.pk)
            if options["verbosity"] >= 1:
                verb = "Would check" if dry_run else "Queued a check of"
                self.stdout.write(f"{verb} {source.name}: {source.feed_url}")
        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS(f"{queryset.count()} feed(s)."))
