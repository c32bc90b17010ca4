import re
from functools import cached_property

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import F, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.decorators import method_decorator
from django.utils.http import http_date, urlencode
from django.utils.translation import get_language_from_request, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView

from pagecache import fragments, versions
from pagecache.decorators import depends_on, not_stored
from pagecache.holes import is_personal
from pagecache.invalidation import READING_ON, article_card_key, article_key

from . import search
from .models import LANGUAGE_CODES, Article, Author, Category, Tag
from .rendering import sections
from .services import PREVIEW_PERMISSION


class AlternatesMixin:
    """Gives templates this page's address in every site language.

    The language switcher and the ``hreflang`` links read it, so a reader who
    switches language stays on the same page, under that language's own slug.
    """

    def get_alternate_urls(self) -> dict[str, str]:
        match = self.request.resolver_match
        urls = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                urls[code] = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        return urls

    def get_x_default_url(self, alternates: dict[str, str]) -> str:
        return alternates[settings.LANGUAGE_CODE]

    def get_canonical_url(self, alternates: dict[str, str]) -> str:
        url = alternates[translation.get_language()]
        page = self.request.GET.get("page")
        return f"{url}?page={page}" if page and page != "1" else url

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        alternates = self.get_alternate_urls()
        context["alternate_urls"] = alternates
        context["x_default_url"] = self.get_x_default_url(alternates)
        context["canonical_url"] = self.request.build_absolute_uri(
            self.get_canonical_url(alternates)
        )
        return context


# A page number as the site writes it: "01", "+1" or "1_0" (which int() all accepts)
# would each be a page of its own to the cache.
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


class ArticleListView(AlternatesMixin, ListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = settings.BROADSHEET_ARTICLES_PER_PAGE

    def paginate_queryset(self, queryset, page_size):
        page = self.request.GET.get(self.page_kwarg)
        if page is not None and not PAGE_NUMBER.fullmatch(page):
            raise Http404(gettext("There is no such page."))
        return super().paginate_queryset(queryset, page_size)

    def get_queryset(self):
        return Article.objects.published().for_listing()


def by_translated_slug(model, slug: str):
    """The row whose slug is ``slug`` in this language, else in another (which then
    redirects): another row's slug in another language never takes this one's address."""
    for code in dict.fromkeys([translation.get_language(), *LANGUAGE_CODES]):
        found = model.objects.filter(**{f"slug_{code}": slug}).first()
        if found is not None:
            return found
    return None


class FrontPageMixin:
    """The first page in hierarchy: a lead story, the next stories as cards, then (on the
    home page) a section per category. Later pages stay a plain list.

    The lead is the featured article when it is in this list, else the latest; page 1's
    other articles follow it, so the pages after it continue where page 1 stops.
    """

    section_size = 4
    with_sections = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        if page.number != 1:
            return context
        articles = list(context["articles"])
        lead = self.object_list.lead()
        stories = [article for article in articles if article.pk != (lead and lead.pk)]
        shown = [article.pk for article in stories] + ([lead.pk] if lead else [])
        sections = self.sections(shown) if self.with_sections else []
        context.update(
            lead=lead,
            stories=stories,
            sections=sections,
            section_articles=[article for s in sections for article in s["articles"]],
        )
        return context

    def sections(self, shown: list[int]) -> list[dict]:
        """Each category's latest articles not already above, in menu order, in one query."""
        rank = Window(
            RowNumber(),
            partition_by=F("category"),
            order_by=[F("published_at").desc(), F("pk").desc()],
        )
        latest = (
            Article.objects.published()
            .for_listing()
            .exclude(pk__in=shown)
            .annotate(rank=rank)
            .filter(rank__lte=self.section_size)
            .order_by("category__position", "category__pk", "-published_at", "-pk")
        )
        sections = {}
        for article in latest:
            sections.setdefault(article.category, []).append(article)
        return [{"category": c, "articles": a} for c, a in sections.items()]


class HomeView(FrontPageMixin, ArticleListView):
    paginate_by = settings.BROADSHEET_FRONT_PAGE_STORIES
    with_sections = True


class CategoryView(FrontPageMixin, ArticleListView):
    template_name = "articles/category_detail.html"

    def get_queryset(self):
        self.category = by_translated_slug(Category, self.kwargs["slug"])
        if self.category is None:
            raise Http404(gettext("There is no such category."))
        return super().get_queryset().filter(category=self.category)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # A slug from the other language redirects to this language's own slug.
        if self.kwargs["slug"] != self.category.local.slug:
            return redirect(self.category.get_absolute_url(), permanent=True)
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            category=self.category, current_category=self.category, **kwargs
        )

    def get_alternate_urls(self):
        return {code: self.category.get_absolute_url(code) for code in LANGUAGE_CODES}


