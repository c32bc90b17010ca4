"""The comment list's threads written in Python: the ``<li>`` of each comment and its replies.

Django's template language spent about 290 µs on each comment (an ``{% include %}``, five
``{% blocktranslate %}``, two ``date`` filters, some thirty variables): 29 ms for a page of
50 threads with a reply each. Here the words, formats and time zone are looked up once per
list and each comment is a few string operations. The markup is what
``comments/_comment_list.html`` wrote looping over the threads and including
``comments/_comment.html`` (which the pending comments still include), byte for byte:
``tests/comments/test_rendering.py`` compares the two.

As in the templates, what readers wrote is escaped and translations are not (they are
ours, and ``{% translate %}`` outputs them as they are).
"""

import html
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from django.conf import settings
from django.utils import dateformat, formats, timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

# Django's escape() less its check for lazy strings and its SafeString: the same
# characters escaped the same way, for values that are plain str.
escape = html.escape

# The format characters that read only the date (django.utils.dateformat.DateFormat):
# a DATE_FORMAT made of these alone is formatted once for each day in the list.
DATE_ONLY = frozenset("bdDEFjlLmMnNoStwWyYz")


def _as_tag(translated: str) -> str:
    """A translation as ``{% translate %}`` outputs it (it halves doubled percent signs)."""
    return translated.replace("%%", "%")


@dataclass(frozen=True)
class Labels:
    """What every comment of a list shares in the active language and time zone."""

    newsroom: str
    permalink_title: str
    reply: str
    report: str
    copy: str
    # Sentences naming a comment's writer, as ``{% blocktranslate %}`` has them.
    reply_to: str
    report_comment_by: str
    copy_comment_by: str
    replies_to: str
    date_format: str
    time_format: str
    timezone: tzinfo | None  # None: USE_TZ is off, moments are shown as they are

    @classmethod
    def active(cls) -> "Labels":
        return cls(
            newsroom=_as_tag(gettext("Newsroom")),
            permalink_title=_as_tag(gettext("Link to this comment")),
            reply=_as_tag(gettext("Reply")),
            report=_as_tag(gettext("Report")),
            copy=_as_tag(gettext("Copy link")),
            reply_to=gettext("to %(name)s"),
            report_comment_by=gettext("the comment by %(name)s"),
            copy_comment_by=gettext("to the comment by %(name)s"),
            replies_to=gettext("Replies to %(name)s"),
            date_format=formats.get_format("DATE_FORMAT"),
            time_format=formats.get_format("TIME_FORMAT"),
            timezone=timezone.get_current_timezone() if settings.USE_TZ else None,
        )

    @property
    def date_by_day(self) -> bool:
        return all(char in DATE_ONLY for char in self.date_format if char.isalpha())


def _naming(sentence: str, msgid: str, name: str) -> str:
    """``sentence`` (the translation of ``msgid``) naming ``name`` (escaped), or, as
    ``{% blocktranslate %}`` does when a translation does not fit, the English."""
    try:
        return sentence % {"name": name}
    except (KeyError, ValueError):
        return msgid % {"name": name}


def threads_html(
    threads,
    *,
    closed: bool,
    page_language: str,
    here: str,
    reply_query: str,
    labels: Labels,
) -> SafeString:
    """The ``<li>`` of each thread in ``threads`` (with its ``shown_replies``), as the
    list's ``<ol class="comment-list">`` holds them."""
    context = _ListContext(
        closed=closed,
        page_language=page_language,
        here=escape(here),
        reply_query=escape(reply_query),
        labels=labels,
        date_by_day=labels.date_by_day,
    )
    parts = []
    for thread in threads:
        name = escape(thread.name)
        parts.append(
            f'\n    <li class="comment" id="comment-{thread.pk}">\n      '
            f"{context.comment(thread, name)}\n      "
            f"{context.actions(thread, name)}\n      "
        )
        if thread.shown_replies:
            replies_to = _naming(labels.replies_to, "Replies to %(name)s", name)
            parts.append(
                f'\n      <ol class="comment-replies" aria-label="{replies_to}">\n        '
            )
            for reply in thread.shown_replies:
                reply_name = escape(reply.name)
                parts.append(
                    f'\n        <li class="comment comment-reply-item" id="comment-{reply.pk}">'
                    f"\n          {context.comment(reply, reply_name)}\n          "
                    f"{context.actions(reply, reply_name)}\n        </li>\n        "
                )
            parts.append("\n      </ol>\n      ")
        parts.append("\n    </li>\n    ")
    # Every value readers wrote was escaped above.
    return mark_safe("".join(parts))  # noqa: S308


