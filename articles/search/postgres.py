"""PostgreSQL: a weighted ``tsvector`` per article and language in a GIN-indexed
column, built with that language's configuration (``turkish``, ``english``; ``simple``
for a language PostgreSQL has no stemmer for), ranked with ``ts_rank`` and with
snippets from ``ts_headline`` (``django.contrib.postgres.search``).

The text reaches PostgreSQL already lower-cased by the language's own rules
(``analysis.folded``), so Turkish ``I``/``İ`` fold correctly whatever the database's
locale.
"""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F

from . import analysis
from .documents import Document

TABLE = "articles_search_document"
# Private-use characters around each match in ts_headline's output: the snippet is
# escaped as a whole and only these become <mark>. The stored text never has them.
START, STOP = "\ue000", "\ue001"

CREATE = [
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        id bigserial PRIMARY KEY,
        article_id bigint NOT NULL,
        language varchar(7) NOT NULL,
        body text NOT NULL,
        vector tsvector NOT NULL,
        CONSTRAINT articles_search_document_one_per_language UNIQUE (article_id, language)
    )""",
    f"CREATE INDEX IF NOT EXISTS articles_search_document_vector ON {TABLE} USING gin (vector)",
]
DROP = [f"DROP TABLE IF EXISTS {TABLE}"]

INSERT = (
    f"INSERT INTO {TABLE} (article_id, language, body, vector) VALUES (%s, %s, %s, "  # noqa: S608
    "setweight(to_tsvector(%s::regconfig, %s), 'A') || "
    "setweight(to_tsvector(%s::regconfig, %s), 'B') || "
    "setweight(to_tsvector(%s::regconfig, %s), 'C'))"
)


def rows(documents: list[Document]) -> list[tuple]:
    """The documents as ``INSERT``'s parameters: their text case-folded (done before any
    write; PostgreSQL makes the vectors as it inserts them)."""
    found = []
    for d in documents:
        config = analysis.postgres_config(d.language)
        body = d.body.replace(START, " ").replace(STOP, " ")
        found.append(
            (
                d.article_id,
                d.language,
                body,
                config,
                analysis.folded(d.title, d.language),
                config,
                analysis.folded(d.standfirst, d.language),
                config,
                analysis.folded(d.body, d.language),
            )
        )
    return found


def write(article_ids: list[int], rows: list[tuple]) -> None:
    """Delete the rows of ``article_ids`` and insert ``rows`` (made by ``rows()``)."""
    with connection.cursor() as cursor:
        if article_ids:
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE article_id = ANY(%s)",  # noqa: S608 -- constant
                [list(article_ids)],
            )
        cursor.executemany(INSERT, rows)


def replace(article_ids: list[int], documents: list[Document]) -> None:
    write(article_ids, rows(documents))


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 -- constant


def search_query(words: list[str], language: str) -> SearchQuery:
    """Every word, the last also as a prefix; the words are letters and digits only, so
    nothing in them is tsquery syntax."""
    raw = " & ".join([*words[:-1], f"{words[-1]}:*"])
    return SearchQuery(raw, config=analysis.postgres_config(language), search_type="raw")


def _documents(words, language, candidates):
    from ..models import SearchDocument

    query = search_query(words, language)
    rows = SearchDocument.objects.filter(
        language=language, article__in=candidates.values("pk"), vector=query
    )
    return rows, query


def count(words: list[str], language: str, candidates) -> int:
    rows, _query = _documents(words, language, candidates)
    return rows.count()


def page(words: list[str], language: str, candidates, offset: int, limit: int):
    """``[(article_id, headline)]``, best first (the latest written first among equals)."""
    rows, query = _documents(words, language, candidates)
    return list(
        rows.annotate(
            rank=SearchRank(F("vector"), query),
            headline=SearchHeadline(
                "body",
                query,
                config=analysis.postgres_config(language),
                start_sel=START,
                stop_sel=STOP,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-article_id")
        .values_list("article_id", "headline")[offset : offset + limit]
    )
