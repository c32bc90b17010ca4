"""Browser tests drive the system Chromium through Playwright (no downloaded browser)."""

import os
from pathlib import Path

import pytest

# The sync Playwright API runs an event loop in the test thread; Django's ORM calls made
# by the tests themselves are still synchronous and safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install it with `apt-get install -y chromium`."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(f"BROWSER TESTS SKIPPED: {message}")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}
