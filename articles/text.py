"""Translated text that knows which language it is in.

A reader on a Turkish page may be shown English text where no Turkish translation
exists yet. Templates mark such text with its own ``lang`` so that screen readers
pronounce it correctly.
"""

import unicodedata

from django.utils.text import slugify

# Letters that Unicode normalisation cannot reduce to ASCII on its own.
TRANSLITERATION = str.maketrans({"ı": "i", "İ": "I", "ß": "ss", "æ": "ae", "ø": "o", "đ": "d"})


class LocalizedText(str):
    """A string with the language code it is written in as ``.lang``."""

    lang: str

    def __new__(cls, value: str, lang: str):
        instance = super().__new__(cls, value)
        instance.lang = lang
        return instance


def ascii_slug(text: str, max_length: int = 80) -> str:
    """A URL slug that keeps Turkish words readable ("Kapsayıcı" -> "kapsayici")."""
    normalised = unicodedata.normalize("NFKC", text).translate(TRANSLITERATION)
    return slugify(normalised)[:max_length].strip("-")
