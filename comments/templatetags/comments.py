"""How a page shows an object's comments, after django-contrib-comments' tags.

``{% get_comment_count for article as n %}`` and ``{% render_comment_section for article %}``
(the approved comments and the form) let the article page show comments without the
articles app knowing about them. Both read one kept comment list per page render.
"""

from django import template
from django.db.models import Count, QuerySet

from comments.context import comment_section
from comments.holes import shared_form
from comments.models import Comment
from comments.rules import auto_close_time
from pagecache.decorators import changes_at

register = template.Library()


@register.simple_tag
def shared_comment_form(hole: str) -> str:
    """``{% shared_comment_form hole %}``: the form as every anonymous reader gets it
    (``comments.holes``), the same bytes for all."""
    return shared_form(hole)


def _section(context, article) -> dict:
    sections = context.render_context.setdefault("comment_sections", {})
    if article.pk not in sections:
        request = context["request"]
        sections[article.pk] = comment_section(
            request=request, article=article, form=context.get("comment_form")
        )
        if not sections[article.pk]["comments_closed_reason"]:
            # A cached page must stop offering the form when comments close by age.
            changes_at(request, auto_close_time(article))
    return sections[article.pk]


class CommentCountNode(template.Node):
    def __init__(self, target, name):
        self.target, self.name = target, name

    def render(self, context):
        article = self.target.resolve(context)
        count = getattr(article, COUNT_ATTRIBUTE, None)
        if count is None:
            count = _section(context, article)["comment_list"].count
        context[self.name] = count
        return ""


# Set by {% prefetch_comment_counts %} on each article of a list page.
COUNT_ATTRIBUTE = "approved_comment_count"


@register.simple_tag
def prefetch_comment_counts(*groups) -> str:
    """``{% prefetch_comment_counts articles other_articles %}``: one query counts the
    visible comments (``Comment.objects.visible()``, as every count does) of every
    article given (lists or single articles), so each card's
    ``{% get_comment_count %}`` costs none."""
    articles = []
    for group in groups:
        if group is None or group == "":
            continue
        articles.extend(group if isinstance(group, (list, tuple, QuerySet)) else [group])
    counts = (
        dict(
            Comment.objects.visible()
            .filter(article__in=[article.pk for article in articles])
            .values_list("article")
            .annotate(n=Count("pk"))
            .order_by()
        )
        if articles
        else {}
    )
    for article in articles:
        setattr(article, COUNT_ATTRIBUTE, counts.get(article.pk, 0))
    return ""


class CommentSectionNode(template.Node):
    def __init__(self, target):
        self.target = target

    def render(self, context):
        article = self.target.resolve(context)
        section = context.template.engine.get_template("comments/_comments.html")
        with context.push(_section(context, article), article=article):
            return section.render(context)


@register.tag
def get_comment_count(parser, token):
    """``{% get_comment_count for article as n %}``: its approved comments."""
    bits = token.split_contents()
    if len(bits) != 5 or bits[1] != "for" or bits[3] != "as":
        raise template.TemplateSyntaxError(f"Use {{% {bits[0]} for <object> as <name> %}}")
    return CommentCountNode(parser.compile_filter(bits[2]), bits[4])


@register.tag
def render_comment_section(parser, token):
    """``{% render_comment_section for article %}``: the approved comments and the form."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "for":
        raise template.TemplateSyntaxError(f"Use {{% {bits[0]} for <object> %}}")
    return CommentSectionNode(parser.compile_filter(bits[2]))
