"""The site's addresses, and ``/bench/bare``: a bare Django view rendering a 29 KB
template with no database, no session and no page cache (the second baseline)."""

from django.shortcuts import render
from django.urls import path

from config.urls import urlpatterns as site

ITEMS = [
    {"title": f"Headline number {n} about containers", "href": f"/en/articles/X{n:05d}/"}
    for n in range(120)
]


def bare(request):
    return render(request, "bare.html", {"items": ITEMS, "title": "A bare page"})


urlpatterns = [path("bench/bare", bare), *site]