class TagView(ArticleListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = by_translated_slug(Tag, self.kwargs["slug"])
        if self.tag is None:
            raise Http404(gettext("There is no such tag."))
        return super().get_queryset().filter(tags=self.tag)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.kwargs["slug"] != self.tag.local.slug:
            return redirect(self.tag.get_absolute_url(), permanent=True)
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)

    def get_alternate_urls(self):
        return {code: self.tag.get_absolute_url(code) for code in LANGUAGE_CODES}


class AuthorView(ArticleListView):
    """An author's page: who they are, and their published articles, newest first."""

    template_name = "articles/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return super().get_queryset().filter(authors=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class SearchView(ArticleListView):
    """Published articles matching the query in the page's language, best first, each
    with a snippet (``articles.search``). Cached like the lists, a page per query and
    page number, until any article or the index changes.

    Where an article has no translation into the page's language, its original
    text is searched instead: that is the text a reader of this page sees.
    """

    template_name = "articles/search.html"
    max_query_length = search.MAX_QUERY_LENGTH
    suggestion_count = 5

    def get_queryset(self):
        raw = self.request.GET.get("q", "")
        self.query = search.clean_query(raw)
        if raw != self.query:
            # Cached under the words as typed: only the tidy spelling of a query is kept.
            not_stored(self.request)
        return search.search(
            self.query,
            translation.get_language(),
            Article.objects.published().for_listing(),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)
        if not context["paginator"].count:
            # Somewhere to go instead of an empty page.
            context["suggested_articles"] = list(
                Article.objects.published().for_listing()[: self.suggestion_count]
            )
            context["suggested_categories"] = list(Category.objects.all())
        return context

    def get_alternate_urls(self):
        # The language switch keeps the query (not the page: the other language's
        # results are counted and ordered by its own text).
        urls = super().get_alternate_urls()
        if self.query:
            query = urlencode({"q": self.query})
            urls = {code: f"{url}?{query}" for code, url in urls.items()}
        return urls

    def get_canonical_url(self, alternates):
        url = alternates[translation.get_language()]
        page = self.request.GET.get("page")
        if self.query and page and page != "1":
            return f"{url}&page={page}"
        return url


