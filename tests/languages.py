"""The languages the suite runs with: English and Turkish, or more in the CI run with a
third language (README, "Adding a language"). Tests that mean "every language" loop over
these; tests that need a language the site does not have take ``UNCONFIGURED``."""

from core.languages import LANGUAGE_CODES

OTHER_LANGUAGES = [code for code in LANGUAGE_CODES if code != "en"]
# A real language code (Django knows it) that the site is not configured with.
UNCONFIGURED = next(code for code in ("de", "fr", "nl") if code not in LANGUAGE_CODES)
