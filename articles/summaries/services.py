"""What the newsroom does to a summary by hand: record a person's edit.

Kept apart from queueing and generation because it is the one path that writes a
summary without the machine, and the machine must leave its result alone.
"""

from django.db import transaction

from articles.models import Article, SummaryState
from pagecache import invalidation

from . import validate_languages


def summary_record_edit(*, article: Article, language: str, text: str, editor=None) -> SummaryState:
    """Store a summary a person wrote or corrected; the machine will leave it alone.

    An empty text makes the summary missing again, to be generated next time.
    """
    validate_languages([language])
    text = (text or "").strip()
    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(**{f"summary_{language}": text})
        setattr(article, f"summary_{language}", text)
        state, _created = SummaryState.objects.select_for_update().get_or_create(
            article=article, language=language
        )
        if text:
            state.mark_edited(editor=editor, fingerprint=article.summary_fingerprint())
        else:
            state.mark_missing()
        # The text was written with update(): say so to the page cache here.
        invalidation.article_changed(article.pk, reading_on=False)
    return state
