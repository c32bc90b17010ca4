from django.conf import settings

from .models import Category


def site(request):
    """Site name and the category menu, shared by every page's header."""
    return {
        "site_name": settings.BROADSHEET_SITE_NAME,
        "menu_categories": Category.objects.all(),
    }
