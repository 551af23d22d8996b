"""Forms for learners, trainers and managers."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from people import scoping
from people.models import Region, School, User
from people.roles import LEARNER_ROLES, Role

from .blocks import REFLECTION_MAX_LENGTH
from .models import Enrolment


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("Your reflection"),
        widget=forms.Textarea(attrs={"rows": 10}),
        # The service enforces the prompt's own limits with a clear message; this only
        # stops absurdly large posts before they reach it.
        max_length=REFLECTION_MAX_LENGTH * 2,
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("return", _("Return with a comment"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment for the learner"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you return the reflection."),
    )


class CourseReviewDecisionForm(forms.Form):
    """A lead trainer's decision on a course review: approve it, or return it for changes."""

    action = forms.ChoiceField(
        choices=[("approve", _("Approve and publish")), ("reject", _("Request changes"))]
    )
    comment = forms.CharField(
        label=_("Comment for the trainer"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you request changes: say what to change."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") == "reject" and not data.get("comment", "").strip():
            self.add_error("comment", _("Say what to change, so the trainer knows what to do."))
        return data


class CourseCopyForm(forms.Form):
    """The new course's title and address, free in every language's catalogue."""

    title = forms.CharField(label=_("Title of the new course"), max_length=255)
    slug = forms.SlugField(
        label=_("Address"),
        max_length=255,
        allow_unicode=True,
        help_text=_("The last part of the course's address, the same in every language."),
    )

    def __init__(self, *args: Any, catalogues: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.catalogues = catalogues

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if any(not Page._slug_is_available(slug, catalogue) for catalogue in self.catalogues):
            raise forms.ValidationError(_("A course already has this address. Choose another one."))
        return str(slug)


class ReflectionQueueForm(forms.Form):
    """Search, filter and order the reflections waiting for review."""

    show_optional_marks = False

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("A person's name or e-mail, a school, a course or a module."),
    )
    course = forms.TypedChoiceField(label=_("Course"), required=False, coerce=int, empty_value=None)
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("oldest", _("Waiting longest first")), ("newest", _("Newest first"))],
    )

    def __init__(self, *args: Any, courses: list[tuple[Any, int]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.courses = {course.pk: course for course, _count in courses}
        cast(forms.TypedChoiceField, self.fields["course"]).choices = [
            ("", _("All")),
            *((course.pk, f"{course.title} ({count})") for course, count in courses),
        ]


def _learner_role_choices() -> list[tuple[str, Any]]:
    return [(role.value, role.label) for role in Role if role in LEARNER_ROLES]


class ReportFilterForm(forms.Form):
    show_optional_marks = False

    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), required=False, empty_label=_("All")
    )
    school = forms.ModelChoiceField(
        label=_("School"), queryset=School.objects.none(), required=False, empty_label=_("All")
    )
    role = forms.ChoiceField(label=_("Role"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("All")),
            (Enrolment.Status.ACTIVE, Enrolment.Status.ACTIVE.label),
            (Enrolment.Status.COMPLETED, Enrolment.Status.COMPLETED.label),
        ],
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["region"]).queryset = scoping.visible_regions(user)
        cast(forms.ModelChoiceField, self.fields["school"]).queryset = scoping.visible_schools(
            user
        ).select_related("region")
        cast(forms.ChoiceField, self.fields["role"]).choices = [
            ("", _("All")),
            *_learner_role_choices(),
        ]


class CohortForm(forms.Form):
    name = forms.CharField(
        label=_("Cohort name"), max_length=200, help_text=_("For example: Tutors, autumn intake.")
    )
    starts_on = forms.DateField(
        label=_("Starts on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    school = forms.ModelChoiceField(
        label=_("Everyone at this school"),
        queryset=School.objects.none(),
        required=False,
        empty_label="—",
    )
    region = forms.ModelChoiceField(
        label=_("Everyone in this region"),
        queryset=Region.objects.none(),
        required=False,
        empty_label="—",
    )
    role = forms.ChoiceField(label=_("Only people in this role"), required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["school"]).queryset = scoping.visible_schools(
            user
        ).select_related("region")
        cast(forms.ModelChoiceField, self.fields["region"]).queryset = scoping.visible_regions(user)
        cast(forms.ChoiceField, self.fields["role"]).choices = [("", "—"), *_learner_role_choices()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("school") or data.get("region") or data.get("role")):
            raise forms.ValidationError(_("Choose a school, a region or a role."))
        return data
