from .models import Page


def footer(request):
    """The published footer pages; a lazy queryset, read only where the footer renders."""
    return {"footer_pages": Page.objects.published()}
