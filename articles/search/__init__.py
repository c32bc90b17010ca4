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
    """Replace the whole index with the documents of ``articles`` (every article), in one
    transaction: readers see the old index until it commits. Returns how many articles
    were indexed.

    The documents are made first, outside the transaction: that is the slow part
    (Markdown, case-folding, stemming), and on SQLite a transaction holds the database's
    one write lock, which every other writer (a comment, an editor's save, the task
    worker) would wait for. The transaction then compares each article's ``updated_at``
    with the one its documents were made from, makes again the documents of the few
    articles saved or added meanwhile (their own saves wrote documents the rebuild must
    not undo), leaves out those deleted meanwhile, and writes the rows.
    """
    engine = backend()
    made = {}  # article id -> (the updated_at its rows were made from, its rows)
    model = None
    for article in articles:
        model = type(article)
        made[article.pk] = (article.updated_at, engine.rows(documents(article)))
    with transaction.atomic():
        # Before the check below: on PostgreSQL a save from here on cannot slip in
        # between the check and the write, as it waits for the rows cleared here.
        engine.clear()
        if model is not None:
            current = dict(model._base_manager.values_list("pk", "updated_at"))
            made = {pk: made[pk] for pk in made.keys() & current.keys()}
            changed = [pk for pk, at in current.items() if pk not in made or made[pk][0] != at]
            for start in range(0, len(changed), 500):
                for article in model._base_manager.filter(pk__in=changed[start : start + 500]):
                    made[article.pk] = (article.updated_at, engine.rows(documents(article)))
        engine.write([], [row for _at, rows in made.values() for row in rows])
    if announce:
        invalidation.search_changed()
    return len(made)


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
