from modeltranslation.translator import TranslationOptions, register

from .models import Article, Category


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "slug")
    required_languages = ("en",)


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "slug",
        "standfirst",
        "body",
        "summary",
        "lead_image_alt",
        "lead_image_caption",
        "lead_image_credit",
    )
    # Never borrow another language's text through modeltranslation, whatever the
    # global setting says: a Turkish page must not show the English summary.
    # (Title, standfirst and body fall back explicitly through ``Article.local``.)
    fallback_languages = {"default": ()}
