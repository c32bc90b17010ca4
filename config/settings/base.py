"""Settings shared by every environment.

Deployment values come from environment variables with defaults that suit the
embedded setup (SQLite, local-memory cache), so a fresh clone runs with nothing set.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs

import dj_database_url
import xstatic.pkg.jquery
import xstatic.pkg.jquery_ui
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Search on PostgreSQL (articles.search); harmless on SQLite.
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks_db",
    "imagekit",
    # Staff sign-in (accounts): throttling and second factors.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    # The project's apps, each depending only on those above it in this list
    # (the contracts in pyproject.toml): site-wide pieces first, the back office last.
    "core",
    "accounts",
    "pagecache",
    "articles",
    "comments",
    "pages",
    # The project's interface-string catalogues and the translators' desk.
    "catalogues",
    "republishing",
    "newsroom",
    # Upkeep schedule, readiness, backups (sits at the bottom: apps register jobs into it).
    "operations",
]

MIDDLEWARE = [
    # First: every response, log line and error report carries the request's id.
    "operations.requestid.RequestIdMiddleware",
    # A warning for each request over BROADSHEET_SLOW_REQUEST_MS, with its id.
    "operations.slowrequests.SlowRequestMiddleware",
    # /healthz and /readyz answered here, before redirects, host checks and sessions.
    "operations.readiness.ProbeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.RejectNulMiddleware",
    "core.middleware.RejectUnreadableCharsetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cached pages for anonymous readers are answered here, before everything below.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The translators' desk: its latest saved translations, in every process.
    "catalogues.middleware.CatalogueOverlayMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this session passed a second factor?
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Turns a sign-in refused by the throttle into the lock-out page; axes wants it last.
    "axes.middleware.AxesMiddleware",
]

# Scripts run only from our own origin or with this response's nonce; nothing inline.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "articles.context_processors.site",
                "pages.context_processors.footer",
                "pagecache.fragments.page_versions",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite is the embedded default. WAL lets readers run beside a writer, the busy
# timeout makes writers queue instead of failing, and IMMEDIATE transactions take the
# write lock up front so two writers never deadlock upgrading a read lock.
SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Options in the URL's query string win: sqlite:///var/db.sqlite3?timeout=60
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
    # SQLite connections are cheap; persistent ones would hold file handles per thread.
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# Local memory by default; several processes must share one cache (Redis, or a folder
# on one machine) so that page-cache invalidation reaches all of them.
CACHE_URL = os.environ.get("CACHE_URL", "locmem://")


def caches_from_url(url: str) -> dict:
    """The cache aliases for ``url``: ``default`` for page copies and other disposable
    entries, ``tokens`` for what must never be pushed out by them (the page cache's
    version tokens), kept apart on the same server or folder."""
    if url.startswith(("redis://", "rediss://")):
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
        return {
            "default": {**backend, "KEY_PREFIX": "broadsheet"},
            "tokens": {**backend, "KEY_PREFIX": "broadsheet-tokens"},
        }
    if url.startswith("file://"):
        # core.caches: an SQLite-indexed folder; past its size the oldest stored go first.
        folder, _, query = url.removeprefix("file://").partition("?")
        folder = folder.rstrip("/")
        size_mb = int(parse_qs(query).get("size_limit_mb", ["1024"])[0])
        backend = "core.caches.FolderCache"
        # Read, not memory-mapped, and SQLite's own page cache of each shard at its usual
        # 2 MB (diskcache maps 64 MB and caches 32 MB of each of its 8 shards by default):
        # each process's memory grew by what it had read of the folder, 70 MB a web worker
        # in ten minutes of `make bench`. The operating system caches the files anyway.
        reads = {"sqlite_mmap_size": 0, "sqlite_cache_size": 512}
        return {
            "default": {
                "BACKEND": backend,
                "LOCATION": folder,
                "OPTIONS": {"size_limit": size_mb * 2**20, **reads},
            },
            # A token takes about 200 bytes: a day's worth (their timeout) fits many times.
            # One shard, so a page's tokens are one read (FolderCache.get_many); they are
            # written a few times a minute at most.
            "tokens": {
                "BACKEND": backend,
                "LOCATION": f"{folder}-tokens",
                "SHARDS": 1,
                "OPTIONS": {"size_limit": 256 * 2**20, **reads},
            },
        }
    backend = "django.core.cache.backends.locmem.LocMemCache"
    return {
        "default": {"BACKEND": backend},
        "tokens": {"BACKEND": backend, "LOCATION": "tokens", "OPTIONS": {"MAX_ENTRIES": 200000}},
    }


CACHES = caches_from_url(CACHE_URL)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation
LANGUAGE_CODE = "en"


def site_languages(codes: list[str], default: str = LANGUAGE_CODE) -> list[tuple[str, object]]:
    """``LANGUAGES`` for ``codes`` (BROADSHEET_LANGUAGES, README "Adding a language"),
    named as Django's own catalogues name them (LANG_INFO, translated)."""
    from django.conf.locale import LANG_INFO
    from django.core.exceptions import ImproperlyConfigured

    codes = [code.lower() for code in codes]
    unknown = [code for code in codes if "name" not in LANG_INFO.get(code, {})]
    if unknown:
        raise ImproperlyConfigured(
            f"BROADSHEET_LANGUAGES: unknown language code(s) {', '.join(unknown)} "
            "(use Django's codes, such as de, fr, pt-br)."
        )
    if len(set(codes)) != len(codes):
        raise ImproperlyConfigured(f"BROADSHEET_LANGUAGES names a language twice: {codes}.")
    if default not in codes:
        raise ImproperlyConfigured(
            f"BROADSHEET_LANGUAGES must include the default language {default!r}: "
            "every article, page and section has its text in it."
        )
    return [(code, _(LANG_INFO[code]["name"])) for code in codes]


