from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from operations import upkeep
from pagecache import invalidation


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete

        from .models import Article, Author, Category, Source, SummaryState, Tag

        # The admin's own saves and deletes; the services say what they change themselves.
        for model in (Category, Source):
            invalidation.follow(model, menu_or_source_changed, renews="every page")
        # Bylines and tag links are on cards and article pages everywhere, and their
        # own pages show their name and bio: a change renews every page.
        for model in (Author, Tag):
            invalidation.follow(model, menu_or_source_changed, renews="every page")
        # The admin saves an article's authors and tags after the article itself.
        for through in (Article.authors.through, Article.tags.through):
            m2m_changed.connect(
                byline_or_tags_changed, sender=through, dispatch_uid=f"pagecache-m2m-{through}"
            )
        invalidation.follow(
            Article,
            article_changed,
            renews="its pages, the lists and the article pages showing it",
        )
        invalidation.follow(SummaryState, summary_changed, renews="its pages and the lists")
        invalidation.next_change(next_publication)
        # Deletes, the admin's included: the article's search documents go with it.
        post_delete.connect(article_deleted, sender=Article, dispatch_uid="search-delete")

        # Run by the task worker (operations.upkeep); intervals in BROADSHEET_UPKEEP.
        upkeep.register(
            "retry_summaries",
            label=_("Retry failed and stale summaries"),
            every=3600,
            command="generate_summaries",
            args=["--failed", "--stale"],
        )
        # Catches up what bypassed Article.save() (a queryset update, a raw import).
        upkeep.register(
            "search_index",
            label=_("Rebuild the search index"),
            every=86400,
            command="search_index",
            args=["--rebuild"],
        )


def article_deleted(sender, instance, **kwargs) -> None:
    from . import search

    search.remove([instance.pk])
    # Off every list it was on (article_changed, below, cannot tell a delete from a save).
    invalidation.article_changed(instance.pk)


def menu_or_source_changed(_instance, created=False) -> None:
    invalidation.site_changed()


def article_changed(article, created=False) -> None:
    # Other pages' "More in" and "Related" change with it only where they show it, unless
    # the save moves it in, out of or within those lists (against the loaded values).
    invalidation.article_changed(article.pk, reading_on=created or article.moves_reading_on())


def byline_or_tags_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if not action.startswith("post_") or pk_set == set():  # (an add of links already there)
        return
    from .models import Article

    # "Related" is chosen by tags: a tag link moves articles in and out of it; bylines
    # are on cards only.
    reading_on = sender is not Article.authors.through
    if reverse:  # author.articles.add(...): the articles named in pk_set (all on clear)
        if pk_set is None:
            invalidation.site_changed()
        for pk in pk_set or ():
            invalidation.article_changed(pk, reading_on=reading_on)
    else:
        invalidation.article_changed(instance.pk, reading_on=reading_on)


def summary_changed(state, created=False) -> None:
    # Summaries show on cards and in feeds, never in "More in" or "Related".
    invalidation.article_changed(state.article_id, reading_on=False)


def next_publication():
    """A scheduled article appears on the lists at its publication time."""
    from django.db.models import Min

    from .models import Article

    return Article.objects.scheduled().aggregate(first=Min("published_at"))["first"]