class ReadingOn:
    """An article page's "More in <category>" and "Related" lists.

    Which articles they show changes with ``READING_ON`` only (publishing, publication
    times, categories, tags: ``pagecache.invalidation``), so their ids are kept under that
    token, like a fragment; what each shows changes with its card token
    (``article_card_key``). The page depends on both, the cards' read before the articles
    are, so an edit made meanwhile retires what was made from the old text. Staff read
    the database, not the kept ids, as they do every kept part.
    """

    def __init__(self, request, article: Article, more_count: int, related_count: int):
        self.request, self.article = request, article
        self.more_count, self.related_count = more_count, related_count

    @cached_property
    def version(self) -> str:
        """Which articles the lists show (the token's value when first asked)."""
        return versions.current(READING_ON)

    @cached_property
    def shown(self) -> dict[str, list[int]]:
        """The ids in "More in" and in "Related", in order: kept per article and token."""
        user = getattr(self.request, "user", None)
        kept = user is None or not user.is_authenticated
        key = f"reading-on:v1:{self.article.pk}:{self.version}"
        shown = cache.get(key) if kept else None
        if shown is None:
            more = list(
                Article.objects.more_in_category(self.article, self.more_count).values_list(
                    "pk", flat=True
                )
            )
            prefetch_related_objects([self.article], "tags")
            related = []
            if self.article.tags.all():
                related = list(
                    Article.objects.related_to(
                        self.article, self.related_count, exclude=more
                    ).values_list("pk", flat=True)
                )
            shown = {"more": more, "related": related}
            if kept:
                cache.set(key, shown, fragments.lifetime(self.request))
        return shown

    @cached_property
    def cards(self) -> dict[str, str]:
        """The card token of each article shown, in one read."""
        pks = [*self.shown["more"], *self.shown["related"]]
        return versions.current_many([article_card_key(pk) for pk in pks])

    @cached_property
    def fragment_version(self) -> str:
        """What the lists' kept part is made of: which articles, and their cards."""
        return " ".join([self.version, *self.cards.values()])

    def depend(self) -> None:
        """The page being cached shows these lists: record their tokens."""
        depends_on(self.request, READING_ON, self.version)
        for key, value in self.cards.items():
            depends_on(self.request, key, value)

    def tokens(self) -> list[str]:
        return [self.version, *self.cards.values()]

    @cached_property
    def articles(self) -> dict[int, Article]:
        self.cards  # noqa: B018 -- read before the articles (see the class docstring)
        pks = [*self.shown["more"], *self.shown["related"]]
        return Article.objects.published().for_listing().in_bulk(pks) if pks else {}

    @property
    def more(self) -> list[Article]:
        return [self.articles[pk] for pk in self.shown["more"] if pk in self.articles]

    @property
    def related(self) -> list[Article]:
        return [self.articles[pk] for pk in self.shown["related"] if pk in self.articles]


