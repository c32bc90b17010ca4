"""``makemessages`` with the project's defaults: no line numbers, only our own code."""

from django.core.management.commands import makemessages

IGNORE_PATTERNS = [".venv", "var", "node_modules", "tests", "docs", ".ci"]


class Command(makemessages.Command):
    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *IGNORE_PATTERNS]
        # Line numbers change with every edit; leaving them out keeps diffs readable.
        options["no_location"] = True
        # Old entries live in git history; in the catalogue they only confuse.
        options["no_obsolete"] = True
        return super().handle(*args, **options)
