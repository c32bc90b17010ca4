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

from dataclasses import dataclass

from django.db import connection, transaction

from pagecache import invalidation

from . import analysis, postgres, snippets, sqlite
from .documents import CONTROL, documents

MAX_QUERY_LENGTH = 200
# More words than this in one query are dropped (each is one more index lookup).
MAX_TERMS = 16


def backend():
    return postgres if connection.vendor == "postgresql" else sqlite


def clean_query(raw: str) -> str:
    """The query as the page shows it back: control characters gone, spaces collapsed,
    at most MAX_QUERY_LENGTH characters."""
    return " ".join(CONTROL.sub(" ", raw or "").split())[:MAX_QUERY_LENGTH]


def index_articles(articles, *, announce: bool = True) -> None:
    """Renew the documents of ``articles`` (any objects with the article's text fields),
    and (``announce``) retire the search pages and results made from the old ones."""
    articles = list(articles)
    if not articles:
        return
    found = [document for article in articles for document in documents(article)]
    backend().replace([article.pk for article in articles], found)
    if announce:
        invalidation.search_changed()


def remove(article_ids) -> None:
    backend().replace(list(article_ids), [])
    invalidation.search_changed()


def rebuild(articles, *, announce: bool = True) -> int:
    """Replace the whole index with ``articles``' documents, in one transaction: readers
    see the old index until it commits. Returns how many articles were indexed."""
    count = 0
    with transaction.atomic():
        backend().clear()
        batch = []
        for article in articles:
            batch.append(article)
            if len(batch) == 200:
                index_articles(batch, announce=False)
                count, batch = count + len(batch), []
        index_articles(batch, announce=False)
        count += len(batch)
    if announce:
        invalidation.search_changed()
    return count


@dataclass
class Results:
    """Matches for Django's ``Paginator``: ``count()`` and slices, a query for each.

    (The search pages are kept whole by the page cache, under the lists' token and the
    index's, which ``index_articles`` renews.)
    """

    query: str
    language: str
    candidates: object  # a queryset of the articles that may be found

    def __post_init__(self):
        if connection.vendor == "postgresql":
            self.terms = analysis.words(self.query, self.language)[:MAX_TERMS]
        else:
            self.terms = analysis.stems(self.query, self.language)[:MAX_TERMS]
        self._count = None

    def count(self) -> int:
        if self._count is None:
            self._count = (
                backend().count(self.terms, self.language, self.candidates) if self.terms else 0
            )
        return self._count

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
        rows = backend().page(self.terms, self.language, self.candidates, offset, limit)
        articles = self.candidates.in_bulk([pk for pk, _text in rows])
        found = []
        for pk, text in rows:
            article = articles.get(pk)
            if article is None:
                continue
            if backend() is postgres:
                article.snippet = snippets.from_headline(text, postgres.START, postgres.STOP)
            else:
                article.snippet = snippets.highlight(text, self.terms, self.language)
            found.append(article)
        return found


def search(query: str, language: str, candidates) -> Results:
    """Articles among ``candidates`` (a queryset) matching ``query`` in ``language``."""
    return Results(clean_query(query), language, candidates)
