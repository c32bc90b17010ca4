from django.utils.translation import get_language
from django.views.i18n import JavaScriptCatalog as DjangoJavaScriptCatalog

from . import overlay


class JavaScriptCatalog(DjangoJavaScriptCatalog):
    """Django's JavaScript catalogue with the desk's ``djangojs`` translations on top."""

    def get_catalog(self):
        catalog = super().get_catalog()
        nplurals = self._num_plurals
        plurals: dict[str, dict[int, str]] = {}
        for key, text in overlay.overrides("djangojs", get_language()).items():
            if isinstance(key, tuple):
                plurals.setdefault(key[0], {})[key[1]] = text
            else:
                catalog[key] = text
        for key, forms in plurals.items():
            shipped = catalog.get(key) if isinstance(catalog.get(key), list) else []
            catalog[key] = [
                forms.get(i) or (shipped[i] if i < len(shipped) else "") for i in range(nplurals)
            ]
        return catalog
