from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def source_link(article) -> str:
    if article.source is None:
        return ""
    href = article.original_url or article.source.url
    if not href:
        return format_html("{}", article.source.name)
    return format_html('<a href="{}" rel="noopener">{}</a>', href, article.source.name)
