"""The language a comment is written in, detected as it is sent.

Readers write in the page's language mostly, but not always: a comment in Turkish
under the English page gets ``lang="tr"`` so that screen readers pronounce it right and
browsers hyphenate and translate it correctly. Detection uses the identifier the
summaries already load (py3langid, ``articles.summaries.checks``), and is believed only
when it is sure, for a longer text, and for a language we expect to meet; otherwise the
comment is taken to be in the page's language.
"""

from django.conf import settings

from articles.summaries.checks import language_identifiers

from .rules import comment_length

# Shorter texts ("Thanks!", "ok") are too little to tell.
MIN_LENGTH = 20
CONFIDENCE = 0.8
# Besides the site's languages: those readers of an English and Turkish site write in.
OTHER_LANGUAGES = {"ar", "az", "de", "el", "es", "fa", "fr", "it", "ku", "nl", "pt", "ru"}


def detect(text: str) -> str:
    """The language code of ``text``, or "" when it cannot be told with confidence."""
    if comment_length(text) < MIN_LENGTH:
        return ""
    _restricted, unrestricted = language_identifiers()
    language, confidence = unrestricted.classify(text)
    known = {code for code, _name in settings.LANGUAGES} | OTHER_LANGUAGES
    return language if language in known and confidence >= CONFIDENCE else ""
