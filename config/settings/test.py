"""Test settings: fast hashing, local memory cache, plain static storage."""

from .base import *  # noqa: F403
from .base import caches_from_url

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = caches_from_url("locmem://")
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Tests read static files through the finders; no collected folder is needed.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
ALLOWED_HOSTS = ["*"]
# Tests choose their summary backend; the developer's environment must not leak in.
BROADSHEET_SUMMARY_BACKEND = "articles.summaries.extractive.ExtractiveBackend"
BROADSHEET_SUMMARY_OPTIONS = {"max_sentences": 2, "max_chars": 400}

# The tests serve pages and feeds from 127.0.0.1 (pytest-httpserver).
BROADSHEET_REPUBLISHING_ALLOW_PRIVATE_ADDRESSES = True
