from pathlib import Path

import polib
import pytest

from catalogues import overlay

FOOTER = "%(name)s republishes and writes technology news for readers in English and Turkish."


@pytest.fixture(autouse=True)
def _no_overrides_outside_the_test():
    """Overrides live in the database (rolled back) and in each process: forget them."""
    overlay.reset()
    yield
    overlay.reset()


def edit_po(path: Path, change) -> None:
    """Change entries of a .po file with ``change(entry)``, saved as makemessages writes."""
    po = polib.pofile(str(path), wrapwidth=78)
    for entry in po:
        change(entry)
    po.save(str(path))
