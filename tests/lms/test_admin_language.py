"""The admin in the trainer's language: Wagtail ships no Kazakh, so a trainer who prefers
Kazakh reads Wagtail's own words in Russian (never English) around the product's Kazakh,
and the site's root pages carry names, not Wagtail's welcome line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from wagtail.models import Page
from wagtail.users.models import UserProfile

from courses.setup import ROOT_TITLES, WAGTAIL_DEFAULT_ROOT_TITLE, ensure_authoring_setup
from people.roles import Role
from tests.factories import UserFactory, activate_totp, grant

# Wagtail's own words, which neither Django nor the product translate into Kazakh.
WAGTAIL_ONLY = {"Unpublish": "Отменить публикацию", "Log out": "Выйти"}


@pytest.fixture
def fallback(tmp_path: Path, settings: Any) -> Path:
    """The fallback catalogue built afresh, in a place of its own."""
    settings.KAZAKH_FALLBACK_DIR = tmp_path
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS[:-1], tmp_path]
    call_command("build_kazakh_fallback")
    return tmp_path


def test_kazakh_falls_back_to_russian_for_wagtail_not_to_english(fallback: Path) -> None:
    assert (fallback / "kk" / "LC_MESSAGES" / "django.mo").exists()
    assert (fallback / "kk" / "LC_MESSAGES" / "djangojs.mo").exists()
    with translation.override("kk"):
        for english, russian in WAGTAIL_ONLY.items():
            assert translation.gettext(english) == russian
        # What Django or the product already say in Kazakh stays Kazakh.
        assert translation.gettext("This field is required.") == "Бұл өрісті толтыру міндетті."
        assert translation.gettext("Kazakh") == "Қазақша"
    with translation.override("en"):
        assert translation.gettext("Unpublish") == "Unpublish"


def test_without_the_fallback_kazakh_reads_english(tmp_path: Path, settings: Any) -> None:
    """The check above can fail: with no catalogue built, Wagtail's words are English."""
    settings.KAZAKH_FALLBACK_DIR = tmp_path
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS[:-1], tmp_path]
    with translation.override("kk"):
        assert translation.gettext("Unpublish") == "Unpublish"


@pytest.mark.django_db
def test_a_trainer_who_prefers_kazakh_reads_the_admin_in_kazakh_and_russian(
    fallback: Path,
) -> None:
    person = UserFactory()
    grant(person, Role.TRAINER)
    activate_totp(person)
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "kk"
    profile.save()
    client = Client()
    client.force_login(person)
    page = client.get("/admin/").content.decode()
    assert 'lang="kk"' in page
    assert "Бақылау тақтасы" in page  # the product's own words, in Kazakh
    assert "Сочетания клавиш" in page  # Wagtail's, in Russian
    assert "Keyboard shortcuts" not in page


@pytest.mark.django_db
def test_site_root_pages_are_named_in_their_languages() -> None:
    ensure_authoring_setup()
    root = Page.objects.get(depth=2, locale__language_code=settings.LANGUAGE_CODE, slug="home")
    titles = {
        page.locale.language_code: page.title
        for page in Page.objects.filter(translation_key=root.translation_key).select_related(
            "locale"
        )
    }
    assert set(titles) == {"kk", "ru", "en"}
    assert titles == ROOT_TITLES
    assert WAGTAIL_DEFAULT_ROOT_TITLE not in Page.objects.values_list("title", flat=True)
    # A root someone renamed keeps its name.
    Page.objects.filter(pk=root.pk).update(title="Qamqor", draft_title="Qamqor")
    ensure_authoring_setup()
    assert Page.objects.get(pk=root.pk).title == "Qamqor"
