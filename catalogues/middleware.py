from . import overlay


class CatalogueOverlayMiddleware:
    """Before a view renders: the desk's latest translations, in the active language.

    Goes after LocaleMiddleware (the language is known) and inside the page cache (a
    cached page costs nothing more; its copy is retired by ``site_changed``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        overlay.refresh()
        return self.get_response(request)
