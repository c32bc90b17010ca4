"""The republishing desk: feed checks and imports, asked for by an editor, run by the worker.

An import makes a *draft* only: readers see nothing until an editor publishes it through
the normal workflow (articles.services), so no page changes here. Nothing half-done is
stored: the article, its author, lead image and history are written in one transaction
after the page was fetched and read in full.
"""

import logging
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext

from articles.images.renditions import renditions_enqueue
from articles.images.uploads import sanitise
from articles.models import Article, Author, Category, Source

from . import extraction, fetching
from .fetching import FetchError
from .models import FeedCheck, FeedEntry, ImportRequest

logger = logging.getLogger(__name__)

IMPORT_PERMISSION = "republishing.add_importrequest"
CHECK_PERMISSION = "republishing.add_feedcheck"
IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp", "image/avif", "image/gif")


class AlreadyImported(Exception):
    def __init__(self, article: Article):
        super().__init__(article.public_id)
        self.article = article


def without_fragment(url: str) -> str:
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))


def address_variants(url: str) -> list[str]:
    """``url`` and the forms of it that name the same article (no fragment, trailing /)."""
    base = without_fragment(url)
    other = base[:-1] if base.endswith("/") else f"{base}/"
    return list(dict.fromkeys([url.strip(), base, other]))


def imported_article(url: str) -> Article | None:
    return Article.objects.filter(original_url__in=address_variants(url)).first()


def _require(user, permission: str) -> None:
    if not user.has_perm(permission):
        raise PermissionDenied(gettext("You do not have permission to do this."))


def import_request_submit(
    *, url: str, source: Source, category: Category, user, feed_entry: FeedEntry | None = None
) -> ImportRequest:
    """Queue an import of ``url``; raises ``AlreadyImported`` when an article has it."""
    from .tasks import run_import

    _require(user, IMPORT_PERMISSION)
    url = without_fragment(url)
    try:
        fetching.check_url(url)
    except FetchError as error:
        raise ValidationError(extraction_problem(error), code="address") from error
    existing = imported_article(url)
    if existing is not None:
        raise AlreadyImported(existing)
    request = ImportRequest.objects.create(
        url=url, source=source, category=category, requested_by=user, feed_entry=feed_entry
    )
    transaction.on_commit(lambda: run_import.enqueue(request_id=request.pk))
    return request


def extraction_problem(error: FetchError) -> str:
    from .problems import problem_message

    return problem_message(error.code, error.detail)


def import_run(*, request: ImportRequest) -> ImportRequest:
    """Fetch, read and store one import (in the worker)."""
    request.mark_running()
    existing = imported_article(request.url)
    if existing is not None:
        request.mark_failed("duplicate", request.url, article=existing)
        return request
    try:
        fetched = fetching.fetch(request.url, accept=fetching.HTML_TYPES)
        existing = imported_article(fetched.url)
        if existing is not None:
            request.mark_failed("duplicate", fetched.url, article=existing)
            return request
        page = extraction.extract_article(fetched)
        image = _lead_image(page.image_url)
        article = _store(request=request, page=page, image=image)
    except FetchError as error:
        request.mark_failed(error.code, error.detail)
        return request
    except Exception as error:
        logger.exception("Import of %s failed", request.url)
        request.mark_failed("failed", type(error).__name__)
        return request
    request.mark_done(article=article)
    return request


def _lead_image(url: str) -> tuple[bytes, str] | None:
    """The lead image's bytes as the upload path would store them, or None: a lead
    image that cannot be had does not stop the import."""
    if not url:
        return None
    try:
        fetched = fetching.fetch(url, accept=IMAGE_TYPES)
        return sanitise(fetched.content)
    except (FetchError, ValidationError):
        return None


def _author(name: str) -> Author | None:
    if not name:
        return None
    author = Author.objects.filter(name=name).first()
    if author is None:
        base = slugify(name)[:70] or "author"
        slug, n = base, 1
        while Author.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        author = Author.objects.create(name=name, slug=slug)
    return author


@transaction.atomic
def _store(*, request: ImportRequest, page, image) -> Article:
    codes = [code for code, _name in settings.LANGUAGES]
    language = request.source.language or page.language or settings.LANGUAGE_CODE
    if language not in codes:
        language = settings.LANGUAGE_CODE
    article = Article(
        category=request.category,
        source=request.source,
        original_url=page.url,
        originally_published_at=page.published,
        original_language=language,
        status=Article.Status.DRAFT,
        lead_image_credit=(page.image_credit or request.source.name)[:120] if image else "",
    )
    with translation.override(language):
        setattr(article, f"title_{language}", page.title or page.url)
        setattr(article, f"standfirst_{language}", page.standfirst)
        setattr(article, f"body_{language}", page.body)
        article.save()
    if image is not None:
        data, fmt = image
        article.lead_image.save(f"{article.public_id.lower()}.{fmt.lower()}", ContentFile(data))
    author = _author(page.author)
    if author is not None:
        article.authors.add(author)
    if request.feed_entry_id:
        FeedEntry.objects.filter(pk=request.feed_entry_id).update(article=article)
    FeedEntry.objects.filter(url__in=address_variants(request.url)).update(article=article)
    with translation.override(settings.LANGUAGE_CODE):
        when = formats.date_format(timezone.localtime(), "DATETIME_FORMAT")
        message = gettext("Imported from %(url)s on %(date)s, as a draft.") % {
            "url": page.url,
            "date": when,
        }
    LogEntry.objects.log_actions(
        user_id=request.requested_by_id or _system_user_id(),
        queryset=[article],
        action_flag=ADDITION,
        change_message=message,
        single_object=True,
    )
    if image is not None:
        transaction.on_commit(lambda: renditions_enqueue(article=article))
    # A draft: no page readers can see has changed (pagecache needs no word).
    return article


def _system_user_id() -> int:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    return user.pk


def feed_check_submit(*, source: Source, user) -> FeedCheck:
    from .tasks import run_feed_check

    _require(user, CHECK_PERMISSION)
    check = FeedCheck.objects.create(source=source, requested_by=user)
    transaction.on_commit(lambda: run_feed_check.enqueue(check_id=check.pk))
    return check


def feed_check_run(*, check: FeedCheck) -> FeedCheck:
    """Read the source's feed and record the entries not seen or imported before."""
    check.mark_running()
    if not check.source.feed_url:
        check.mark_failed("no_feed")
        return check
    try:
        fetched = fetching.fetch(check.source.feed_url, accept=fetching.FEED_TYPES)
        feed = extraction.extract_feed(fetched)
    except FetchError as error:
        code = "feed_content_type" if error.code == "content_type" else error.code
        check.mark_failed(code, error.detail)
        return check
    new = 0
    with transaction.atomic():
        for entry in feed.entries:
            if FeedEntry.objects.filter(url__in=address_variants(entry.url)).exists():
                continue
            article = imported_article(entry.url)
            FeedEntry.objects.create(
                source=check.source,
                url=entry.url,
                title=entry.title,
                published_at=entry.published,
                article=article,
            )
            new += article is None
        check.mark_done(new_entries=new)
    return check


def feed_entries_import(*, entries, category: Category, user) -> tuple[int, list[Article]]:
    """Queue imports of ``entries``; returns how many were queued and the articles that
    already existed for the others."""
    queued, existing = 0, []
    for entry in entries:
        try:
            import_request_submit(
                url=entry.url, source=entry.source, category=category, user=user, feed_entry=entry
            )
            queued += 1
        except AlreadyImported as already:
            FeedEntry.objects.filter(pk=entry.pk).update(article=already.article)
            existing.append(already.article)
    return queued, existing