# The site's languages, the default first (English: every text exists in it). Another
# language changes the database (a column per translated field): README, "Adding a
# language".
LANGUAGES = site_languages(env_list("BROADSHEET_LANGUAGES", "en,tr"))
LOCALE_PATHS = [BASE_DIR / "locale"]
# `i18n_status --check` (in `make test`) fails when these languages' interface catalogues
# are incomplete. A language still being translated stays out of the list (its readers
# see the English interface where a string is missing) until its catalogue is done.
BROADSHEET_COMPLETE_CATALOGUES = [
    code
    for code in env_list("BROADSHEET_COMPLETE_CATALOGUES", "tr")
    if code in dict(LANGUAGES) and code != LANGUAGE_CODE
]
# The project's migrations read from another package: the committed ones copied there
# plus those `makemigrations` writes for the extra languages' columns and choices (`make
# language-migrations`, used by the three-language CI run, which keeps the repository's
# own migrations for English and Turkish only).
if MIGRATIONS_PACKAGE := os.environ.get("BROADSHEET_MIGRATIONS_PACKAGE"):
    MIGRATION_MODULES = {
        app: f"{MIGRATIONS_PACKAGE}.{app}"
        for app in sorted(
            path.parent.parent.name for path in BASE_DIR.glob("*/migrations/__init__.py")
        )
        if app != "var"
    }
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Istanbul")

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# The models fall back to the article's own original language (see
# articles.models.Article.localized); modeltranslation's global fallback stays off so a
# missing translation is visible as missing instead of silently borrowed.
MODELTRANSLATION_FALLBACK_LANGUAGES = ()
# modeltranslation's tabbed admin loads jQuery UI from a CDN unless told otherwise.
JQUERY_URL = "vendor/jquery/jquery.min.js"
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "var" / "static"))
# Third-party assets come from PyPI packages at install time, never from a CDN.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/jquery", xstatic.pkg.jquery.BASE_DIR),
    ("vendor/jquery-ui", xstatic.pkg.jquery_ui.BASE_DIR),
]
# Lead images and their renditions (articles/images/, README "Lead images"): on this
# machine under var/media, served by the app with a year's caching (core.views.media),
# or with BROADSHEET_S3_BUCKET set in that S3-compatible bucket, which serves them.
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"
BROADSHEET_IMAGE_MAX_BYTES = int(os.environ.get("BROADSHEET_IMAGE_MAX_MB", "10")) * 1024 * 1024
BROADSHEET_IMAGE_MAX_PIXELS = int(os.environ.get("BROADSHEET_IMAGE_MAX_MEGAPIXELS", "36")) * 10**6
MEDIA_CACHE_CONTROL = "public, max-age=31536000, immutable"


