"""Why a machine draft failed, as a sentence in the reader's language.

Codes from ``markdown.ShapeError`` (the reply broke the Markdown) and from the summary
backends' ``Problem`` (the model server failed) are stored on the draft with their
numbers; the sentence is made when it is shown, in the language of whoever reads it.
"""

from django.utils.translation import gettext_lazy as _

from ..summaries.base import Problem

SHAPE_PROBLEMS = {
    "empty": _("The reply was empty."),
    "lost_code_block": _("The reply lost a code block."),
    "repeated_code_block": _("The reply repeated a code block."),
    "lost_inline_code": _("The reply lost a piece of inline code."),
    "repeated_inline_code": _("The reply repeated a piece of inline code."),
    "invented_placeholder": _("The reply contained a code placeholder that the original lacks."),
    "changed_code": _("The reply changed or translated code."),
    "added_code": _("The reply added code that the original lacks."),
    "changed_link": _("A link's address changed: %(address)s"),
    "changed_image": _("An image's address changed: %(address)s"),
    "heading_count": _(
        "The number of headings changed: %(original)d in the original, %(reply)d in the reply."
    ),
    "heading_level": _(
        "Heading %(position)d changed level: level %(original)d became level %(reply)d."
    ),
    "table_count": _(
        "The number of tables changed: %(original)d in the original, %(reply)d in the reply."
    ),
    "table_columns": _(
        "A table changed shape (table %(position)d): %(original)d columns became %(reply)d."
    ),
    "table_rows": _(
        "A table changed shape (table %(position)d): %(original)d rows became %(reply)d."
    ),
    "no_source": _("The original field is empty: there is nothing to translate."),
}


def problem_message(problem: str, params: dict, detail: str = "") -> str:
    if problem in SHAPE_PROBLEMS:
        try:
            return str(SHAPE_PROBLEMS[problem]) % params if params else str(SHAPE_PROBLEMS[problem])
        except (KeyError, TypeError, ValueError):
            return str(SHAPE_PROBLEMS[problem])
    try:
        message = str(Problem(problem).label)
    except ValueError:
        message = problem
    return f"{message} ({detail})" if detail else message
