"""Forms of the dashboard, the staff import and scheduled reports."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from people.models import Region, TrainingArea
from people.roles import LEARNER_ROLES, Role

from .imports import MAX_BYTES
from .models import Programme, ReportSubscription


class DashboardFilterForm(forms.Form):
    show_optional_marks = False

    role = forms.ChoiceField(label=_("Role"), required=False)
    training_area = forms.ModelChoiceField(
        label=_("Training area (tutors)"),
        queryset=TrainingArea.objects.filter(is_active=True),
        required=False,
        empty_label=_("All"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [  # type: ignore[attr-defined]
            ("", _("All")),
            *[(role.value, role.label) for role in Role if role in LEARNER_ROLES],
        ]


class StaffImportForm(forms.Form):
    file = forms.FileField(
        label=_("Staff list (CSV or XLSX)"),
        help_text=_("One person per row, with the columns of the template. At most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    programme = forms.ModelChoiceField(
        label=_("Enrol in the required courses of"),
        queryset=Programme.objects.none(),
        required=False,
        empty_label=_("No programme"),
    )

    def __init__(self, *args: Any, programmes: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if programmes is not None:
            self.fields["programme"].queryset = programmes  # type: ignore[attr-defined]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB. Split it into smaller files.")
                % {"size": MAX_BYTES // (1024 * 1024)}
            )
        return upload


class ReportSubscriptionForm(forms.Form):
    recipient_name = forms.CharField(label=_("Recipient's name"), max_length=200)
    recipient_email = forms.EmailField(
        label=_("Recipient's e-mail address"),
        help_text=_("They need no account. Each report has a link to stop receiving it."),
        error_messages={"invalid": _("Enter a valid e-mail address, such as name@example.org.")},
    )
    language = forms.ChoiceField(label=_("Language of the report"), choices=settings.LANGUAGES)
    frequency = forms.ChoiceField(
        label=_("How often"), choices=ReportSubscription.Frequency.choices
    )
    region = forms.ModelChoiceField(
        label=_("Figures for"), queryset=Region.objects.none(), required=False
    )

    def __init__(
        self, *args: Any, regions: Any = None, whole_programme: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["region"]
        if regions is not None:
            field.queryset = regions  # type: ignore[attr-defined]
        if whole_programme:
            field.empty_label = _("The whole programme")  # type: ignore[attr-defined]
        else:
            field.required = True
            field.empty_label = None  # type: ignore[attr-defined]
