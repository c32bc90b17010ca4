"""An article's approved comments, rendered once and kept until one of them changes.

Rendering fifty threads is most of the cost of an article page. Each page of the list
(``?comments=N``, in either order) is keyed by the token of the article's page
(``pagecache.invalidation.article_key``), which every change to one of its comments
renews (``article_page_changed``), so a change re-renders that article's lists only.
(The article's own edits renew the same token: one token read per cached page instead of
two, for a rare extra re-render.) Making one costs three queries however many comments
there are: the counts, and one page of threads with their replies.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe

from pagecache import versions
from pagecache.invalidation import article_key

from . import rendering
from .models import Comment

THREADS_PER_PAGE = 50
PAGE_PARAMETER = "comments"
ORDER_PARAMETER = "order"
NEWEST = "newest"  # the reader's other choice; oldest first is the default
REPORT_SAMPLE = 987654321  # a comment number standing in for each one's in its report link


@dataclass(frozen=True)
class CommentList:
    count: int
    html: SafeString


@dataclass(frozen=True)
class Listing:
    """Which page of the threads, in which order, a request asks for."""

    page: int = 1
    newest_first: bool = False

    @classmethod
    def from_query(cls, query) -> "Listing":
        page = query.get(PAGE_PARAMETER, "")
        return cls(
            page=int(page) if page.isdigit() and len(page) < 7 else 1,
            newest_first=query.get(ORDER_PARAMETER) == NEWEST,
        )

    def query(self, page: int | None = None, newest_first: bool | None = None) -> str:
        """The query string of this listing, or of another page or order of it."""
        page = self.page if page is None else page
        newest_first = self.newest_first if newest_first is None else newest_first
        pairs = [(PAGE_PARAMETER, page)] if page > 1 else []
        if newest_first:
            pairs.append((ORDER_PARAMETER, NEWEST))
        return "?" + urlencode(pairs) if pairs else ""


def comment_list(article, *, closed: bool, listing: Listing = Listing()) -> CommentList:
    """The rendered ``<section class="comments">`` for ``article`` in the active language."""
    language = translation.get_language()
    current = versions.current(article_key(article.pk))
    key = (
        f"comments:list:{article.pk}:{current}:{language}:{int(closed)}"
        f":{listing.page}:{int(listing.newest_first)}"
    )
    stored = cache.get(key)
    if stored is None:
        stored = _render(article, closed=closed, listing=listing)
        cache.set(key, stored, versions.TIMEOUT)
    count, html = stored
    # Rendered by our own template and comments/rendering.py, which escape what readers
    # wrote.
    return CommentList(count=count, html=mark_safe(html))  # noqa: S308


def _render(article, *, closed: bool, listing: Listing) -> tuple[int, str]:
    counts = (
        Comment.objects.visible()
        .filter(article=article)
        .aggregate(total=Count("pk"), threads=Count("pk", filter=Q(parent__isnull=True)))
    )
    pages = max(1, -(-counts["threads"] // THREADS_PER_PAGE))
    page = min(listing.page, pages)
    order = ("-created_at", "-pk") if listing.newest_first else ("created_at", "pk")
    start = (page - 1) * THREADS_PER_PAGE
    page_ids = (
        Comment.objects.threads(article)
        .order_by(*order)
        .values("pk")[start : start + THREADS_PER_PAGE]
    )
    # The page's threads and their replies in one query (the page as a subquery), read
    # through the article's own index: without ``article`` the OR walks every approved
    # comment on the site (70 ms with 100,000).
    rows = list(
        Comment.objects.approved()
        .filter(Q(pk__in=page_ids) | Q(parent__in=page_ids), article=article)
        .order_by(*order)
    )
    threads = [row for row in rows if row.parent_id is None]
    replies: dict[int, list[Comment]] = {}
    # Replies read in order under their comment, whichever way the threads go.
    for reply in sorted(
        (row for row in rows if row.parent_id is not None), key=lambda c: (c.created_at, c.pk)
    ):
        replies.setdefault(reply.parent_id, []).append(reply)
    for thread in threads:
        thread.shown_replies = replies.get(thread.pk, [])
    # reverse() costs about 150 µs under the site's translated URL patterns: once per
    # list, not twice for each of a hundred comments.
    report = reverse("comments:report", kwargs={"pk": REPORT_SAMPLE})
    for row in rows:
        row.report_url = report.replace(str(REPORT_SAMPLE), str(row.pk))
    here = Listing(page=page, newest_first=listing.newest_first)
    query = here.query()
    html = render_to_string(
        "comments/_comment_list.html",
        {
            "threads": threads,
            # Each thread's markup written in Python (comments/rendering.py): through the
            # template language 50 threads took 14 ms, 29 ms with a reply each.
            "thread_items": rendering.threads_html(
                threads,
                closed=closed,
                page_language=translation.get_language(),
                here=query,
                reply_query=query.replace("?", "&") if query else "",
                labels=rendering.Labels.active(),
            ),
            "comment_count": counts["total"],
            "comments_closed": closed,
            "pages": pages,
            "page": page,
            # "?" is the first page: the article's own address.
            "previous": (here.query(page=page - 1) or "?") if page > 1 else None,
            "next": here.query(page=page + 1) if page < pages else None,
            "oldest_first": here.query(page=1, newest_first=False) or "?",
            "newest_first": here.query(page=1, newest_first=True),
            "newest": listing.newest_first,
            "paginated": counts["threads"] > THREADS_PER_PAGE,
        },
    )
    return counts["total"], str(html)