def media_storage(env=os.environ) -> dict:
    """The default storage: the media folder, or the S3 bucket named in the environment."""
    if not env.get("BROADSHEET_S3_BUCKET"):
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    endpoint = env.get("BROADSHEET_S3_ENDPOINT_URL") or None
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env["BROADSHEET_S3_BUCKET"],
            "endpoint_url": endpoint,
            "region_name": env.get("BROADSHEET_S3_REGION") or None,
            "access_key": env.get("BROADSHEET_S3_ACCESS_KEY_ID") or None,
            "secret_key": env.get("BROADSHEET_S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": env.get("BROADSHEET_S3_CUSTOM_DOMAIN") or None,
            # Most S3-compatible servers (MinIO, Garage, Ceph) want bucket-in-path URLs.
            "addressing_style": env.get(
                "BROADSHEET_S3_ADDRESSING_STYLE", "path" if endpoint else "auto"
            ),
            # Public, unsigned addresses: the same on every page, cacheable for a year
            # (every file name is new, see articles/images/renditions.py).
            "querystring_auth": False,
            "default_acl": env.get("BROADSHEET_S3_ACL") or None,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": MEDIA_CACHE_CONTROL},
        },
    }


def media_origin(env=os.environ) -> str | None:
    """Where pages load images from when that is not this site (for the CSP)."""
    if not env.get("BROADSHEET_S3_BUCKET"):
        return None
    if domain := env.get("BROADSHEET_S3_CUSTOM_DOMAIN"):
        return f"https://{domain}"
    if endpoint := env.get("BROADSHEET_S3_ENDPOINT_URL"):
        return endpoint.rstrip("/")
    return "https://*.amazonaws.com"


STORAGES = {
    "default": media_storage(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if media_origin():
    SECURE_CSP["img-src"].append(media_origin())

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The republishing desk fetches pages and feeds editors name (republishing/fetching.py).
# Private, loopback and link-local addresses are refused unless this is on (never in
# production: it would let an editor's address reach the servers' own network).
BROADSHEET_REPUBLISHING_ALLOW_PRIVATE_ADDRESSES = env_bool(
    "BROADSHEET_REPUBLISHING_ALLOW_PRIVATE_ADDRESSES", False
)
BROADSHEET_REPUBLISHING_TIMEOUT = float(os.environ.get("BROADSHEET_REPUBLISHING_TIMEOUT", "15"))
BROADSHEET_REPUBLISHING_MAX_BYTES = int(
    os.environ.get("BROADSHEET_REPUBLISHING_MAX_BYTES", str(5 * 1024 * 1024))
)
# A task RUNNING longer than this is taken to be abandoned by a dead worker and is
# queued again (`manage.py worker`). Keep it above the longest task's run time.
BROADSHEET_TASK_LEASE_SECONDS = int(os.environ.get("BROADSHEET_TASK_LEASE_SECONDS", "600"))


def upkeep_intervals(env=os.environ) -> dict[str, int]:
    """Intervals of the upkeep jobs the worker runs (operations.upkeep), in seconds, from
    BROADSHEET_UPKEEP_<JOB>=seconds; 0 turns a job off; unset: the job's own default."""
    prefix = "BROADSHEET_UPKEEP_"
    reserved = {"TICK_SECONDS", "HISTORY_DAYS"}
    return {
        key.removeprefix(prefix).lower(): int(value)
        for key, value in env.items()
        if key.startswith(prefix) and key.removeprefix(prefix) not in reserved and value.strip()
    }


# Upkeep that runs itself (README, "Operations"): every worker looks at the schedule this
# often; a worker not seen for BROADSHEET_WORKER_STALE_SECONDS makes /readyz fail.
BROADSHEET_UPKEEP = upkeep_intervals()
BROADSHEET_UPKEEP_TICK_SECONDS = float(os.environ.get("BROADSHEET_UPKEEP_TICK_SECONDS", "30"))
BROADSHEET_UPKEEP_HISTORY_DAYS = int(os.environ.get("BROADSHEET_UPKEEP_HISTORY_DAYS", "30"))
BROADSHEET_WORKER_STALE_SECONDS = int(os.environ.get("BROADSHEET_WORKER_STALE_SECONDS", "180"))

# Dev prints e-mail to the console; production names an SMTP backend and its OPTIONS.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
        ),
    }
}
# A local SMTP server in development (e.g. `python -m aiosmtpd -n -l 127.0.0.1:8025`):
# EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend EMAIL_HOST=127.0.0.1 EMAIL_PORT=8025.
if os.environ.get("EMAIL_HOST"):
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ["EMAIL_HOST"],
        "port": int(os.environ.get("EMAIL_PORT", "25")),
        "timeout": 10,
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@broadsheet.localhost")

