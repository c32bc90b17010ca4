"""Interface strings per language and domain, with the desk's edits (for progress pages)."""

from . import desk, files


def interface_progress() -> dict[str, dict[str, dict[str, int]]]:
    """{language: {domain: {"translated", "fuzzy", "untranslated", "changed", "total"}}}.

    "changed": saved on the desk, live, not yet written into the repository's files.
    """
    return {
        code: {
            domain: desk.counts(desk.entries(files.read(code, domain))) for domain in files.DOMAINS
        }
        for code, _name in files.languages()
    }
