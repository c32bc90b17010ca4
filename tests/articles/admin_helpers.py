"""Drive the article admin the way a browser would: GET pages, POST forms and actions."""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone

from articles.models import LANGUAGE_CODES, Article

CHANGELIST = "admin:articles_article_changelist"


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def article_form_data(article: Article, **changes) -> dict:
    """Everything the change form can send, as an editor's browser would send it.

    Fields a user's form does not have are ignored by Django, so the same data serves
    every role; ``changes`` overrides single fields (``published_at`` as a datetime).
    """
    data = {
        "category": article.category_id,
        "source": article.source_id or "",
        "original_url": article.original_url,
        "original_language": article.original_language,
        "status": article.status,
        "published_at": article.published_at,
        "_save": "Save",
    }
    for field in ("title", "slug", "standfirst", "body"):
        for code in LANGUAGE_CODES:
            data[f"{field}_{code}"] = getattr(article, f"{field}_{code}") or ""
    data.update(changes)
    published_at = data.pop("published_at")
    if published_at:
        local = timezone.localtime(published_at)
        data["published_at_0"] = local.strftime("%Y-%m-%d")
        data["published_at_1"] = local.strftime("%H:%M:%S")
    else:
        data["published_at_0"] = data["published_at_1"] = ""
    return data


def post_change(client, article: Article, **changes):
    return client.post(change_url(article), article_form_data(article, **changes))


def run_action(client, action: str, *objects, model_url: str = CHANGELIST):
    return client.post(
        reverse(model_url),
        {"action": action, ACTION_CHECKBOX_NAME: [obj.pk for obj in objects], "index": 0},
    )
