"""Forms of the certificate pages. They collect input; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
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
    """The reason for revoking or reissuing a certificate: required for both, and the form
    says so ("required" beside its label) and names what is missing in the action's own words."""

    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(
        self, *args: Any, help_text: Any = "", required_message: Any = "", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        field.help_text = help_text
        # Certificate managers meet this form rarely: say outright that it cannot be empty.
        field.show_required = True  # type: ignore[attr-defined]
        if required_message:
            field.error_messages["required"] = required_message


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


class VerifyFileForm(forms.Form):
    """A certificate file to check: its PDF or its credential (JSON)."""

    file = forms.FileField(
        label=_("Certificate file"),
        help_text=_("The certificate's PDF, or its credential file (JSON), at most %(size)s MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.json,application/pdf"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit = settings.CERTIFICATES_VERIFY_UPLOAD_MAX_BYTES
        self.fields["file"].help_text = str(self.fields["file"].help_text) % {
            "size": max(1, limit // (1024 * 1024))
        }

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        limit = settings.CERTIFICATES_VERIFY_UPLOAD_MAX_BYTES
        if upload.size is None or upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB: this is not a certificate file.")
                % {"size": max(1, limit // (1024 * 1024))}
            )
        data: bytes = upload.read(limit + 1)
        if len(data) > limit:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB: this is not a certificate file.")
                % {"size": max(1, limit // (1024 * 1024))}
            )
        if not data.strip():
            raise forms.ValidationError(_("The file is empty."))
        return data
