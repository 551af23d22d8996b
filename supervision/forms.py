"""Forms of the supervision pages. They shape input; the services decide what is allowed.
The fields of a form that feeds one service are named as that service's arguments."""

from __future__ import annotations

import uuid
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from people.models import Region, RoleMembership, School, User
from people.roles import LEARNER_ROLES, Role

from .models import ActionPoint, ActionPointReview, Frequency, Observation, Rubric, RubricVersion


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def text_field(
    label: Any, *, rows: int, max_length: int | None = None, **options: Any
) -> forms.CharField:
    """A text area of ``rows`` lines; ``options`` are those of ``forms.CharField``."""
    return forms.CharField(
        label=label, widget=forms.Textarea(attrs={"rows": rows}), max_length=max_length, **options
    )


class ClientIdForm(forms.Form):
    """Carries the id the form was given when it was shown, so a repeat does no harm."""

    client_id = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.initial.get("client_id"):
            self.initial["client_id"] = uuid.uuid4()


def supervisors_of(school: School) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True,
        memberships__role=Role.SUPERVISOR,
        memberships__school=school,
        memberships__ended_on__isnull=True,
    ).distinct()


class YearForm(forms.Form):
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput)
    ends_on = forms.DateField(label=_("Ends on"), widget=DateInput)
    first_visit_on = forms.DateField(
        label=_("First visit on"),
        widget=DateInput,
        help_text=_("Later visits follow at the chosen frequency; you can move any of them."),
    )
    frequency = forms.ChoiceField(
        label=_("Visit frequency"), choices=Frequency.choices, initial=Frequency.MONTHLY
    )
    supervisors = forms.ModelMultipleChoiceField(
        label=_("Supervisors"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People who hold the supervisor role at this school."),
    )

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelMultipleChoiceField, self.fields["supervisors"])
        field.queryset = supervisors_of(school)


class YearUpdateForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Visit frequency"),
        choices=Frequency.choices,
        help_text=_("A new frequency re-plans the visits still planned after today."),
    )
    supervisors = forms.ModelMultipleChoiceField(
        label=_("Supervisors"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelMultipleChoiceField, self.fields["supervisors"])
        field.queryset = supervisors_of(school)


class VisitAddForm(forms.Form):
    planned_on = forms.DateField(label=_("Date of the visit"), widget=DateInput)


class ReasonForm(forms.Form):
    reason = text_field(
        _("Reason"),
        rows=3,
        max_length=2000,
        help_text=_("The school and the programme team will see it."),
    )


class RescheduleForm(ReasonForm):
    new_date = forms.DateField(label=_("New date"), widget=DateInput)

    field_order = ["new_date", "reason"]


class SignOffForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I have read this visit record and agree with its action points."),
        error_messages={"required": _("Tick the box to confirm that you have read the record.")},
    )


class NotesForm(forms.Form):
    notes = text_field(
        _("Notes on the visit"),
        rows=5,
        max_length=10_000,
        required=False,
        help_text=_("The context of the visit: who took part, what was agreed in general."),
    )


class RubricChoiceForm(forms.Form):
    rubric = forms.ModelChoiceField(
        label=_("Session type"),
        queryset=Rubric.objects.filter(is_active=True),
        widget=forms.RadioSelect,
        empty_label=None,
    )


def observed_choices(memberships: list[RoleMembership]) -> list[tuple[str, str]]:
    return [
        (f"{m.person.public_id}:{m.role}", f"{m.person.full_name} — {m.get_role_display()}")
        for m in memberships
    ]


