"""Words as search sees them, the same for the index and for the query.

Each site language maps to a Snowball stemmer (PyStemmer: the C build of the same
algorithms PostgreSQL's ``english`` and ``turkish`` configurations use) and to a
PostgreSQL text search configuration. A language with neither is searched word for
word (``simple``), unstemmed.

Case is folded here, by the language's own rules, before either database sees the
text: Turkish lower-cases ``I`` to ``ı`` and ``İ`` to ``i``, which neither SQLite nor
PostgreSQL under a non-Turkish locale would do.
"""

import threading

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


# A PyStemmer object must not be shared between threads: each thread has its own.
_local = threading.local()


def _stemmer(language: str):
    stemmers = _local.__dict__.setdefault("stemmers", {})
    base = _base(language)
    if base not in stemmers:
        entry = LANGUAGES.get(base)
        stemmer = None
        if entry is not None and entry[0] in Stemmer.algorithms():
            stemmer = Stemmer.Stemmer(entry[0], 50_000)
        stemmers[base] = stemmer
    return stemmers[base]


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


def stem_words(found: list[str], language: str) -> list[str]:
    """Each of ``found`` (words as ``text`` holds them) lower-cased and stemmed."""
    lowered = [lower(word, language)[:MAX_WORD] for word in found]
    stemmer = _stemmer(language)
    return stemmer.stemWords(lowered) if stemmer else lowered
