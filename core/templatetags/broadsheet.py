"""Site-wide template tags: languages, addresses, locale-aware text, structured data."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import get_script_prefix, translate_url
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe

# The same escapes as django.utils.html.json_script: no "</script>" can close the block.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

register = template.Library()


@register.filter
def lang_attr(text) -> str:
    """` lang="tr"` when ``text`` is in another language than the page, else nothing."""
    lang = getattr(text, "lang", None)
    if lang and lang != translation.get_language():
        return format_html(' lang="{}"', lang)
    return ""


def is_site_path(url: str) -> bool:
    """A path on this site: one leading "/", never "//host" or "/\\host" (which a browser
    reads as another site), no scheme or host of its own."""
    return (
        url.startswith("/")
        and not url.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(url, allowed_hosts=set())
    )


@register.filter
def iso_time(moment) -> str:
    """A moment as ``<time datetime>`` and Open Graph want it: local, whole seconds
    (HTML allows at most three digits of a second; Django's "c" format writes six)."""
    if not moment:
        return ""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


@register.filter
def with_tag(messages, tag: str) -> list:
    """The flash messages carrying ``tag`` among their extra tags (shown where they belong)."""
    return [m for m in messages or () if tag in (m.extra_tags or "").split()]


@register.filter
def without_tag(messages, tag: str) -> list:
    return [m for m in messages or () if tag not in (m.extra_tags or "").split()]


@register.filter
def is_foreign(text) -> bool:
    """True when ``text`` is in another language than the page (no translation yet)."""
    lang = getattr(text, "lang", None)
    return bool(lang) and lang != translation.get_language()


@register.simple_tag(takes_context=True)
def alternate_url(context, language: str) -> str:
    """This page in ``language``: the view's own address for it, else Django's guess,
    else that language's home page. Only ever a path on this site: the guess starts from
    the requested address, which a probe chooses (``//evil.example/en/``)."""
    alternates = context.get("alternate_urls") or {}
    if language in alternates:
        url = alternates[language]
    else:
        url = translate_url(context["request"].get_full_path(), language)
    return url if is_site_path(url) else f"{get_script_prefix()}{language}/"


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    return context["request"].build_absolute_uri(path)


# Turkish has a dotted capital İ for i and a plain I for the dotless ı; Python's
# str.upper() knows neither rule.
TURKISH_UPPER = str.maketrans({"i": "İ", "ı": "I"})


@register.filter
def upper_locale(value) -> str:
    """Upper-case ``value`` by the rules of the active language ("1 HAZİRAN 2026")."""
    text = str(value)
    if (translation.get_language() or "").startswith(("tr", "az")):
        text = text.translate(TURKISH_UPPER)
    return text.upper()


@register.simple_tag
def og_locales() -> dict:
    locales = settings.BROADSHEET_OG_LOCALES
    current = translation.get_language()
    return {
        "current": locales.get(current, current),
        "alternates": [value for code, value in locales.items() if code != current],
    }


@register.filter
def json_ld(data: dict) -> str:
    """The body of a ``<script type="application/ld+json">`` block, escaped like
    ``json_script`` (the template writes the element, with the request's nonce)."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_ESCAPES)
    return mark_safe(payload)  # noqa: S308 -- escaped above
