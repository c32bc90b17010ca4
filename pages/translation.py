from modeltranslation.translator import TranslationOptions, register

from .models import Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "body")
    required_languages = ("en",)
    # A Turkish reader of an untranslated page gets the English text, labelled
    # (``Page.local``), never a silent fallback.
    fallback_languages = {"default": ()}
