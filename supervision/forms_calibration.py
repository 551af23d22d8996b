"""The form a supervisor scores a calibration exercise with: one level per indicator of
the exercise's rubric version, named ``score_<indicator key>``; nothing of the master codes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import RubricVersion
from .selectors.calibration import REGISTER_STATUSES


class CalibrationScoreForm(forms.Form):
    def __init__(self, *args: Any, version: RubricVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
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

    def scores(self) -> dict[str, Any]:
        """The raw levels chosen, by indicator key: the service checks them."""
        return {
            name.removeprefix("score_"): self.data.get(name) or None
            for name in self.fields
            if name.startswith("score_")
        }

    def score_fields(self) -> list[dict[str, Any]]:
        return [
            {
                "name": domain["name"],
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
            for domain in self.domains
        ]


STATUS_LABELS = {
    "calibrated": _("Calibrated"),
    "expiring": _("Expiring soon"),
    "expired": _("Expired"),
    "flagged": _("Flagged for recalibration"),
    "never": _("Not calibrated"),
}


class RegisterFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), *((code, STATUS_LABELS[code]) for code in REGISTER_STATUSES)],
    )
