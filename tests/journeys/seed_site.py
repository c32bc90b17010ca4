# Run inside the site by `manage.py shell -c` (see conftest.seed): creates the journeys'
# preconditions through the models' own save(), never by importing application modules,
# and answers with what the journeys need to find them (public IDs, slugs, keys).
# VARIABLES and emit() come from Site.shell().
from datetime import timedelta

from django.apps import apps
from django.db import transaction
from django.utils import timezone

Article = apps.get_model("articles", "Article")
Category = apps.get_model("articles", "Category")
Source = apps.get_model("articles", "Source")
Author = apps.get_model("articles", "Author")
Tag = apps.get_model("articles", "Tag")
SummaryState = apps.get_model("articles", "SummaryState")
Comment = apps.get_model("comments", "Comment")

plan = VARIABLES["plan"]  # noqa: F821
tag = VARIABLES["tag"]  # noqa: F821
now = timezone.now()
answer = {"articles": {}, "categories": [], "sources": []}


def describe_category(category):
    return {
        "pk": category.pk,
        "name_en": category.name_en,
        "name_tr": category.name_tr,
        "slug_en": category.slug_en,
        "slug_tr": category.slug_tr,
    }


with transaction.atomic():
    for n in range(plan["spare_categories"]):
        category = Category.objects.create(
            name_en=f"Spare {tag}{n}",
            name_tr=f"Yedek {tag}{n}",
            slug_en=f"spare-{tag}{n}",
            slug_tr=f"yedek-{tag}{n}",
            position=100 + n,
        )
        answer["categories"].append(describe_category(category))
    for n in range(plan["spare_sources"]):
        source = Source.objects.create(name=f"Spare wire {tag}{n}", url="https://example.org/")
        answer["sources"].append({"pk": source.pk, "name": source.name})

    rank = 0
    for kind, count in plan["articles"].items():
        for n in range(count):
            rank += 1
            word = f"{tag}{kind[:3]}{n}"
            category = Category.objects.create(
                name_en=f"Desk {word}",
                name_tr=f"Masa {word}",
                slug_en=f"desk-{word}",
                slug_tr=f"masa-{word}",
                position=10,
            )
            source = None
            if kind == "sourced":
                source = Source.objects.create(name=f"Wire {word}", url="https://example.org/")
            published = kind != "draft"
            # The articles that lists must show come first (newest): see conftest.PLAN.
            published_at = now - timedelta(seconds=rank) if published else None
            article = Article(
                title_en=f"Journey report {word}",
                title_tr=f"Yolculuk raporu {word}",
                standfirst_en=f"What happened to {word}.",
                standfirst_tr=f"{word} için ne oldu.",
                body_en=(
                    f"The newsroom followed {word} all week. Editors checked every claim twice. "
                    "Readers asked for the details, and here they are."
                ),
                body_tr=(
                    f"Haber merkezi {word} konusunu bütün hafta izledi. Editörler her iddiayı "
                    "iki kez kontrol etti."
                ),
                category=category,
                source=source,
                original_url="https://example.org/original" if source else "",
                original_language="en",
                status="published" if published else "draft",
                published_at=published_at,
            )
            article.save()
            byline = None
            if kind == "authored":
                author = Author.objects.create(
                    name=f"Writer {word}",
                    slug=f"writer-{word}",
                    bio_en=f"Writer {word} covers the newsroom.",
                    bio_tr=f"Yazar {word} haber merkezini yazıyor.",
                )
                topic = Tag.objects.create(
                    name_en=f"Topic {word}",
                    name_tr=f"Konu {word}",
                    slug_en=f"topic-{word}",
                    slug_tr=f"konu-{word}",
                )
                article.authors.set([author])
                article.tags.set([topic])
                byline = {
                    "author": {"pk": author.pk, "name": author.name, "slug": author.slug},
                    "tag": {
                        "pk": topic.pk,
                        **{
                            f"{f}_{c}": getattr(topic, f"{f}_{c}")
                            for f in ("name", "slug")
                            for c in ("en", "tr")
                        },
                    },
                }
            comments = {}
            if kind in ("commented", "purgeable"):
                comment = Comment.objects.create(
                    article=article,
                    article_public_id=article.public_id,
                    name="Ayşe Reader",
                    text=f"An approved remark about {word}.",
                    language="en",
                    status="approved",
                    moderated_at=now,
                )
                comments["approved"] = comment.pk
            if kind == "pending":
                comment = Comment.objects.create(
                    article=article,
                    article_public_id=article.public_id,
                    name="Mehmet Reader",
                    text=f"A remark waiting for review about {word}.",
                    language="tr",
                    status="pending",
                )
                comments["pending"] = comment.pk
            if kind == "purgeable":
                comment = Comment.objects.create(
                    article=article,
                    article_public_id=article.public_id,
                    name="Old Rejected",
                    text=f"A rejected remark about {word}.",
                    language="en",
                    status="rejected",
                    moderated_at=now - timedelta(days=40),
                    created_at=now - timedelta(days=40),
                )
                comments["rejected"] = comment.pk
            summaries = {}
            if kind == "summarised":
                for code in ("en", "tr"):
                    text = (
                        f"The short version of {word}."
                        if code == "en"
                        else f"{word} konusunun kısa özeti."
                    )
                    Article.objects.filter(pk=article.pk).update(**{f"summary_{code}": text})
                    state = SummaryState.objects.create(
                        article=article,
                        language=code,
                        state="ready",
                        origin="human",
                        edited_at=now,
                        written_from=article.summary_fingerprint(),
                    )
                    summaries[code] = {"pk": state.pk, "text": text}
            answer["articles"].setdefault(kind, []).append(
                {
                    "pk": article.pk,
                    "public_id": article.public_id,
                    "word": word,
                    "title_en": article.title_en,
                    "title_tr": article.title_tr,
                    "slug_en": article.slug_en,
                    "slug_tr": article.slug_tr,
                    "category": describe_category(category),
                    "source": {"pk": source.pk, "name": source.name} if source else None,
                    "comments": comments,
                    "summaries": summaries,
                    "byline": byline,
                }
            )

emit(answer)  # noqa: F821
