"""Words as search sees them, the same for the index and for the query.

Each site language maps to a Snowball stemmer (PyStemmer: the C build of the same
algorithms PostgreSQL's ``english`` and ``turkish`` configurations use) and to a
PostgreSQL text search configuration. A language with neither is searched word for
word (``simple``), unstemmed.

Case is folded here, by the language's own rules, before either database sees the
text: Turkish lower-cases ``I`` to ``ı`` and ``İ`` to ``i``, which neither SQLite nor
PostgreSQL under a non-Turkish locale would do.
"""

import functools

import regex
import Stemmer

# language code -> (Snowball stemmer, PostgreSQL configuration)
LANGUAGES = {
    "en": ("english", "english"),
    "tr": ("turkish", "turkish"),
    "az": ("turkish", "turkish"),
    "de": ("german", "german"),
    "fr": ("french", "french"),
    "es": ("spanish", "spanish"),
    "it": ("italian", "italian"),
    "nl": ("dutch", "dutch"),
    "pt": ("portuguese", "portuguese"),
    "ru": ("russian", "russian"),
}
FALLBACK_CONFIG = "simple"
TURKISH_CASE = str.maketrans({"I": "ı", "İ": "i"})
# Letters and digits; everything else (punctuation, query syntax, NUL) separates words.
WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+")
MAX_WORD = 60


def _base(language: str) -> str:
    return (language or "").split("-")[0].lower()


def postgres_config(language: str) -> str:
    entry = LANGUAGES.get(_base(language))
    return entry[1] if entry else FALLBACK_CONFIG


@functools.cache
def _stemmer(language: str):
    entry = LANGUAGES.get(_base(language))
    if entry is None or entry[0] not in Stemmer.algorithms():
        return None
    stemmer = Stemmer.Stemmer(entry[0])
    stemmer.maxCacheSize = 50_000
    return stemmer


def lower(text: str, language: str) -> str:
    """``text`` in lower case by ``language``'s rules."""
    if _base(language) in ("tr", "az"):
        text = text.translate(TURKISH_CASE)
    return text.lower()


def words(text: str, language: str) -> list[str]:
    """The lower-cased words of ``text``, unstemmed."""
    return [w[:MAX_WORD] for w in WORD.findall(lower(text or "", language))]


def folded(text: str, language: str) -> str:
    """``text`` as its words, lower-cased, separated by spaces (for PostgreSQL's parser)."""
    return " ".join(words(text, language))


def stems(text: str, language: str) -> list[str]:
    """The stemmed words of ``text``, in order (for the SQLite index and its queries)."""
    found = words(text, language)
    stemmer = _stemmer(language)
    return stemmer.stemWords(found) if stemmer else found


def stem(word: str, language: str) -> str:
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word
