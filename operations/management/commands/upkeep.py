from django.core.management.base import BaseCommand
from django.utils import timezone

from operations import upkeep


class Command(BaseCommand):
    help = (
        "Run the upkeep jobs that are due now, as a worker does every "
        "BROADSHEET_UPKEEP_TICK_SECONDS (a job already run in its interval, by any worker, "
        "is not run again). --list shows the schedule instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="Show each job's runs.")

    def handle(self, *args, list: bool, **options):
        if list:
            for status in upkeep.schedule():
                last = status.last_run
                last_text = (
                    f"{timezone.localtime(last.started_at):%Y-%m-%d %H:%M} {last.outcome}"
                    if last
                    else "never"
                )
                next_text = (
                    f"{timezone.localtime(status.next_run):%Y-%m-%d %H:%M}"
                    if status.next_run
                    else "off"
                )
                self.stdout.write(
                    f"{status.job.name:<20} every {status.job.interval:>6}s  "
                    f"last: {last_text:<24} next: {next_text}"
                )
            return
        ran = upkeep.run_due()
        if options["verbosity"] > 0:
            self.stdout.write(f"Ran: {', '.join(ran)}" if ran else "Nothing was due.")
