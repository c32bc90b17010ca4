"""The desk's translations applied over Django's gettext catalogues, in every process.

Django keeps one ``DjangoTranslation`` per language whose ``_catalog`` (a
``TranslationCatalog``) is a list of dicts searched in order. The overlay is one more
dict at the front, with the plural rule of the project's catalogue: ``gettext``,
``ngettext``, ``pgettext`` and templates find a desk edit before the shipped .mo file.
The JavaScript catalogues read ``overrides("djangojs", language)`` (``catalogues.views``).

Freshness: a version token in the shared cache (``pagecache.versions``, key ``VERSION``)
names the state of the overrides; saving one renews it. ``refresh()`` (once per request,
``catalogues.middleware``) reads the token (one cache read) and reloads every override
from the database when it moved; a lost token (evicted, cache emptied) is replaced by a
new one, which every process takes as moved: one reload each, never a stale string.
"""

import threading

from django.utils.translation import trans_real

from pagecache import versions

from . import files

VERSION = "catalogues:overrides"

_lock = threading.Lock()
_state = {"token": None, "generation": 0, "overrides": {}, "plurals": {}}


class Overlay(dict):
    """The desk's messages for one language, at the front of a TranslationCatalog."""

    generation = -1


def build(rows) -> dict[tuple[str, str], dict]:
    """gettext keys and values per (language, domain): ``"ctx\\x04msgid"`` or ``msgid``
    to the text; ``(key, form)`` to each plural form."""
    overrides: dict[tuple[str, str], dict] = {}
    for row in rows:
        catalogue = overrides.setdefault((row.language, row.domain), {})
        key = files.message_key(row.msgctxt, row.msgid)
        if row.msgid_plural:
            for index, text in enumerate(row.msgstr_plural):
                if text:
                    catalogue[(key, index)] = text
        elif row.msgstr:
            catalogue[key] = row.msgstr
    return overrides


def load() -> None:
    """Read every override from the database (one query) and install it."""
    from .models import MessageTranslation

    rows = MessageTranslation.objects.only(
        "language", "domain", "msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr_plural"
    )
    overrides = build(rows)
    with _lock:
        _state["overrides"] = overrides
        _state["generation"] += 1
    for translation in list(trans_real._translations.values()):
        install(translation)


def refresh() -> None:
    """Reload the overrides if the shared token moved; install them in the active language
    and in every language that has some (created now if this process has not used it)."""
    token = versions.current(VERSION)
    if token != _state["token"]:
        load()
        _state["token"] = token
    for language, domain in list(_state["overrides"]):
        if domain == "django":
            install(trans_real.translation(language))
    active = getattr(trans_real._active, "value", None)
    if active is not None:
        install(active)


def refresh_for_task(**kwargs) -> None:
    """Tasks run outside requests (the worker's e-mails): the same freshness at their start."""
    refresh()


def changed() -> None:
    """After a save: every process reloads on its next request (this one now)."""
    versions.renew(VERSION)
    _state["token"] = None


def overrides(domain: str, language: str) -> dict:
    return _state["overrides"].get((language, domain), {})


def _plural(language: str):
    if language not in _state["plurals"]:
        plural_forms = files.read(language, "django").plural_forms
        _state["plurals"][language] = plural_forms.function()
    return _state["plurals"][language]


def install(translation) -> None:
    """Put the current overlay at the front of ``translation``'s catalogue (idempotent)."""
    catalog = getattr(translation, "_catalog", None)
    if not isinstance(catalog, trans_real.TranslationCatalog):
        return
    generation = _state["generation"]
    with _lock:
        position = next(
            (i for i, part in enumerate(catalog._catalogs) if isinstance(part, Overlay)), None
        )
        if position is not None and catalog._catalogs[position].generation == generation:
            return
        language = translation.language()
        overlay = Overlay(overrides("django", language))
        overlay.generation = generation
        if position is None:
            catalog._catalogs.insert(0, overlay)
            catalog._plurals.insert(0, _plural(language))
        else:
            catalog._catalogs[position] = overlay  # one assignment: readers see old or new


def reset(*, token: str | None = None) -> None:
    """Forget every override in this process (tests); the next request reloads, unless
    ``token`` names the empty state as current."""
    with _lock:
        _state.update(token=token, overrides={}, plurals={})
        _state["generation"] += 1
    for translation in list(trans_real._translations.values()):
        install(translation)


def start_empty() -> None:
    """For a test with an empty database: no overrides, and a token in the cache saying
    so, so that its first request costs no reload query."""
    token = versions.new()
    versions.store().set(VERSION, token, versions.TIMEOUT)
    reset(token=token)
