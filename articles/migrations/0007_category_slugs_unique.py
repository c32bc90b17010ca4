from django.db import migrations, models


def dedupe_slugs(apps, schema_editor):
    """Before the constraints: a slug two categories share in one language (which only one
    of them could ever answer to) gets a numbered suffix on the later category."""
    Category = apps.get_model("articles", "Category")
    for code in ("en", "tr"):  # the languages this migration knows
        field = f"slug_{code}"
        seen = set()
        for category in Category.objects.order_by("pk"):
            slug = getattr(category, field) or ""
            if not slug:
                continue
            if slug in seen:
                n = 2
                while f"{slug}-{n}" in seen:
                    n += 1
                slug = f"{slug}-{n}"
                setattr(category, field, slug)
                category.save(update_fields=[field])
            seen.add(slug)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_rename_fingerprints"),
    ]

    operations = [
        migrations.RunPython(dedupe_slugs, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="category",
            constraint=models.UniqueConstraint(
                condition=models.Q(("slug_en", ""), _negated=True),
                fields=("slug_en",),
                name="category_slug_en_unique",
            ),
        ),
        migrations.AddConstraint(
            model_name="category",
            constraint=models.UniqueConstraint(
                condition=models.Q(("slug_tr", ""), _negated=True),
                fields=("slug_tr",),
                name="category_slug_tr_unique",
            ),
        ),
    ]
