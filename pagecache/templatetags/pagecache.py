from django import template
from django.urls import reverse
from django.utils.html import format_html

from pagecache import assets
from pagecache.decorators import depends_on
from pagecache.holes import fill

register = template.Library()


@register.simple_tag(takes_context=True)
def fresh(context, name: str, arg) -> str:
    """``{% fresh "name" arg %}``: a part of the page made anew for every request.

    Rendered by the filler registered under ``name`` (``pagecache.holes``); inside a
    cached page it is wrapped in markers, so that each cache hit fills it again.
    """
    request = context.get("request")
    arg = str(arg)
    content = fill(name, request, arg)
    if not getattr(request, "page_cache_active", False):
        return content
    return format_html("<!--fresh:{}:{}-->{}<!--/fresh-->", name, arg, content)


@register.simple_tag(takes_context=True)
def script_catalogue_url(context, url_name: str) -> str:
    """``{% script_catalogue_url "comments:jsi18n_versioned" %}``: the catalogue's
    current long-lived address (``pagecache.assets``); the page is kept only while the
    tokens that version is made of hold."""
    request = context.get("request")
    current = assets.tokens()
    for key, value in current.items():
        depends_on(request, key, value)
    return reverse(url_name, kwargs={"version": assets.catalogue_version(current=current)})