class ArticleDetailView(AlternatesMixin, DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    # "More in <category>" and "Related" on the article page.
    more_count = 4
    related_count = 4
    # Articles with at least this many h2/h3 headings get a table of contents.
    toc_min_sections = 3

    def get_queryset(self):
        # Authors and tags are read where the page's parts that show them are rendered
        # ({% prefetch_relations %}): a miss whose parts are kept needs neither.
        return (
            Article.objects.published().select_related("category", "source").with_reader_summary()
        )

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        return get_object_or_404(queryset, public_id=self.kwargs["public_id"])

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        # The slug is decoration: a stale or foreign one redirects to the right address.
        if self.kwargs["slug"] != (self.object.local.slug or self.object.public_id.lower()):
            return redirect(self.object.get_absolute_url(), permanent=True)
        # Renewed by the article, its summaries and whatever other apps show on its page
        # (its comments): one token covers the whole page, and says when it last changed.
        self.version = versions.current(article_key(self.object.pk))
        depends_on(request, article_key(self.object.pk), self.version)
        # Its reading-on lists show other articles: the change of any of them renews it
        # too, and publishing any article (but not their comments: no counts shown).
        self.reading_on = self.make_reading_on()
        self.reading_on.depend()
        last_modified = self.last_modified()
        not_modified = get_conditional_response(request, last_modified=last_modified)
        if not_modified is not None and not is_personal(request):
            return not_modified
        response = self.render_to_response(self.get_context_data(object=self.object))
        response["Last-Modified"] = http_date(last_modified)
        return response

    def last_modified(self) -> int:
        """When anything on the page last changed: text, summary, comments or the lists
        under it (which articles, and what they show)."""
        article = self.object
        moments = [article.updated_at, getattr(article, "reader_summary_updated_at", None)]
        for version in (self.version, *self.reading_on.tokens()):
            renewed = versions.made_at(version) if version else None
            moments.append(min(renewed, timezone.now()) if renewed else None)
        return int(max(filter(None, moments)).timestamp())

    def get_context_data(self, **kwargs):
        # The lists, the contents and the structured data are callables and lazy lists,
        # read only when the page's part showing them is rendered (pagecache.fragments).
        return super().get_context_data(
            current_category=self.object.category,
            structured_data=self.get_structured_data,
            reading_on=getattr(self, "reading_on", None) or self.make_reading_on(),
            toc=self.table_of_contents,
            # (Views that show the page without get(), after a comment is sent, read it here.)
            article_version=getattr(self, "version", None)
            or versions.current(article_key(self.object.pk)),
            **kwargs,
        )

    def make_reading_on(self) -> ReadingOn:
        return ReadingOn(self.request, self.object, self.more_count, self.related_count)

    def table_of_contents(self) -> list:
        found = sections(self.object.body_html())
        return found if len(found) >= self.toc_min_sections else []

    def get_structured_data(self) -> dict:
        """schema.org NewsArticle for search engines, in the page's language."""
        article = self.object
        url = self.request.build_absolute_uri(article.get_absolute_url())
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.local.title,
            "description": article.local.standfirst,
            "datePublished": article.published_at,
            "dateModified": article.revised_at or article.published_at,
            "inLanguage": translation.get_language(),
            "articleSection": article.category.local.name,
            "identifier": article.public_id,
            "mainEntityOfPage": url,
            "url": url,
            "publisher": {"@type": "Organization", "name": settings.BROADSHEET_SITE_NAME},
        }
        if authors := article.authors.all():
            data["author"] = [
                {
                    "@type": "Person",
                    "name": author.name,
                    "url": self.request.build_absolute_uri(author.get_absolute_url()),
                }
                for author in authors
            ]
        if picture := article.lead_picture:
            data["image"] = {
                "@type": "ImageObject",
                "url": self.request.build_absolute_uri(picture.share_url),
                "width": picture.share_width,
                "height": picture.share_height,
            }
        if article.source:
            data["isBasedOn"] = article.original_url or article.source.url
            data["sourceOrganization"] = {
                "@type": "Organization",
                "name": article.source.name,
                "url": article.source.url,
            }
        return data

    def get_alternate_urls(self):
        return {code: self.object.get_absolute_url(code) for code in LANGUAGE_CODES}

    def get_canonical_url(self, alternates):
        # A republished article points search engines at where it first appeared.
        return self.object.original_url or super().get_canonical_url(alternates)


@method_decorator([never_cache, staff_member_required], name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Any article in any status, as readers would see it, for those of the newsroom who
    may preview (``articles.preview_article``: editors, translators, superusers).

    The page is the reader's template and context (``article_preview.html`` only adds
    ``noindex`` and a notice above the article); the response also says ``noindex``
    in its headers so no search engine keeps it.
    """

    template_name = "articles/article_preview.html"

    def get_queryset(self):
        return Article.objects.for_listing()

    def get(self, request, *args, **kwargs):
        # Not "view_article": moderators hold that, and must not read embargoed drafts.
        if not request.user.has_perm(PREVIEW_PERMISSION):
            raise PermissionDenied
        self.object = self.get_object()
        response = self.render_to_response(self.get_context_data(object=self.object))
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        return get_object_or_404(queryset, public_id=self.kwargs["public_id"].upper())

    def get_alternate_urls(self):
        urls = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                urls[code] = reverse(
                    "articles:preview", kwargs={"public_id": self.object.public_id}
                )
        return urls


@require_GET
def short_link(request, public_id: str):
    """``/a/NWURPW/`` leads to the article in the reader's language."""
    article = get_object_or_404(Article.objects.published(), public_id=public_id.upper())
    return redirect(article.get_absolute_url(get_language_from_request(request)))
