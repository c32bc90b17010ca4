"""SQLite: an FTS5 table of stemmed words, ranked with bm25, snippets made in Python.

FTS5 cannot call Python to split and stem words, so the words are stemmed here
(``analysis.stems``) and the table holds them already stemmed; its own tokenizer only
splits them on spaces again (``unicode61`` with diacritics kept, so ``ş`` stays ``ş``).
The reader's plain text rides along, unindexed, for the snippet.
"""

from django.db import connection

from core.languages import LANGUAGE_CODES

from . import analysis
from .documents import Document

TABLE = "articles_search_fts"
# One row per article and language: rowid = article id × SLOTS + the language's place.
SLOTS = 16
# bm25 weights, column by column: a title word counts ten body words.
WEIGHTS = "0, 0, 0, 10.0, 4.0, 1.0"

CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "article_id UNINDEXED, language UNINDEXED, plain UNINDEXED, title, standfirst, body, "
    "tokenize = 'unicode61 remove_diacritics 0')"
)
DROP = f"DROP TABLE IF EXISTS {TABLE}"


def _rowid(document: Document) -> int:
    return document.article_id * SLOTS + LANGUAGE_CODES.index(document.language)


def _stemmed(text: str, language: str) -> str:
    return " ".join(analysis.stems(text, language))


def replace(article_ids: list[int], documents: list[Document]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(
            f"DELETE FROM {TABLE} WHERE rowid BETWEEN %s AND %s",  # noqa: S608 -- constant
            [(pk * SLOTS, pk * SLOTS + SLOTS - 1) for pk in article_ids],
        )
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, article_id, language, plain, title, standfirst, body) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [
                (
                    _rowid(d),
                    d.article_id,
                    d.language,
                    d.body,
                    _stemmed(d.title, d.language),
                    _stemmed(d.standfirst, d.language),
                    _stemmed(d.body, d.language),
                )
                for d in documents
            ],
        )


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 -- constant


def match_expression(terms: list[str]) -> str:
    """Every term, the last also as a prefix (a word still being typed). The terms are
    letters and digits only; quoted, FTS5 reads ``NEAR`` or ``AND`` as plain words."""
    quoted = [f'"{term}"' for term in terms]
    quoted[-1] += "*"
    return " ".join(quoted)


def _filter(terms, language, candidates):
    ids = candidates.order_by().values("pk")
    candidates_sql, candidates_params = ids.query.sql_with_params()
    where = f"{TABLE} MATCH %s AND f.language = %s AND f.article_id IN ({candidates_sql})"
    return where, (match_expression(terms), language, *candidates_params)


def count(terms: list[str], language: str, candidates) -> int:
    where, params = _filter(terms, language, candidates)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {TABLE} f WHERE {where}", params)  # noqa: S608
        return cursor.fetchone()[0]


def page(terms: list[str], language: str, candidates, offset: int, limit: int):
    """``[(article_id, plain body)]``, best first (newest first among equals)."""
    where, params = _filter(terms, language, candidates)
    sql = (
        f"SELECT f.article_id, f.plain FROM {TABLE} f "  # noqa: S608 -- constants only
        "JOIN articles_article a ON a.id = f.article_id "
        f"WHERE {where} "
        f"ORDER BY bm25({TABLE}, {WEIGHTS}), a.published_at DESC, a.id DESC "
        "LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*params, limit, offset))
        return cursor.fetchall()
