"""Fill a database with a newsroom's worth of content for `make bench`."""

import random
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles import search
from articles.models import Article, Category, IssuedPublicId, Source
from articles.public_ids import random_public_id
from articles.rendering import reading_minutes
from comments.models import Comment
from pagecache import invalidation

PARAGRAPH = (
    "Containers start from images, and images are built from layers. Each layer records "
    "the files one build step changed, so a small change rebuilds little. "
)
BODY = "\n\n".join(
    [
        "## Background",
        PARAGRAPH * 6,
        "```python\nimport os\nprint(os.environ.get('HOME'))\n```",
        "| Image | Container |\n|---|---|\n| template | instance |\n| read-only | writable |",
        "## What changes",
        PARAGRAPH * 8,
    ]
)


class Command(BaseCommand):
    help = "Create ARTICLES published articles (and COMMENTS approved comments) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=2000)
        parser.add_argument("--comments", type=int, default=100_000)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, articles: int, comments: int, dry_run: bool, **options):
        if dry_run:
            self.stdout.write(f"Would create {articles} articles and {comments} comments.")
            return
        rng = random.Random(42)  # noqa: S311 -- repeatable data, not security
        with transaction.atomic():
            created = self.create_articles(articles, rng)
            # bulk_create skips Article.save(), which indexes each article for search.
            search.index_articles(created)
            self.create_comments(created, comments, rng)
            # bulk_create sends no signals: every page may show the new articles.
            invalidation.site_changed()
        self.stdout.write(
            self.style.SUCCESS(f"Created {len(created)} articles and {comments} comments.")
        )

    def create_articles(self, count: int, rng: random.Random) -> list[Article]:
        categories = [
            Category.objects.get_or_create(
                slug_en=f"bench-{n}",
                defaults={
                    "name_en": f"Section {n}",
                    "name_tr": f"Bölüm {n}",
                    "slug_tr": f"bolum-{n}",
                },
            )[0]
            for n in range(6)
        ]
        source, _ = Source.objects.get_or_create(
            name="DEV Community", defaults={"url": "https://dev.to/"}
        )
        codes = set()
        while len(codes) < count:
            codes.add(random_public_id())
        codes -= set(IssuedPublicId.objects.filter(code__in=codes).values_list("code", flat=True))
        IssuedPublicId.objects.bulk_create([IssuedPublicId(code=code) for code in codes])
        now = timezone.now()
        minutes = reading_minutes(BODY)
        batch = []
        for n, code in enumerate(sorted(codes)):
            title = f"Docker images and containers, note {n}"
            batch.append(
                Article(
                    public_id=code,
                    title_en=title,
                    title_tr=f"Docker imajları ve kapsayıcılar, not {n}",
                    slug_en=f"docker-images-note-{n}",
                    slug_tr=f"docker-imajlari-not-{n}",
                    standfirst_en="What the difference is and why it matters.",
                    standfirst_tr="Fark nedir ve neden önemlidir?",
                    # A sentence of its own: each body is rendered once, as on a real site
                    # (Markdown is kept by the text's hash).
                    body_en=f"{BODY}\n\nThis is note {n} of the series.",
                    category=rng.choice(categories),
                    source=source if n % 3 == 0 else None,
                    original_url=f"https://dev.to/bench/{n}" if n % 3 == 0 else "",
                    status=Article.Status.PUBLISHED,
                    published_at=now - timedelta(minutes=n * 7 + 1),
                    reading_time=minutes,
                )
            )
        return Article.objects.bulk_create(batch, batch_size=500)

    def create_comments(self, articles: list[Article], count: int, rng: random.Random) -> None:
        """Approved comments spread evenly over the articles (50 each for the defaults)."""

        now = timezone.now()
        batch = []
        for n in range(count):
            article = articles[n % len(articles)]
            batch.append(
                Comment(
                    article=article,
                    article_public_id=article.public_id,
                    name=f"Reader {n % 997}",
                    text=f"Comment {n}: the layer cache explanation helped.\nThanks.",
                    language=rng.choice(["en", "tr"]),
                    status=Comment.Status.APPROVED,
                    created_at=now - timedelta(minutes=n),
                    moderated_at=now,
                )
            )
            if len(batch) == 5000:
                Comment.objects.bulk_create(batch)
                batch = []
        Comment.objects.bulk_create(batch)
