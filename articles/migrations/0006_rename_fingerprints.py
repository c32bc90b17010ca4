# "source" names the outlet an article comes from; the fingerprints get names of their own.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_summaries"),
    ]

    operations = [
        migrations.RenameField("article", "source_version", "original_version"),
        migrations.RenameField("translationrecord", "source_version", "original_version"),
        migrations.RenameField("summarystate", "source_fingerprint", "written_from"),
        migrations.AlterField(
            model_name="summarystate",
            name="written_from",
            field=models.CharField(
                blank=True,
                help_text="Hash of the original title and body the summary was written from.",
                max_length=64,
                verbose_name="written from version",
            ),
        ),
    ]
