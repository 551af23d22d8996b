"""The admin's forms for courses and modules, where a trainer's first draft is shaped.

- A new course starts with the provider the installation names for the language
  (``courses_default_provider`` hooks: the programme registers one), so trainers do not
  type the organisation's name course after course.
- The prerequisites list each course once (in the course's own language where it has one),
  not once per translation: prerequisites are matched by course, whatever the language.
- A module's completion rule is judged against its content only when the content itself is
  valid, so the first error a trainer reads names the real problem.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Min, Q
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm


def default_provider(language: str) -> str:
    for hook in hooks.get_hooks("courses_default_provider"):
        provider = hook(language)
        if provider:
            return str(provider)
    return ""


def prerequisite_choices(course: Any, locale_id: int | None) -> Any:
    """Each course once: its version in ``locale_id`` if any, else one of its translations;
    prerequisites already chosen stay as chosen (nothing is dropped on save)."""
    from .models import CoursePage

    chosen = [p.pk for p in course.prerequisites.all()]
    chosen_keys = CoursePage.objects.filter(pk__in=chosen).values("translation_key")
    in_locale = CoursePage.objects.filter(locale_id=locale_id).exclude(
        translation_key__in=chosen_keys
    )
    elsewhere = (
        CoursePage.objects.exclude(translation_key__in=chosen_keys)
        .exclude(translation_key__in=in_locale.values("translation_key"))
        .values("translation_key")
        .annotate(first=Min("pk"))
        .values("first")
    )
    choices = CoursePage.objects.filter(
        Q(pk__in=chosen) | Q(pk__in=in_locale.values("pk")) | Q(pk__in=elsewhere)
    )
    if course.translation_key:
        choices = choices.exclude(translation_key=course.translation_key)
    return choices.order_by("title")


class CoursePageForm(WagtailAdminPageForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if "prerequisites" in self.fields:
            field = self.fields["prerequisites"]
            field.queryset = prerequisite_choices(self.instance, locale_id)
        if not self.instance.pk and "provider" in self.fields and not self.initial.get("provider"):
            language = self.instance.locale.language_code if locale_id else ""
            self.initial["provider"] = default_provider(language)


class ModulePageForm(WagtailAdminPageForm):
    def clean(self) -> dict[str, Any]:
        data = super().clean()
        # With its content refused, the module would be judged on the content it had before
        # (for a new module, none), and "needs exactly one check" would hide the real error.
        self.instance.body_failed_validation = "body" in self.errors
        return data
