"""SQLite: an FTS5 table of stemmed words, ranked with bm25, snippets made in Python.

FTS5 cannot call Python to split and stem words, so the words are stemmed here
(``analysis.stems``) and the table holds them already stemmed; its own tokenizer only
splits them on spaces again (``unicode61`` with diacritics kept, so ``ş`` stays ``ş``).
The reader's plain text rides along, unindexed, for the snippet. The language is a column
of its own, matched in the index like a word, so no row's text is read to filter on it; the
article is the rowid divided by SLOTS, so nothing is read to find it either.
"""

from django.db import connection

from core.languages import LANGUAGE_CODES

from . import analysis
from .documents import Document

TABLE = "articles_search_fts"
# One row per article and language: rowid = article id × SLOTS + the language's place.
SLOTS = 16
# bm25 weights, column by column: a title word counts ten body words.
WEIGHTS = "0, 10.0, 4.0, 1.0, 0"

CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "language, title, standfirst, body, plain UNINDEXED, "
    "tokenize = 'unicode61 remove_diacritics 0')"
)
DROP = f"DROP TABLE IF EXISTS {TABLE}"


def _rowid(document: Document) -> int:
    return document.article_id * SLOTS + LANGUAGE_CODES.index(document.language)


def _language_token(language: str) -> str:
    # "pt-br" would be two tokens to FTS5.
    return "lang" + "".join(c for c in language.lower() if c.isalnum())


def _stemmed(text: str, language: str) -> str:
    return " ".join(analysis.stems(text, language))


def rows(documents: list[Document]) -> list[tuple]:
    """The documents as the table's rows: their words stemmed (the slow part, done before
    any write)."""
    return [
        (
            _rowid(d),
            _language_token(d.language),
            d.body,
            _stemmed(d.title, d.language),
            _stemmed(d.standfirst, d.language),
            _stemmed(d.body, d.language),
        )
        for d in documents
    ]


def write(article_ids: list[int], rows: list[tuple]) -> None:
    """Delete the rows of ``article_ids`` and insert ``rows`` (made by ``rows()``)."""
    with connection.cursor() as cursor:
        cursor.executemany(
            f"DELETE FROM {TABLE} WHERE rowid BETWEEN %s AND %s",  # noqa: S608 -- constant
            [(pk * SLOTS, pk * SLOTS + SLOTS - 1) for pk in article_ids],
        )
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, language, plain, title, standfirst, body) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s, %s)",
            rows,
        )


def replace(article_ids: list[int], documents: list[Document]) -> None:
    write(article_ids, rows(documents))


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 -- constant


def match_expression(terms: list[str], language: str) -> str:
    """The language's documents with every term in their text, the last term also as a
    prefix (a word still being typed). The terms are letters and digits only; quoted,
    FTS5 reads ``NEAR`` or ``AND`` as plain words."""
    quoted = [f'"{term}"' for term in terms]
    quoted[-1] += "*"
    words = " ".join(quoted)
    return f'language : "{_language_token(language)}" AND {{title standfirst body}} : ({words})'


def _filter(terms, language, candidates):
    # The candidates' ids come from the status index alone (an article's own row holds
    # its bodies, slow to step over for thousands of matches).
    ids = candidates.order_by().values("pk")
    candidates_sql, candidates_params = ids.query.sql_with_params()
    where = f"{TABLE} MATCH %s AND f.rowid / {SLOTS} IN ({candidates_sql})"
    return where, (match_expression(terms, language), *candidates_params)


def count(terms: list[str], language: str, candidates) -> int:
    where, params = _filter(terms, language, candidates)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {TABLE} f WHERE {where}", params)  # noqa: S608
        return cursor.fetchone()[0]


def page(terms: list[str], language: str, candidates, offset: int, limit: int):
    """``[(article_id, plain body)]``, best first (the latest written first among equals).

    The inner query ranks from the index alone; only the page's rows then have their
    plain text read (sorted with it, every matching row would carry its text)."""
    where, params = _filter(terms, language, candidates)
    sql = (
        f"SELECT r.id / {SLOTS}, (SELECT plain FROM {TABLE} WHERE rowid = r.id) FROM ("  # noqa: S608
        f"SELECT f.rowid AS id, bm25({TABLE}, {WEIGHTS}) AS score FROM {TABLE} f "
        f"WHERE {where} ORDER BY score, id DESC LIMIT %s OFFSET %s"
        ") r ORDER BY r.score, r.id DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*params, limit, offset))
        return cursor.fetchall()
