"""The site's languages, as codes ("en", "tr"), in the order of ``settings.LANGUAGES``."""

from django.conf import settings

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
