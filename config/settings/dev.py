"""Local development: debug on, a throwaway secret key, console e-mail."""

import os

from .base import *  # noqa: F403
from .base import caches_from_url, env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-deploy"  # noqa: F405
INTERNAL_IPS = ["127.0.0.1"]
# `make run` runs the web server and a task worker as two processes: they share a cache
# folder so that a summary the worker writes also refreshes the server's cached pages.
CACHES = caches_from_url(
    os.environ.get("CACHE_URL", f"file://{BASE_DIR / 'var' / 'cache'}")  # noqa: F405
)

# Local feeds and pages (a server on this machine) may be imported.
BROADSHEET_REPUBLISHING_ALLOW_PRIVATE_ADDRESSES = env_bool(
    "BROADSHEET_REPUBLISHING_ALLOW_PRIVATE_ADDRESSES", True
)
