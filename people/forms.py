"""Forms for people, roles, invitations and sign-up."""

from __future__ import annotations

from typing import Any, cast

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from core import text

from . import scoping
from .models import Region, School, TrainingArea, User
from .roles import AT_SCHOOL, IN_REGION, ROLE_PLACES, Role, Specialism
from .services import MembershipSpec


def _name(value: str) -> str:
    """A name field's value as the services keep it (``core.text.clean_name``), so that a
    refused character is pointed out next to the field before anything is saved."""
    return text.clean_name(value, max_length=200)


class PersonDetailsForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("Exactly as it must appear on certificates."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    full_name_alt = forms.CharField(
        label=_("Second spelling of the name"),
        max_length=200,
        required=False,
        help_text=_("The name in the other alphabet, for example Latin if the first is Cyrillic."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        help_text=_("Used for the pages you see, e-mails and certificates."),
    )

    def clean_full_name(self) -> str:
        return _name(self.cleaned_data["full_name"])

    def clean_full_name_alt(self) -> str:
        return _name(self.cleaned_data.get("full_name_alt", ""))


ROLE_SPECIFIC_FIELDS = {
    "school": {role for role, places in ROLE_PLACES.items() if AT_SCHOOL in places},
    "region": {role for role, places in ROLE_PLACES.items() if IN_REGION in places},
    "training_area": {Role.TUTOR.value},
    "specialism": {Role.SPECIALIST.value},
}


class MembershipForm(forms.Form):
    """A role and where it is held, limited to what the actor may grant."""

    role = forms.ChoiceField(label=_("Role"))
    # Which of these a role needs depends on the role; the service says which is missing.
    # With JavaScript, each shows only for the roles it applies to (data-for-roles).
    school = forms.ModelChoiceField(
        label=_("School"), queryset=School.objects.none(), required=False, empty_label="—"
    )
    region = forms.ModelChoiceField(
        label=_("Region (for roles held in a whole region)"),
        queryset=Region.objects.none(),
        required=False,
        empty_label="—",
    )
    training_area = forms.ModelChoiceField(
        label=_("Training area (tutors)"),
        queryset=TrainingArea.objects.filter(is_active=True),
        required=False,
        empty_label="—",
    )
    specialism = forms.ChoiceField(
        label=_("Specialism (specialists)"),
        choices=[("", "—"), *Specialism.choices],
        required=False,
    )

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        roles = scoping.grantable_roles(actor)
        cast(forms.ChoiceField, self.fields["role"]).choices = [("", "—")] + [
            (value, label) for value, label in Role.choices if value in roles
        ]
        schools = scoping.grantable_schools(actor).select_related("region")
        school_field = cast(forms.ModelChoiceField, self.fields["school"])
        school_field.queryset = schools
        first_two = list(schools[:2])
        if len(first_two) == 1:
            school_field.initial = first_two[0]
        regions = scoping.grantable_regions(actor)
        if regions.exists():
            cast(forms.ModelChoiceField, self.fields["region"]).queryset = regions
        else:
            del self.fields["region"]
        for name, for_roles in ROLE_SPECIFIC_FIELDS.items():
            if name in self.fields:
                field = self.fields[name]
                field.widget.attrs["data-for-roles"] = " ".join(sorted(for_roles))
                field.show_optional = False  # type: ignore[attr-defined]

    def membership_spec(self) -> MembershipSpec:
        data = self.cleaned_data
        return MembershipSpec(
            role=data["role"],
            school=data.get("school"),
            region=data.get("region"),
            training_area=data.get("training_area"),
            specialism=data.get("specialism") or "",
        )


class PersonCreateForm(PersonDetailsForm, MembershipForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The invitation goes here; it is also the person's login."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    field_order = [
        "email",
        "full_name",
        "full_name_alt",
        "preferred_language",
        "role",
        "school",
        "region",
        "training_area",
        "specialism",
    ]


class InvitationAcceptForm(PersonDetailsForm):
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords are not the same."))
        return data


class SignupForm(AllauthSignupForm):
    """Open sign-up (off unless the setting turns it on) asks for the name as well."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("Exactly as it must appear on certificates."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES
    )

    def clean_full_name(self) -> str:
        return _name(self.cleaned_data["full_name"])

    def save(self, request: HttpRequest) -> User:
        user: User = super().save(request)
        user.full_name = _name(self.cleaned_data["full_name"])
        user.preferred_language = self.cleaned_data["preferred_language"]
        user.save(update_fields=["full_name", "preferred_language"])
        return user


class PeopleFilterForm(forms.Form):
    show_optional_marks = False  # every filter is optional; saying so on each is noise

    q = forms.CharField(label=_("Name or e-mail"), required=False)
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), required=False, empty_label=_("All")
    )
    school = forms.ModelChoiceField(
        label=_("School"), queryset=School.objects.none(), required=False, empty_label=_("All")
    )
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("All")), *Role.choices]
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["region"]).queryset = scoping.visible_regions(user)
        cast(forms.ModelChoiceField, self.fields["school"]).queryset = scoping.visible_schools(
            user
        ).select_related("region")


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form; the page itself links to password reset once, below the form."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
