from django import template
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html

register = template.Library()


@register.filter
def lang_attr(text) -> str:
    """` lang="tr"` when ``text`` is in another language than the page, else nothing."""
    lang = getattr(text, "lang", None)
    if lang and lang != translation.get_language():
        return format_html(' lang="{}"', lang)
    return ""


@register.simple_tag(takes_context=True)
def alternate_url(context, language: str) -> str:
    """This page in ``language``: the view's own address for it, else Django's guess."""
    alternates = context.get("alternate_urls") or {}
    if language in alternates:
        return alternates[language]
    request = context["request"]
    return translate_url(request.get_full_path(), language)


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    return context["request"].build_absolute_uri(path)


@register.simple_tag
def source_link(article) -> str:
    if article.source is None:
        return ""
    href = article.original_url or article.source.url
    if not href:
        return format_html("{}", article.source.name)
    return format_html('<a href="{}" rel="noopener">{}</a>', href, article.source.name)
