from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView

from .models import LANGUAGE_CODES, Article, Category


class AlternatesMixin:
    """Gives templates this page's address in every site language.

    The language switcher and the ``hreflang`` links read it, so a reader who
    switches language stays on the same article or category, under its own slug.
    """

    def get_alternate_urls(self) -> dict[str, str]:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["alternate_urls"] = self.get_alternate_urls()
        return context


class ArticleListView(AlternatesMixin, ListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = settings.BROADSHEET_ARTICLES_PER_PAGE

    def get_queryset(self):
        return Article.objects.published().for_listing()

    def get_alternate_urls(self):
        urls = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                urls[code] = reverse("articles:home")
        return urls


class CategoryView(ArticleListView):
    template_name = "articles/category_detail.html"

    def get_queryset(self):
        slug = self.kwargs["slug"]
        lookup = Q()
        for code in LANGUAGE_CODES:
            lookup |= Q(**{f"slug_{code}": slug})
        self.category = get_object_or_404(Category.objects.filter(lookup)[:1])
        return super().get_queryset().filter(category=self.category)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # A slug from the other language redirects to this language's own slug.
        if self.kwargs["slug"] != self.category.local.slug:
            return redirect(self.category.get_absolute_url(), permanent=True)
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)

    def get_alternate_urls(self):
        return {code: self.category.get_absolute_url(code) for code in LANGUAGE_CODES}


class ArticleDetailView(AlternatesMixin, DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().for_listing().with_reader_summary()

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        return get_object_or_404(queryset, public_id=self.kwargs["public_id"])

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        # The slug is decoration: a stale or foreign one redirects to the right address.
        if self.kwargs["slug"] != (self.object.local.slug or self.object.public_id.lower()):
            return redirect(self.object.get_absolute_url(), permanent=True)
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)

    def get_alternate_urls(self):
        return {code: self.object.get_absolute_url(code) for code in LANGUAGE_CODES}


@require_GET
def short_link(request, public_id: str):
    """``/a/NWURPW/`` leads to the article in the reader's language."""
    article = get_object_or_404(Article.objects.published(), public_id=public_id.upper())
    return redirect(article.get_absolute_url(get_language_from_request(request)))


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /preview/"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
