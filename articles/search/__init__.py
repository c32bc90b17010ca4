"""Article search: one service over two databases.

``search(query, language)`` gives the published articles whose text, as a reader of
``language`` sees it (an untranslated field is read in the original), has every word of
the query (the last one may be a beginning), best first, each with a ``snippet``.

The index holds one document per article and site language: the title, standfirst and
body (weighted in that order) as that reader sees them. ``Article.save()`` renews an
article's documents in the same transaction; bulk writers call ``index_articles``;
``manage.py search_index --rebuild`` rebuilds them all.

PostgreSQL: ``postgres.py`` (tsvector, GIN, ts_rank, ts_headline). SQLite: ``sqlite.py``
(FTS5, bm25). Words are case-folded by the language's rules and stemmed by Snowball on
both (``analysis.py``).
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction
from django.utils.safestring import mark_safe

from pagecache import invalidation, versions

from . import analysis, postgres, snippets, sqlite
from .documents import CONTROL, documents

MAX_QUERY_LENGTH = 200
# Counts and pages of results are kept this long, under the tokens of the lists (any
# article's change) and of the index (``invalidation.search_changed``); the limit is for
# what no token says: a scheduled article's time coming.
RESULTS_TIMEOUT = 60
# More words than this in one query are dropped (each is one more index lookup).
MAX_TERMS = 16


def backend():
    return postgres if connection.vendor == "postgresql" else sqlite


def clean_query(raw: str) -> str:
    """The query as the page shows it back: control characters gone, spaces collapsed,
    at most MAX_QUERY_LENGTH characters."""
    return " ".join(CONTROL.sub(" ", raw or "").split())[:MAX_QUERY_LENGTH]


def index_articles(articles) -> None:
    """Renew the documents of ``articles`` (any objects with the article's text fields)."""
    articles = list(articles)
    if not articles:
        return
    found = [document for article in articles for document in documents(article)]
    backend().replace([article.pk for article in articles], found)
    invalidation.search_changed()


def remove(article_ids) -> None:
    backend().replace(list(article_ids), [])
    invalidation.search_changed()


def rebuild(articles) -> int:
    """Replace the whole index with ``articles``' documents, in one transaction: readers
    see the old index until it commits. Returns how many articles were indexed."""
    count = 0
    with transaction.atomic():
        backend().clear()
        batch = []
        for article in articles:
            batch.append(article)
            if len(batch) == 200:
                index_articles(batch)
                count, batch = count + len(batch), []
        index_articles(batch)
        count += len(batch)
    return count


@dataclass
class Results:
    """Matches for Django's ``Paginator``: ``count()`` and slices, a query for each."""

    query: str
    language: str
    candidates: object  # a queryset of the articles that may be found
    # Names ``candidates`` for the results cache (the same name, the same articles);
    # None: nothing cached.
    cache_as: str | None = None

    def __post_init__(self):
        if connection.vendor == "postgresql":
            self.terms = analysis.words(self.query, self.language)[:MAX_TERMS]
        else:
            self.terms = analysis.stems(self.query, self.language)[:MAX_TERMS]
        self._count = None

    def _key(self, *parts) -> str:
        tokens = [versions.current(invalidation.LISTS), versions.current(invalidation.SEARCH)]
        what = "\x1f".join([self.cache_as, self.language, *self.terms, *map(str, parts), *tokens])
        return f"search:{connection.vendor}:{hashlib.sha256(what.encode()).hexdigest()}"

    def count(self) -> int:
        if self._count is None:
            if not self.terms:
                self._count = 0
            else:
                key = self._key("count") if self.cache_as else None
                self._count = cache.get(key) if key else None
                if self._count is None:
                    self._count = backend().count(self.terms, self.language, self.candidates)
                    if key:
                        cache.set(key, self._count, RESULTS_TIMEOUT)
        return self._count

    def _rows(self, offset: int, limit: int) -> list[tuple[int, str]]:
        """The page's ``(article id, snippet HTML)``, best first."""
        key = self._key("page", offset, limit) if self.cache_as else None
        rows = cache.get(key) if key else None
        if rows is None:
            found = backend().page(self.terms, self.language, self.candidates, offset, limit)
            if backend() is postgres:
                rows = [
                    (pk, snippets.from_headline(text, postgres.START, postgres.STOP))
                    for pk, text in found
                ]
            else:
                rows = [
                    (pk, snippets.highlight(text, self.terms, self.language)) for pk, text in found
                ]
            rows = [(pk, str(snippet)) for pk, snippet in rows]
            if key:
                cache.set(key, rows, RESULTS_TIMEOUT)
        return rows

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        if not self.terms:
            return []
        offset = index.start or 0
        limit = (index.stop if index.stop is not None else self.count()) - offset
        if limit <= 0:
            return []
        rows = self._rows(offset, limit)
        articles = self.candidates.in_bulk([pk for pk, _snippet in rows])
        found = []
        for pk, snippet in rows:
            article = articles.get(pk)
            if article is None:  # unpublished since (the lists' token would say so)
                continue
            article.snippet = mark_safe(snippet)  # noqa: S308 -- escaped by snippets.py
            found.append(article)
        return found


def search(query: str, language: str, candidates, *, cache_as: str | None = None) -> Results:
    """Articles among ``candidates`` (a queryset) matching ``query`` in ``language``.

    With ``cache_as`` (a name that always means the same ``candidates``), counts and
    pages are kept for RESULTS_TIMEOUT seconds, or until an article or the index changes.
    """
    return Results(clean_query(query), language, candidates, cache_as)
