import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings

from catalogues import overlay

REPO_LOCALE = Path(settings.BASE_DIR) / "locale"
FOOTER = "%(name)s republishes and writes technology news for readers in English and Turkish."


@pytest.fixture(autouse=True)
def _no_overrides_outside_the_test():
    """Overrides live in the database (rolled back) and in each process: forget them."""
    overlay.reset()
    yield
    overlay.reset()


@pytest.fixture
def locale_copy(tmp_path, settings) -> Path:
    """The project's catalogues copied to a temporary LOCALE_PATHS, to change freely."""
    folder = tmp_path / "locale"
    shutil.copytree(REPO_LOCALE, folder, ignore=shutil.ignore_patterns("*.mo"))
    settings.LOCALE_PATHS = [folder]
    return folder


def edit_po(path: Path, change) -> None:
    """Change entries of a .po file with ``change(entry)``, saved as makemessages writes."""
    po = polib.pofile(str(path), wrapwidth=78)
    for entry in po:
        change(entry)
    po.save(str(path))
