"""The newsroom dashboard at the top of the admin's index page.

Each source below is a function ``(user) -> list[DashboardItem]`` that returns the
counts one part of the newsroom needs (nothing when the user may not see them), each
linked to the admin list filtered to exactly the rows counted. To add a count, write a
source and append it to ``SOURCES``.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext

from articles.admin.filters import StatusFilter
from articles.models import Article, TranslationRecord
from articles.summaries.reads import summary_dashboard_counts
from catalogues.progress import interface_progress
from comments.models import Comment
from operations import upkeep


@dataclass(frozen=True)
class DashboardItem:
    label: str
    count: int
    url: str


def _article_list(**filters: str) -> str:
    return f"{reverse('admin:articles_article_changelist')}?{urlencode(filters)}"


def articles_in_review(user) -> list[DashboardItem]:
    if not user.has_perm("articles.view_article"):
        return []
    count = Article.objects.filter(status=Article.Status.REVIEW).count()
    return [
        DashboardItem(
            gettext("Articles in review"), count, _article_list(status=Article.Status.REVIEW)
        )
    ]


def scheduled_articles(user) -> list[DashboardItem]:
    if not user.has_perm("articles.view_article"):
        return []
    count = Article.objects.scheduled().count()
    return [
        DashboardItem(
            gettext("Scheduled articles"), count, _article_list(status=StatusFilter.SCHEDULED)
        )
    ]


def articles_missing_translation(user) -> list[DashboardItem]:
    """One count per language: current articles whose translation into it is incomplete."""
    if not user.has_perm("articles.view_article"):
        return []
    current = Article.objects.exclude(status=Article.Status.ARCHIVED)
    return [
        DashboardItem(
            gettext("Articles missing a translation into %(language)s") % {"language": name},
            current.translation_incomplete(code).count(),
            _article_list(translation=f"{code}_missing", status=StatusFilter.CURRENT),
        )
        for code, name in settings.LANGUAGES
    ]


def translations_out_of_date(user) -> list[DashboardItem]:
    """Translations whose original changed since a translator last marked them current."""
    if not user.has_perm("articles.view_article"):
        return []
    stale = TranslationRecord.objects.out_of_date().exclude(article__status=Article.Status.ARCHIVED)
    return [
        DashboardItem(
            gettext("%(language)s translations out of date") % {"language": name},
            stale.filter(language=code).count(),
            _article_list(translation=f"{code}_stale"),
        )
        for code, name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


def comments_waiting(user) -> list[DashboardItem]:

    if not user.has_perm("comments.view_comment"):
        return []
    url = (
        f"{reverse('admin:comments_comment_changelist')}?{urlencode({'status__exact': 'pending'})}"
    )
    return [
        DashboardItem(
            gettext("Comments waiting for review"), Comment.objects.pending().count(), url
        )
    ]


def summary_problems(user) -> list[DashboardItem]:
    """Published articles (live or scheduled) with a missing, stale or failed summary."""
    if not user.has_perm("articles.view_summarystate"):
        return []
    labels = {
        "missing": gettext("Published articles missing a summary"),
        "stale": gettext("Published articles with a stale summary"),
        "failed": gettext("Published articles with a failed summary"),
    }
    return [
        DashboardItem(
            labels[state], count, _article_list(status=Article.Status.PUBLISHED, summary=state)
        )
        for state, count in summary_dashboard_counts().items()
    ]


def interface_strings_untranslated(user) -> list[DashboardItem]:
    """Per language, interface strings with no translation (file or desk), both domains."""
    if not user.has_perm("catalogues.view_messagetranslation"):
        return []
    names = dict(settings.LANGUAGES)
    desk = reverse("admin:catalogues_messagetranslation_changelist")
    return [
        DashboardItem(
            gettext("Interface strings untranslated in %(language)s") % {"language": names[code]},
            domains[domain]["untranslated"],
            f"{desk}?{urlencode({'language': code, 'domain': domain, 'state': 'untranslated'})}",
        )
        for code, domains in interface_progress().items()
        for domain in domains
        if domain == "django" or domains[domain]["untranslated"]
    ]


SOURCES = [
    comments_waiting,
    articles_in_review,
    scheduled_articles,
    articles_missing_translation,
    translations_out_of_date,
    summary_problems,
    interface_strings_untranslated,
]


def dashboard_items(user) -> list[DashboardItem]:
    return [item for source in SOURCES for item in source(user)]


def upkeep_schedule(user) -> list[upkeep.JobStatus]:
    """The worker's periodic jobs: each one's last run, its outcome and the next run."""
    if not user.has_perm("operations.view_jobrun"):
        return []
    return upkeep.schedule()
