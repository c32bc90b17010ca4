from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.models import LANGUAGE_CODES, Article, SummaryState
from articles.summaries.queueing import Decision, summaries_enqueue

State = SummaryState.State


class Command(BaseCommand):
    help = (
        "Queue AI summaries of published articles for the background worker "
        "(`manage.py db_worker`). By default: the missing, stale and failed ones. "
        "Summaries edited by a person are never touched."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--language",
            action="append",
            choices=LANGUAGE_CODES,
            help="Only this language (repeat for several; default: all).",
        )
        parser.add_argument("--missing", action="store_true", help="Queue missing summaries.")
        parser.add_argument("--stale", action="store_true", help="Queue stale summaries.")
        parser.add_argument("--failed", action="store_true", help="Queue failed summaries.")
        parser.add_argument(
            "--article",
            action="append",
            metavar="PUBLIC_ID",
            help="Only this article (repeat for several).",
        )
        parser.add_argument(
            "--all-statuses",
            action="store_true",
            help="Include drafts, articles in review and archived ones.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Show what would be queued.")

    def handle(self, *args, **options):
        flags = {State.MISSING: "missing", State.STALE: "stale", State.FAILED: "failed"}
        selected = {state for state, flag in flags.items() if options[flag]} or set(flags)
        articles = Article.objects.order_by("pk")
        if not options["all_statuses"]:
            articles = articles.filter(status=Article.Status.PUBLISHED)
        if options["article"]:
            wanted = {code.upper().lstrip("#") for code in options["article"]}
            articles = articles.filter(public_id__in=wanted)
            unknown = wanted - set(articles.values_list("public_id", flat=True))
            if unknown:
                raise CommandError(f"No such article: {', '.join(sorted(unknown))}")
        dry_run = options["dry_run"]
        try:
            with transaction.atomic():
                report = summaries_enqueue(
                    articles=articles.iterator(),
                    languages=options["language"],
                    only=selected,
                    dry_run=dry_run,
                )
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error

        verbosity = options["verbosity"]
        for article, language, decision in report.pairs:
            if decision == Decision.QUEUE and (dry_run or verbosity > 1):
                verb = "Would queue" if dry_run else "Queued"
                self.stdout.write(f"{verb} #{article.public_id} [{language}] {article}")
            elif decision == Decision.UNSUPPORTED and verbosity > 0:
                outcome = "would stay missing" if dry_run else "left missing"
                self.stdout.write(
                    self.style.WARNING(
                        f"Cannot write #{article.public_id} [{language}] with this backend; "
                        f"{outcome}."
                    )
                )
            elif verbosity > 2:
                self.stdout.write(f"Skipped #{article.public_id} [{language}]: {decision}")
        counts = report.counts
        if dry_run:
            self.stdout.write(f"Dry run: {counts[Decision.QUEUE]} summaries would be queued.")
        elif verbosity > 0:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Queued {counts[Decision.QUEUE]} summaries "
                    f"({counts[Decision.PROTECTED]} edited by a person left alone, "
                    f"{counts[Decision.ALREADY_QUEUED]} already queued)."
                )
            )
