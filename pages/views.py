from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext
from django.views.generic import DetailView

from articles.views import AlternatesMixin
from core.languages import LANGUAGE_CODES

from .models import Page


class PageDetailView(AlternatesMixin, DetailView):
    template_name = "pages/page_detail.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        # This language's slug first, then the other languages' (which redirect).
        slug = self.kwargs["slug"]
        published = Page.objects.published()
        for code in dict.fromkeys([translation.get_language(), *LANGUAGE_CODES]):
            page = published.filter(**{f"slug_{code}": slug}).first()
            if page is not None:
                return page
        raise Http404(gettext("There is no such page."))

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.kwargs["slug"] != str(self.object.local.slug):
            return redirect(self.object.get_absolute_url(), permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_alternate_urls(self):
        return {code: self.object.get_absolute_url(code) for code in LANGUAGE_CODES}
