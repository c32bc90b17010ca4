"""Small builders for test data; keyword arguments override any field."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from articles.models import Article, Author, Category, Source, Tag
from comments.models import Comment

_counter = itertools.count(1)


def make_user(*, groups=(), permissions=(), is_staff=True, **fields):
    """A user (staff by default) in ``groups``, with extra ``permissions`` ("app.codename")."""
    n = next(_counter)
    defaults = {"username": f"user{n}", "email": f"user{n}@example.com"}
    user = get_user_model().objects.create_user(
        password="correct horse battery staple", is_staff=is_staff, **{**defaults, **fields}
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    for permission in permissions:
        app_label, codename = permission.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


def make_category(**fields) -> Category:
    n = next(_counter)
    defaults = {
        "name_en": f"Software {n}",
        "name_tr": f"Yazılım {n}",
        "slug_en": f"software-{n}",
        "slug_tr": f"yazilim-{n}",
    }
    return Category.objects.create(**{**defaults, **fields})


def make_source(**fields) -> Source:
    n = next(_counter)
    defaults = {"name": f"DEV Community {n}", "url": "https://dev.to/"}
    return Source.objects.create(**{**defaults, **fields})


def make_author(**fields) -> Author:
    n = next(_counter)
    defaults = {"name": f"Ada Lovelace {n}", "slug": f"ada-lovelace-{n}", "bio_en": "Writes."}
    return Author.objects.create(**{**defaults, **fields})


def make_tag(**fields) -> Tag:
    n = next(_counter)
    defaults = {
        "name_en": f"Python {n}",
        "name_tr": f"Piton {n}",
        "slug_en": f"python-{n}",
        "slug_tr": f"piton-{n}",
    }
    return Tag.objects.create(**{**defaults, **fields})


def make_article(**fields) -> Article:
    n = next(_counter)
    if "category" not in fields:
        fields["category"] = make_category()
    defaults = {
        "title_en": f"Docker images and containers, part {n}",
        "standfirst_en": "What the difference is, and why it matters.",
        "body_en": "An image is a template. A container is a running instance of it.",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(hours=n),
        "original_language": "en",
    }
    return Article.objects.create(**{**defaults, **fields})


def make_articles(count: int, **fields) -> list[Article]:
    category = fields.pop("category", None) or make_category()
    source = fields.pop("source", None) or make_source()
    return [make_article(category=category, source=source, **fields) for _ in range(count)]


def make_comment(**fields) -> Comment:
    if "article" not in fields:
        fields["article"] = make_article()
    article = fields["article"]
    defaults = {
        "article_public_id": article.public_id if article else "ZZZZZZ",
        "name": "Ayşe Reader",
        "text": "Thanks, this cleared it up for me.",
        "language": "en",
        "status": Comment.Status.APPROVED,
    }
    values = {**defaults, **fields}
    if values["status"] in (Comment.Status.APPROVED, Comment.Status.REJECTED):
        values.setdefault("moderated_at", timezone.now())
    return Comment.objects.create(**values)
