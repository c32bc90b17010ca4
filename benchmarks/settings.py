"""`make bench`'s settings: production's, plus a bare view as a second baseline."""

from config.settings.prod import *  # noqa: F403
from config.settings.prod import BASE_DIR, TEMPLATES

ROOT_URLCONF = "benchmarks.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "benchmarks" / "templates"]