@dataclass(frozen=True)
class _ListContext:
    """What every comment of one list shares, escaped once."""

    closed: bool
    page_language: str
    here: str
    reply_query: str
    labels: Labels
    date_by_day: bool
    days: dict = field(default_factory=dict)

    def local(self, moment: datetime) -> datetime:
        """``timezone.template_localtime(moment)``, the current time zone read once."""
        zone = self.labels.timezone
        if zone is None or moment.utcoffset() is None:
            return moment
        return moment.astimezone(zone)

    def shown_date(self, local: datetime) -> str:
        """``local|date:"DATE_FORMAT"``, escaped: once a day when the format allows."""
        if not self.date_by_day:
            return escape(dateformat.format(local, self.labels.date_format))
        day = local.date()
        if day not in self.days:
            self.days[day] = escape(dateformat.format(local, self.labels.date_format))
        return self.days[day]

    def comment(self, comment, name: str) -> str:
        """``comments/_comment.html`` with ``linked=True``."""
        labels = self.labels
        badge = (
            f' <span class="badge-newsroom">{labels.newsroom}</span>'
            if comment.from_newsroom
            else ""
        )
        local = self.local(comment.created_at)
        # What core's iso_time filter writes: local, whole seconds.
        iso = local.replace(microsecond=0).isoformat()
        shown_time = escape(dateformat.format(local, labels.time_format))
        language = comment.shown_language
        lang = f' lang="{escape(language)}"' if language != self.page_language else ""
        # The linebreaksbr filter: normalize_newlines, escape, <br>.
        text = escape(comment.text.replace("\r\n", "\n").replace("\r", "\n"))
        return (
            f'<p class="comment-meta"><span class="comment-author">{name}</span>{badge} '
            f'<a class="comment-permalink" href="{self.here}#comment-{comment.pk}" '
            f'title="{labels.permalink_title}"><time datetime="{iso}">'
            f"{self.shown_date(local)} · {shown_time}</time></a></p>\n"
            f'<div class="comment-text"{lang}>{text.replace("\n", "<br>")}</div>\n'
        )

    def actions(self, comment, name: str) -> str:
        """The comment's Reply (unless comments are closed), Report and Copy link."""
        labels = self.labels
        reply = (
            ""
            if self.closed
            else f'<a class="comment-reply" href="?reply_to={comment.pk}{self.reply_query}'
            f'#comment-form">{labels.reply}<span class="visually-hidden"> '
            f"{_naming(labels.reply_to, 'to %(name)s', name)}</span></a> "
        )
        report_by = _naming(labels.report_comment_by, "the comment by %(name)s", name)
        copy_by = _naming(labels.copy_comment_by, "to the comment by %(name)s", name)
        return (
            f'<p class="comment-actions">{reply}<a class="comment-report" '
            f'href="{escape(comment.report_url)}" rel="nofollow">{labels.report}'
            f'<span class="visually-hidden"> {report_by}</span></a> '
            f'<button type="button" class="comment-copy" data-permalink="{self.here}'
            f'#comment-{comment.pk}" hidden>{labels.copy}<span class="visually-hidden"> '
            f"{copy_by}</span></button></p>"
        )
