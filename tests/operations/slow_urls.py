"""The site's URLs plus one view that takes its time, for the slow-request log's tests."""

import time

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def slow(request):
    time.sleep(0.06)
    return HttpResponse("done")


urlpatterns = [path("slow/", slow), *site_urlpatterns]