LOGIN_URL = "admin:login"

# Staff sign-in (accounts/, README "The newsroom back office"). The throttle backend
# comes first: it refuses a locked-out account or address before any password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed sign-ins (a wrong password or a wrong second-factor code) lock one username at
# one address after AXES_FAILURE_LIMIT, and one address after
# BROADSHEET_SIGNIN_ADDRESS_FAILURE_LIMIT whatever the usernames tried, for
# AXES_COOLOFF_TIME. An admin lifts a lock sooner under "Access attempts", or with
# `manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS`.
AXES_FAILURE_LIMIT = int(os.environ.get("BROADSHEET_SIGNIN_FAILURE_LIMIT", "5"))
BROADSHEET_SIGNIN_ADDRESS_FAILURE_LIMIT = int(
    os.environ.get("BROADSHEET_SIGNIN_ADDRESS_FAILURE_LIMIT", "20")
)
AXES_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("BROADSHEET_SIGNIN_LOCKOUT_MINUTES", "30"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "accounts.throttle.AccountAndAddressHandler"
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
# The same trusted-proxy rule as the comment rate limits.
AXES_CLIENT_IP_CALLABLE = "core.clients.client_ip"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_SENSITIVE_PARAMETERS = ["password", "code"]
# Who must have a second factor before using the back office: "superusers", "staff"
# and/or group names (case-insensitive), comma-separated; empty or "none": nobody.
# Off in development and tests, on for superusers and editors in production.
BROADSHEET_REQUIRE_2FA = env_list("BROADSHEET_REQUIRE_2FA")
# TOTP apps show this name beside the account. Administrators remove a lost device in
# the admin but never see a device's secret or recovery codes.
OTP_TOTP_ISSUER = "Broadsheet"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Passkeys (django-otp-webauthn) are a second factor only, never a way around the
# password: the relying party is the site's own host (checked against ALLOWED_HOSTS),
# and the expected origin the request's own (accounts.passkeys.PasskeyHelper).
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_HELPER_CLASS = "accounts.passkeys.PasskeyHelper"
OTP_WEBAUTHN_RP_NAME = "Broadsheet"
OTP_WEBAUTHN_RP_ID_CALLABLE = "accounts.passkeys.relying_party_id"
# The origins come from each request (see above), so the static list stays empty.
SILENCED_SYSTEM_CHECKS = ["otp_webauthn.E030"]

# Errors an operator hears about (README, "Operations"): with SENTRY_DSN, unhandled
# errors go to Sentry with nothing personal in them (operations.errors); without it,
# Django mails them to ADMINS (DJANGO_ADMINS="ops@example.org,..."). Logs go to the
# console, as text or (BROADSHEET_LOG_FORMAT=json) one JSON object a line, each with the
# request id that the 500 page shows.
ADMINS = env_list("DJANGO_ADMINS")
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", "")
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
SENTRY_TRACES_SAMPLE_RATE = float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0"))
BROADSHEET_LOG_FORMAT = os.environ.get("BROADSHEET_LOG_FORMAT", "text").lower()
BROADSHEET_LOG_LEVEL = os.environ.get("BROADSHEET_LOG_LEVEL", "WARNING").upper()
# Requests slower than this are logged as warnings (operations.slowrequests); 0: never.
BROADSHEET_SLOW_REQUEST_MS = int(os.environ.get("BROADSHEET_SLOW_REQUEST_MS", "1000"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "operations.requestid.RequestIdFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "operations.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if BROADSHEET_LOG_FORMAT == "json" else "text",
        },
        # Without Sentry, unhandled errors are mailed to ADMINS (when DEBUG is off).
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": BROADSHEET_LOG_LEVEL},
    "loggers": {
        # Replaces Django's own handlers for "django" (mail_admins twice, console in DEBUG).
        "django": {"handlers": [], "level": BROADSHEET_LOG_LEVEL},
        "django.server": {"level": "INFO"},
        "django.request": {"handlers": [] if SENTRY_DSN else ["mail_admins"], "level": "ERROR"},
    },
}
if SENTRY_DSN:
    from operations.errors import sentry_init

    sentry_init(
        SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", ""),
        release=os.environ.get("SENTRY_RELEASE", ""),
    )

# Prometheus metrics at /metrics (operations.metrics), answered only to the addresses in
# BROADSHEET_METRICS_ALLOWED (networks allowed) or with "Authorization: Bearer TOKEN".
BROADSHEET_METRICS = env_bool("BROADSHEET_METRICS")
BROADSHEET_METRICS_ALLOWED = env_list("BROADSHEET_METRICS_ALLOWED", "127.0.0.1,::1")
BROADSHEET_METRICS_TOKEN = os.environ.get("BROADSHEET_METRICS_TOKEN", "")
if BROADSHEET_METRICS:
    MIDDLEWARE.insert(
        MIDDLEWARE.index("operations.readiness.ProbeMiddleware") + 1,
        "operations.metrics.MetricsMiddleware",
    )

# Backups (manage.py backup / restore): where they go and how many are kept.
BROADSHEET_BACKUP_DIR = Path(os.environ.get("BROADSHEET_BACKUP_DIR", BASE_DIR / "var" / "backups"))
BROADSHEET_BACKUP_KEEP = int(os.environ.get("BROADSHEET_BACKUP_KEEP", "7"))

# Broadsheet
BROADSHEET_SITE_NAME = "Broadsheet"
BROADSHEET_ARTICLES_PER_PAGE = 10
# The home page's first page: the lead and two rows of three cards; sections follow.
BROADSHEET_FRONT_PAGE_STORIES = 7
BROADSHEET_READING_WPM = 200
# Whole-page cache for anonymous readers (pagecache); "off" disables it.
BROADSHEET_PAGE_CACHE = os.environ.get("BROADSHEET_PAGE_CACHE", "on").lower() not in {
    "0",
    "off",
    "false",
    "no",
}
BROADSHEET_PAGE_CACHE_SECONDS = 600
# Addresses outside the language prefixes whose views are cached too (pagecache.middleware):
# sitemap.xml names every article in every language, 1.1 s to make with 2,000 of them.
BROADSHEET_PAGE_CACHE_PATHS = ["/sitemap.xml"]
# Version tokens a script catalogue's long-lived address is made of (pagecache.assets):
# the translators' desk's edits (catalogues.overlay.VERSION).
BROADSHEET_SCRIPT_CATALOGUE_DEPENDS = ["catalogues:overrides"]
# Open Graph wants a territory with each language: ours, then "de_DE" for "de" and
# "pt_BR" for "pt-br"; BROADSHEET_OG_LOCALES=de=de_AT,... says otherwise.
BROADSHEET_OG_LOCALES = {"en": "en_GB", "tr": "tr_TR"}


def og_locale(code: str) -> str:
    language, _sep, territory = code.partition("-")
    return f"{language}_{(territory or language).upper()}"


BROADSHEET_OG_LOCALES = {
    code: BROADSHEET_OG_LOCALES.get(code) or og_locale(code) for code, _name in LANGUAGES
} | dict(item.split("=", 1) for item in env_list("BROADSHEET_OG_LOCALES"))

# Who the client is (core.clients.client_ip, see README, "Behind a proxy"): how many
# proxies of our own stand in front of the app server, each appending the address it
# saw to X-Forwarded-For. 0: the client is REMOTE_ADDR.
BROADSHEET_TRUSTED_PROXIES = int(os.environ.get("BROADSHEET_TRUSTED_PROXIES", "0"))

# Comments (see README, "Comments and moderation")
# Seconds a human-check question stays valid; its nonce is remembered that long.
COMMENTS_CHALLENGE_MAX_AGE = 30 * 60
# A form sent sooner than this after it was shown is treated as spam.
COMMENTS_MIN_SUBMIT_SECONDS = 3
# Per client (salted hash of the address) and window, in the database (comments.limits):
# comments accepted, and wrong answers to the human check, each with its own limit.
COMMENTS_RATE_LIMIT = int(os.environ.get("COMMENTS_RATE_LIMIT", "5"))
COMMENTS_CHALLENGE_FAILURE_LIMIT = int(os.environ.get("COMMENTS_CHALLENGE_FAILURE_LIMIT", "10"))
COMMENTS_RATE_WINDOW = int(os.environ.get("COMMENTS_RATE_WINDOW", str(10 * 60)))
# More links than this marks a comment as spam.
COMMENTS_MAX_LINKS = 2
# Close comments this many days after publication; None keeps them open.
COMMENTS_CLOSE_AFTER_DAYS = (
    int(os.environ["COMMENTS_CLOSE_AFTER_DAYS"])
    if os.environ.get("COMMENTS_CLOSE_AFTER_DAYS", "").strip()
    else None
)
# Mixed with SECRET_KEY into the address hash; change it to forget old fingerprints.
COMMENTS_CLIENT_HASH_SALT = os.environ.get("COMMENTS_CLIENT_HASH_SALT", "broadsheet.comments")
# E-mail moderators a digest of comments waiting for review.
COMMENTS_NOTIFY_MODERATORS = env_bool("COMMENTS_NOTIFY_MODERATORS", True)
# Comments arriving within this many seconds share one digest.
COMMENTS_DIGEST_INTERVAL = 10 * 60
# Digest recipients; when empty, active staff allowed to change comments.
COMMENTS_MODERATOR_EMAILS = env_list("COMMENTS_MODERATOR_EMAILS")
# `manage.py purge_comments` deletes spam and rejected comments older than this.
COMMENTS_PURGE_AFTER_DAYS = int(os.environ.get("COMMENTS_PURGE_AFTER_DAYS", "30"))
# Readers' reports: a comment with this many undecided reports leaves the site until a
# moderator decides (Keep or Remove); empty: reports never hide a comment.
COMMENTS_HIDE_AFTER_REPORTS = (
    int(os.environ.get("COMMENTS_HIDE_AFTER_REPORTS", "3"))
    if os.environ.get("COMMENTS_HIDE_AFTER_REPORTS", "3").strip()
    else None
)
# Reports one client may send per COMMENTS_RATE_WINDOW.
COMMENTS_REPORT_LIMIT = int(os.environ.get("COMMENTS_REPORT_LIMIT", "20"))
# Approve by itself a comment whose confirmed e-mail address already has this many
# approved comments; empty (the default): every comment waits for a moderator.
COMMENTS_AUTO_APPROVE_AFTER = (
    int(os.environ["COMMENTS_AUTO_APPROVE_AFTER"])
    if os.environ.get("COMMENTS_AUTO_APPROVE_AFTER", "").strip()
    else None
)
# Seconds a link confirming a commenter's e-mail address works.
COMMENTS_CONFIRM_MAX_AGE = 7 * 24 * 3600
# The site's address, for links in e-mails.
BROADSHEET_SITE_URL = os.environ.get("BROADSHEET_SITE_URL", "http://127.0.0.1:8000")

# AI summaries (articles/summaries/). With BROADSHEET_AI_MODEL set, an OpenAI-compatible
# server writes them (OpenAI, or a local Ollama, vLLM or llama.cpp server at
# BROADSHEET_AI_BASE_URL); without it, the offline extractive backend quotes the lead
# sentences of the original. BROADSHEET_SUMMARY_BACKEND names any other backend class.
BROADSHEET_SUMMARY_BACKEND = os.environ.get("BROADSHEET_SUMMARY_BACKEND") or (
    "articles.summaries.openai_compat.OpenAICompatibleBackend"
    if os.environ.get("BROADSHEET_AI_MODEL")
    else "articles.summaries.extractive.ExtractiveBackend"
)
BROADSHEET_SUMMARY_OPTIONS = {
    # openai_compat
    "base_url": os.environ.get("BROADSHEET_AI_BASE_URL", ""),
    "api_key": os.environ.get("BROADSHEET_AI_API_KEY", ""),
    "model": os.environ.get("BROADSHEET_AI_MODEL", ""),
    "timeout": float(os.environ.get("BROADSHEET_AI_TIMEOUT", "60")),
    # extractive
    "max_sentences": 2,
    "max_chars": 400,
}
# Checked on every summary before it is stored, whatever wrote it.
BROADSHEET_SUMMARY_MAX_CHARS = 600
# Transient failures (timeout, connection refused, HTTP 429/5xx) are retried after
# BACKOFF, 2 x BACKOFF, 4 x BACKOFF... seconds, until MAX_ATTEMPTS attempts in all.
BROADSHEET_SUMMARY_MAX_ATTEMPTS = 4
BROADSHEET_SUMMARY_RETRY_BACKOFF = 30
# Publishing an article queues its missing summaries.
BROADSHEET_SUMMARIES_ON_PUBLISH = env_bool("BROADSHEET_SUMMARIES_ON_PUBLISH", True)
