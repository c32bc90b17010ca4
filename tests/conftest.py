import io
import shutil
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.utils import translation

from catalogues import overlay
from comments import holes
from pagecache.middleware import recent as recent_pages
from tests.factories import make_user


@pytest.fixture(autouse=True)
def _isolate(settings, tmp_path_factory):
    """Each test starts with empty caches, the default language, no uploaded files and
    no desk translations (an empty database, and a token saying so: no reload query)."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))
    for alias in caches:
        caches[alias].clear()
    overlay.start_empty()
    holes._shared_form.cache_clear()
    recent_pages.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
    for alias in caches:
        caches[alias].clear()


@pytest.fixture
def locale_copy(tmp_path, settings) -> Path:
    """The project's catalogues copied to a temporary LOCALE_PATHS, to change freely."""
    folder = tmp_path / "locale"
    shutil.copytree(
        Path(settings.BASE_DIR) / "locale", folder, ignore=shutil.ignore_patterns("*.mo")
    )
    settings.LOCALE_PATHS = [folder]
    return folder


@pytest.fixture
def roles(db):
    """The newsroom's groups, exactly as `manage.py setup_roles` creates them."""
    call_command("setup_roles", verbosity=0, stderr=io.StringIO())


@pytest.fixture
def editor(roles):
    return make_user(groups=["Editors"], username="editor")


@pytest.fixture
def moderator(roles):
    return make_user(groups=["Moderators"], username="moderator")


@pytest.fixture
def translator(roles):
    return make_user(groups=["Translators"], username="translator")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """SQLite tests use a file, with the project's SQLITE_OPTIONS, instead of memory.

    A shared in-memory database cannot show how the site behaves when several
    threads write at once (live server, concurrency tests); a file in a temporary
    folder can, and costs little.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        path = tmp_path_factory.mktemp("db") / "test.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(path)
