"""The site's URLs plus one view that fails, for the error-reporting tests."""

from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from config.urls import handler500  # noqa: F401
from config.urls import urlpatterns as site_urlpatterns


@csrf_exempt
def fails(request):
    # The personal data a failing comment submission would carry: it must not travel.
    request.POST.get("text")
    raise ValueError("the comment store is broken")


urlpatterns = [path("boom/", fails), *site_urlpatterns]
