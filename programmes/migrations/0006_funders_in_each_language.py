"""The funders line is kept in each interface language, like the programme's name; the
one text there was is kept in all three until someone translates it."""

from typing import Any

from django.db import migrations, models


def copy_funders(apps: Any, schema_editor: Any) -> None:
    Programme = apps.get_model("programmes", "Programme")
    for programme in Programme.objects.exclude(funders=""):
        programme.funders_kk = programme.funders_ru = programme.funders_en = programme.funders
        programme.save(update_fields=["funders_kk", "funders_ru", "funders_en"])


def restore_funders(apps: Any, schema_editor: Any) -> None:
    Programme = apps.get_model("programmes", "Programme")
    for programme in Programme.objects.all():
        programme.funders = programme.funders_ru or programme.funders_kk or programme.funders_en
        programme.save(update_fields=["funders"])


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0005_renewal_figures"),
    ]

    operations = [
        migrations.AddField(
            model_name="programme",
            name="funders_en",
            field=models.TextField(blank=True, verbose_name="funders and partners in English"),
        ),
        migrations.AddField(
            model_name="programme",
            name="funders_kk",
            field=models.TextField(blank=True, verbose_name="funders and partners in Kazakh"),
        ),
        migrations.AddField(
            model_name="programme",
            name="funders_ru",
            field=models.TextField(blank=True, verbose_name="funders and partners in Russian"),
        ),
        migrations.RunPython(copy_funders, restore_funders),
        migrations.RemoveField(
            model_name="programme",
            name="funders",
        ),
    ]
