from modeltranslation.translator import TranslationOptions, register

from .models import Article, Author, Category, Tag


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


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("name", "slug")
    required_languages = ("en",)


@register(Author)
class AuthorTranslationOptions(TranslationOptions):
    fields = ("bio",)
    # Each bio is shown in its own language, labelled when it is another's (Author.local).
    fallback_languages = {"default": ()}
