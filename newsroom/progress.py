"""Translation progress per language: the translators' overview page and ``i18n_status``.

One row per language, with what a translator would otherwise collect from three places:
the interface catalogues (with the desk's unsaved-to-file edits), the articles that lack
a translation into the language, those whose original changed since, and machine drafts
waiting for review. Each number links to the list of exactly those rows.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count
from django.urls import reverse

from articles.coverage import missing_q
from articles.models import Article, MachineTranslation, TranslationRecord
from catalogues.models import MessageTranslation
from catalogues.progress import interface_progress


@dataclass(frozen=True)
class Figure:
    """A number on the page and the list that shows its rows."""

    count: int
    url: str = ""


@dataclass
class ArticleProgress:
    """Articles written in another language (archived ones aside) and their translations."""

    total: int
    complete: Figure
    missing: Figure
    out_of_date: Figure
    machine_drafts: Figure

    @property
    def percent(self) -> int:
        return 100 * self.complete.count // self.total if self.total else 100


@dataclass
class CatalogueProgress:
    """One interface catalogue (``django`` or ``djangojs``) of a language, with desk edits."""

    domain: str
    label: str
    total: int
    translated: Figure
    fuzzy: Figure
    changed: Figure
    untranslated: Figure

    @property
    def percent(self) -> int:
        return 100 * self.translated.count // self.total if self.total else 100


@dataclass
class LanguageProgress:
    code: str
    name: str
    articles: ArticleProgress | None = None
    # Empty for the language the interface is written in, and without the permission.
    interface: list[CatalogueProgress] = field(default_factory=list)


def _article_list(**filters: str) -> str:
    return f"{reverse('admin:articles_article_changelist')}?{urlencode(filters)}"


def article_progress(code: str, drafts: int) -> ArticleProgress:
    """Two queries: the articles' coverage in one aggregate, the out-of-date records.

    ``drafts``: articles with machine drafts into ``code`` waiting for review.
    """
    current = "current"  # StatusFilter.CURRENT: everything but archived
    counts = (
        Article.objects.exclude(status=Article.Status.ARCHIVED)
        .exclude(original_language=code)
        .aggregate(total=Count("pk"), missing=Count("pk", filter=missing_q(code)))
    )
    out_of_date = (
        TranslationRecord.objects.out_of_date()
        .filter(language=code)
        .exclude(article__status=Article.Status.ARCHIVED)
        .count()
    )
    return ArticleProgress(
        total=counts["total"],
        complete=Figure(
            counts["total"] - counts["missing"],
            _article_list(translation=f"{code}_complete", status=current),
        ),
        missing=Figure(
            counts["missing"], _article_list(translation=f"{code}_missing", status=current)
        ),
        out_of_date=Figure(out_of_date, _article_list(translation=f"{code}_stale")),
        machine_drafts=Figure(drafts, _article_list(machine_draft=code)),
    )


def catalogue_progress(code: str, domain: str, counts: dict[str, int]) -> CatalogueProgress:
    desk = reverse("admin:catalogues_messagetranslation_changelist")

    def figure(state: str) -> Figure:
        query = urlencode({"language": code, "domain": domain, "state": state})
        return Figure(counts[state], f"{desk}?{query}")

    return CatalogueProgress(
        domain=domain,
        label=str(dict(MessageTranslation.Domain.choices)[domain]),
        total=counts["total"],
        translated=figure("translated"),
        fuzzy=figure("fuzzy"),
        changed=figure("changed"),
        untranslated=figure("untranslated"),
    )


def language_progress(user) -> list[LanguageProgress]:
    """Every language's row, with the parts ``user`` may see."""
    rows = []
    articles = user.has_perm("articles.view_article")
    drafts = MachineTranslation.objects.waiting_by_language() if articles else {}
    catalogues = interface_progress() if user.has_perm("catalogues.view_messagetranslation") else {}
    for code, name in settings.LANGUAGES:
        row = LanguageProgress(code=code, name=str(name))
        if articles:
            row.articles = article_progress(code, drafts[code])
        row.interface = [
            catalogue_progress(code, domain, counts)
            for domain, counts in catalogues.get(code, {}).items()
        ]
        rows.append(row)
    return rows


def has_any(user) -> bool:
    return user.has_perm("articles.view_article") or user.has_perm(
        "catalogues.view_messagetranslation"
    )
