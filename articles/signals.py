from django.dispatch import Signal

# Sent by ``load_demo`` inside its transaction, after the articles: apps above this one
# load their own demo content (``dry_run``: only say what they would load). A receiver
# returns a line for the command's report, or None.
demo_loaded = Signal()
