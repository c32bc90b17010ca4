# Broadsheet: `make run` serves the site with demo content, `make test` runs lint and the suite.
PYTHON ?= $(shell command -v python3.13 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
STAMP := $(VENV)/.installed-stamp

.PHONY: install setup messages i18n compilemessages lint vnu test test-postgres language-migrations run serve bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -c 'import sys; assert sys.version_info[:2] == (3, 13), "Broadsheet needs Python 3.13, found " + sys.version'
	$(BIN)/pip install -q --disable-pip-version-check "setuptools<81" wheel
	# The XStatic packages still build with pkg_resources, hence no build isolation.
	$(BIN)/pip install -q --disable-pip-version-check --no-build-isolation -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

var:
	@mkdir -p var

# gettext's msgfmt when it is there (it also checks format strings); polib otherwise,
# so that `make run` needs nothing but Python.
compilemessages: install
	@if command -v msgfmt >/dev/null; then \
		$(MANAGE) compilemessages --ignore=.venv -v 0; \
	else \
		$(BIN)/python -c 'import glob, polib; [polib.pofile(p).save_as_mofile(p[:-2] + "mo") for p in glob.glob("locale/*/LC_MESSAGES/*.po")]'; \
	fi

setup: install var compilemessages
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) setup_roles -v 0
	$(MANAGE) load_demo --if-empty

# The background worker (AI summaries) runs beside the web server; when either stops,
# or on Ctrl+C, the other is stopped too.
run: setup
	@$(MANAGE) worker --no-reload --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT; trap 'exit 143' TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# A production-like server on loopback: gunicorn with the production settings,
# WhiteNoise serving compressed, hashed static files, and a task worker beside it.
# Plain HTTP here, so HTTPS redirects and secure cookies are off; a real deployment
# sets DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL and CACHE_URL itself.
SERVE_ENV = DJANGO_SETTINGS_MODULE=config.settings.prod \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat var/secret_key)}" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	DJANGO_SECURE_SSL_REDIRECT="$${DJANGO_SECURE_SSL_REDIRECT:-false}" \
	DJANGO_SECURE_COOKIES="$${DJANGO_SECURE_COOKIES:-false}"

var/secret_key: | var
	@umask 077 && $(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))' > $@

serve: setup var/secret_key
	$(SERVE_ENV) $(MANAGE) collectstatic --noinput -v 0
	$(SERVE_ENV) $(MANAGE) check --deploy
	@echo "Serving on http://127.0.0.1:$(PORT)/ with a task worker; Ctrl-C stops both."
	@$(SERVE_ENV) sh -c 'trap "kill 0" INT TERM EXIT; \
		$(MANAGE) worker --no-reload --no-startup-delay & \
		$(BIN)/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) \
			--workers $${WEB_CONCURRENCY:-2} --threads $${WEB_THREADS:-1} --access-logfile - & \
		wait'

bench: setup
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python benchmarks/run.py

# Refresh the catalogues after adding strings (the project's makemessages skips
# .venv, var and tests and leaves out line numbers); then translate and `make i18n`.
messages: install
	$(MANAGE) makemessages --all -d django
	$(MANAGE) makemessages --all -d djangojs

i18n: install
	$(MANAGE) i18n_status

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# The W3C's Nu HTML checker for tests/markup: a jar from the npm registry, run by Java.
# Installed when npm is there; without it (or Java) that test skips, and fails under CI.
VNU_JAR := var/vnu/node_modules/vnu-jar/build/dist/vnu.jar
vnu: | var
	@if [ ! -f $(VNU_JAR) ] && command -v npm >/dev/null; then \
		npm install --prefix var/vnu --no-save --no-audit --no-fund --ignore-scripts \
			--loglevel=error vnu-jar@26.9.27; \
	fi

# The suite in two runs: everything but the journeys spread over the machine's cores
# (pytest-xdist; each worker has its own test database), then the journeys, which start
# their own servers, one after another.
PYTEST_WORKERS ?= auto
SUITE = $(BIN)/pytest -n $(PYTEST_WORKERS) --ignore=tests/journeys && $(BIN)/pytest tests/journeys

test: install var lint compilemessages vnu
	$(MANAGE) makemigrations --check --dry-run -v 1 --settings=config.settings.test
	$(MANAGE) i18n_status --check --no-content --settings=config.settings.test
	$(SUITE)

# The migrations `makemigrations` writes for the languages in BROADSHEET_LANGUAGES (the
# modeltranslation columns, README "Adding a language"), made as an operator makes them
# but in var/migrations, from a copy of the committed ones: the repository's own stay
# English and Turkish. Run with BROADSHEET_MIGRATIONS_PACKAGE=var.migrations exported.
language-migrations: install var
	rm -rf var/migrations && mkdir -p var/migrations
	for dir in */migrations; do app=$${dir%/migrations}; [ "$$app" = var ] && continue; \
		cp -r $$dir var/migrations/$$app && rm -rf var/migrations/$$app/__pycache__; \
	done
	BROADSHEET_MIGRATIONS_PACKAGE=var.migrations \
		$(MANAGE) makemigrations --name languages -v 1 --settings=config.settings.test

# The same suite on a real PostgreSQL server (the production database).
PG_URL ?= postgres://postgres:postgres@127.0.0.1:5432/postgres
test-postgres: install var compilemessages vnu
	export DATABASE_URL=$(PG_URL) && $(SUITE)

clean:
	rm -rf $(VENV) var
