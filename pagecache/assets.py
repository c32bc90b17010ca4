"""Long-lived, versioned addresses for assets a view makes (the JavaScript catalogues).

Static files get hashed names from collectstatic; a script catalogue is made by a view
(Django's ``JavaScriptCatalog``, or the translators' desk's subclass that puts their
edits on top), so its address carries a version instead: ``jsi18n.<version>.js``. The
version names everything the catalogue is made from: the language, the compiled
``djangojs`` catalogues this release ships, and the version tokens in
``BROADSHEET_SCRIPT_CATALOGUE_DEPENDS`` (the desk's edits). That address never changes
content, so it is cached for a year as ``immutable``; an address with an old version
(a page cached before a desk edit) is sent on to the current one.

``versioned(view)`` wraps whatever view renders the catalogue; the
``script_catalogue_url`` template tag (``pagecache`` tags) writes the current address
and records the tokens as what the page is made from.
"""

import hashlib
from functools import cache, wraps
from pathlib import Path

import django
from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control

from . import versions

YEAR = 365 * 24 * 3600


def depends() -> list[str]:
    return list(getattr(settings, "BROADSHEET_SCRIPT_CATALOGUE_DEPENDS", ()))


@cache
def release() -> str:
    """What this process ships: the compiled script catalogues (their size and time) and
    Django's version. Read once per process; a deploy starts new ones."""
    parts = [django.get_version()]
    for folder in map(Path, settings.LOCALE_PATHS):
        for mo in sorted(folder.glob("*/LC_MESSAGES/djangojs.mo")):
            stat = mo.stat()
            parts.append(f"{mo.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


def tokens() -> dict[str, str]:
    return {key: versions.current(key) for key in depends()}


def catalogue_version(language: str | None = None, current: dict[str, str] | None = None) -> str:
    language = language or translation.get_language()
    current = tokens() if current is None else current
    made_of = "\n".join([language, release(), *(f"{k}={v}" for k, v in sorted(current.items()))])
    return hashlib.sha256(made_of.encode()).hexdigest()[:12]


def versioned(view, *, url_name: str):
    """``view`` at ``…/jsi18n.<version>.js`` (the route named ``url_name``): cached for a
    year when the version is current, else a redirect (never cached) to the current
    address, so a page cached before a change still gets the current catalogue."""

    @wraps(view)
    def wrapper(request, *args, version: str, **kwargs):
        current = catalogue_version()
        if version != current:
            target = reverse(url_name, kwargs={**kwargs, "version": current})
            response = HttpResponseRedirect(target)
            patch_cache_control(response, no_cache=True)
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            del response["Cache-Control"]
            patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
        return response

    return wrapper
