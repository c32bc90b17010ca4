"""The search index: on PostgreSQL a table of weighted tsvectors with a GIN index (the
unmanaged ``SearchDocument``), on SQLite an FTS5 table. Each database gets only its own;
both are filled from the articles already there."""

import django.contrib.postgres.search
from django.db import migrations, models


def create_index(apps, schema_editor):
    from articles import search

    if schema_editor.connection.vendor == "postgresql":
        for statement in search.postgres.CREATE:
            schema_editor.execute(statement)
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(search.sqlite.CREATE)
    else:
        return
    # The text fields are all search reads, so the historical model will do. No page can
    # have been made from an index that did not exist: nothing to announce (or to write
    # to a cache that may not be up during a migration).
    search.rebuild(apps.get_model("articles", "Article").objects.order_by("pk"), announce=False)


def drop_index(apps, schema_editor):
    from articles import search

    if schema_editor.connection.vendor == "postgresql":
        for statement in search.postgres.DROP:
            schema_editor.execute(statement)
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(search.sqlite.DROP)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0014_source_feed_url'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(max_length=7)),
                ('body', models.TextField()),
                ('vector', django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                'verbose_name': 'search document',
                'verbose_name_plural': 'search documents',
                'db_table': 'articles_search_document',
                'managed': False,
            },
        ),
        migrations.RunPython(create_index, drop_index),
    ]
