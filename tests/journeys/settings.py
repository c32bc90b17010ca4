"""Production settings, relaxed only where a test driver cannot act like a person.

Everything else (page cache on, WhiteNoise with hashed static files, CSP, DEBUG off,
the cache and database from the environment) is ``config.settings.prod`` unchanged.
Secure cookies and the HTTPS redirect are turned off through the environment exactly
as ``make serve`` does on plain-HTTP loopback.
"""

from config.settings.prod import *  # noqa: F403

# A person takes more than three seconds to write a comment; the driver does not.
COMMENTS_MIN_SUBMIT_SECONDS = 0
# Every reader of the journeys comes from 127.0.0.1.
COMMENTS_RATE_LIMIT = 100_000
# Production requires a second factor of superusers and editors. The journeys' staff
# sign in over plain HTTP with a password, as a script; the required path (enrolment
# before the admin, the code after the password) is tested in tests/accounts/ and, in a
# real browser, in tests/browser/test_signin.py.
BROADSHEET_REQUIRE_2FA = []
