from django import template
from django.db.models import prefetch_related_objects
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext

register = template.Library()


@register.simple_tag
def source_link(article) -> str:
    if article.source is None:
        return ""
    href = article.original_url or article.source.url
    if not href:
        return format_html("{}", article.source.name)
    return format_html('<a href="{}" rel="noopener">{}</a>', href, article.source.name)


@register.simple_tag
def author_links(article) -> str:
    """The article's authors as links to their pages, joined as the language joins a
    list ("Ada Lovelace, Grace Hopper and Alan Turing"; "… ve …" in Turkish)."""
    links = [
        format_html('<a href="{}" rel="author">{}</a>', author.get_absolute_url(), author.name)
        for author in article.authors.all()
    ]
    return html_text_list(links, gettext("and")) if links else ""


def html_text_list(items: list[SafeString], last_word: str) -> SafeString:
    """``django.utils.text.get_text_list`` over HTML already escaped."""
    if len(items) == 1:
        return items[0]
    separator = conditional_escape(pgettext("list separator", ", "))
    last = conditional_escape(last_word)
    return mark_safe(f"{separator.join(items[:-1])} {last} {items[-1]}")  # noqa: S308


@register.simple_tag
def prefetch_relations(article, *names: str) -> str:
    """``{% prefetch_relations article "authors" "tags" %}``: one query per relation
    for what the part of the page being rendered shows of them (none when prefetched)."""
    prefetch_related_objects([article], *names)
    return ""
