from django import template
from django.utils.html import format_html

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