class ObservationForm(ClientIdForm):
    """An observation: who, in which role, a score per indicator of the rubric version,
    and the notes. Score fields are named ``score_<indicator key>``."""

    observed = forms.ChoiceField(
        label=_("Observed person and role"),
        help_text=_("Staff of this school. Children are never named in an observation."),
    )
    evidence = text_field(
        _("Evidence"),
        rows=5,
        required=False,
        help_text=_("What you saw and heard. Describe pupils without names."),
    )
    strengths = text_field(_("Strengths"), rows=3, required=False)
    next_steps = text_field(_("Next steps"), rows=3, required=False)

    def __init__(
        self,
        *args: Any,
        version: RubricVersion,
        memberships: list[RoleMembership],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["observed"]).choices = [
            ("", "—"),
            *observed_choices(memberships),
        ]
        self.people = {str(m.person.public_id): m.person for m in memberships}
        self.version = version
        self.domains = version.domains_for_display()
        for domain in self.domains:
            for indicator in domain["indicators"]:
                self.fields[f"score_{indicator['key']}"] = forms.TypedChoiceField(
                    label=indicator["text"],
                    choices=[
                        (level["value"], f"{level['value']} · {level['label']}")
                        for level in indicator["levels"]
                    ],
                    coerce=int,
                    required=False,
                    widget=forms.RadioSelect,
                )

    def score_fields(self) -> list[dict[str, Any]]:
        """The domains, each with its indicators' bound fields and level descriptors."""
        result = []
        for domain in self.domains:
            result.append(
                {
                    "name": domain["name"],
                    "key": domain["key"],
                    "indicators": [
                        {
                            **indicator,
                            "field": self[f"score_{indicator['key']}"],
                            "options": list(
                                zip(
                                    self[f"score_{indicator['key']}"].subwidgets,
                                    indicator["levels"],
                                    strict=True,
                                )
                            ),
                        }
                        for indicator in domain["indicators"]
                    ],
                }
            )
        return result

    def clean_observed(self) -> tuple[User, str]:
        value = self.cleaned_data["observed"]
        public_id, _sep, role = value.partition(":")
        person = self.people.get(public_id)
        if person is None or role not in Role.values:
            raise ValidationError(_("Choose the person you observed."))
        return person, role

    def scores(self) -> dict[str, int | None]:
        return {
            name.removeprefix("score_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("score_")
        }

    @classmethod
    def initial_for(cls, observation: Observation) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "client_id": observation.client_id,
            "observed": f"{observation.observed_person.public_id}:{observation.observed_role}",
            "evidence": observation.evidence,
            "strengths": observation.strengths,
            "next_steps": observation.next_steps,
        }
        for score in observation.scores.all():
            initial[f"score_{score.indicator_key}"] = score.score
        return initial


class AttachmentForm(ClientIdForm):
    file = forms.FileField(
        label=_("Photo or document"),
        help_text=_(
            "JPEG, PNG or WebP photos and PDF documents, up to 10 MB. Photos are stored "
            "without their location. Do not photograph children's faces."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"}
        ),
    )
    caption = forms.CharField(label=_("Caption"), required=False, max_length=300)
    observation = forms.ChoiceField(label=_("Belongs to the observation of"), required=False)

    def __init__(self, *args: Any, observations: list[Observation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.observations = {str(o.public_id): o for o in observations}
        cast(forms.ChoiceField, self.fields["observation"]).choices = [
            ("", _("The visit as a whole")),
            *[(str(o.public_id), o.observed_person.full_name) for o in observations],
        ]
        self.fields["observation"].show_optional = False  # type: ignore[attr-defined]

    def clean_observation(self) -> Observation | None:
        value = self.cleaned_data.get("observation") or ""
        return self.observations.get(value) if value else None


class ActionPointForm(ClientIdForm):
    description = text_field(_("What is to be done"), rows=3, max_length=2000)
    owner = forms.ModelChoiceField(
        label=_("Owner at the school"), queryset=User.objects.none(), empty_label="—"
    )
    due_on = forms.DateField(label=_("Due date"), widget=DateInput)

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["owner"]).queryset = (
            User.objects.filter(
                is_active=True,
                memberships__school=school,
                memberships__role__in=LEARNER_ROLES,
                memberships__ended_on__isnull=True,
            )
            .distinct()
            .order_by("full_name")
        )

    @classmethod
    def initial_for(cls, point: ActionPoint) -> dict[str, Any]:
        return {
            "client_id": point.client_id,
            "description": point.description,
            "owner": point.owner_id,
            "due_on": point.due_on,
        }


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What did this visit find?"),
        choices=ActionPointReview.Outcome.choices,
        widget=forms.RadioSelect,
    )
    note = text_field(
        _("Note"),
        rows=2,
        max_length=2000,
        required=False,
        help_text=_("Needed when the action point is dropped."),
    )
    new_due_on = forms.DateField(
        label=_("New due date"),
        required=False,
        widget=DateInput,
        help_text=_("Only if it stays open and needs more time."),
    )


class ActionPointFilterForm(forms.Form):
    show_optional_marks = False

    school = forms.ModelChoiceField(
        label=_("School"), queryset=School.objects.none(), required=False, empty_label=_("All")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), *ActionPoint.Status.choices],
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    def __init__(self, *args: Any, schools: QuerySet[School], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["school"]).queryset = schools


class CoverageFilterForm(forms.Form):
    show_optional_marks = False

    year = forms.TypedChoiceField(label=_("School year"), coerce=int, required=False)
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), required=False, empty_label=_("All")
    )

    def __init__(
        self, *args: Any, years: list[int], regions: QuerySet[Region], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.TypedChoiceField, self.fields["year"]).choices = [
            (year, f"{year}–{year + 1}") for year in years
        ]
        cast(forms.ModelChoiceField, self.fields["region"]).queryset = regions
