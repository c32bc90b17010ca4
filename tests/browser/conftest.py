"""Browser tests drive the system Chromium through Playwright (pytest-playwright).

Without /usr/bin/chromium they skip loudly on a developer's machine; under CI
(the CI environment variable is set) a missing browser fails them instead.
"""

import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

# Playwright's sync API runs an event loop in the test thread; the ORM must still work.
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


@pytest.fixture(scope="session", autouse=True)
def _chromium_present():
    if CHROMIUM.exists():
        return
    message = f"BROWSER TESTS NOT RUN: {CHROMIUM} is missing (apt-get install chromium)."
    if os.environ.get("CI"):
        pytest.fail(message + " Under CI they must run.", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture
def axe_page(browser):
    # The site's CSP forbids injected scripts; axe is injected for the audit only.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def dark_axe_page(browser):
    """A reader whose system asks for dark mode (``prefers-color-scheme: dark``)."""
    context = browser.new_context(bypass_csp=True, color_scheme="dark")
    page = context.new_page()
    yield page
    context.close()


def violations(page) -> list[str]:
    """What axe-core finds wrong on the page as it is now."""
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def sum_answer(page) -> str:
    """The answer to the human check the page asks now.

    On the shared form the question arrives by fetch once the reader has started, so
    this waits for it rather than reading the label while it still says nothing."""
    label = page.locator("label[for=id_answer]")
    expect(label).to_contain_text(re.compile(r"\d+ \+ \d+ = \?"))
    match = re.search(r"(\d+) \+ (\d+) = \?", label.inner_text())
    assert match, label.inner_text()
    return str(int(match[1]) + int(match[2]))
