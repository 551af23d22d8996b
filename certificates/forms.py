"""Forms of the certificate pages. They collect input; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage

from . import selectors
from .models import CertificateJob


def _offer_certificate_courses(field: Any) -> None:
    """A course choice lists the courses that award certificates, by their title."""
    courses = selectors.certificate_courses()
    field.queryset = CoursePage.objects.filter(pk__in=[c.pk for c in courses])
    field.label_from_instance = lambda course: course.title


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Certificate code"),
        max_length=64,
        help_text=_(
            "The 20 letters and digits printed under the QR code. Spaces, dashes and capital "
            "letters do not matter."
        ),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "inputmode": "text",
            }
        ),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, help_text: Any = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].help_text = help_text


class RegisterFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, e-mail, course or code"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Any")),
            ("valid", _("Valid")),
            ("expired", _("Expired")),
            ("revoked", _("Revoked")),
            ("superseded", _("Superseded")),
        ],
    )
    course = forms.ModelChoiceField(
        label=_("Course"), required=False, queryset=CoursePage.objects.none(), empty_label=_("Any")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer_certificate_courses(self.fields["course"])


class JobForm(forms.Form):
    course = forms.ModelChoiceField(
        label=_("Course"), queryset=CoursePage.objects.none(), empty_label=_("Choose a course")
    )
    kind = forms.ChoiceField(
        label=_("What to do"),
        choices=CertificateJob.Kind.choices,
        widget=forms.RadioSelect,
        initial=CertificateJob.Kind.ISSUE_MISSING,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Needed to reissue: what was corrected. It is kept in each certificate's history."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer_certificate_courses(self.fields["course"])
