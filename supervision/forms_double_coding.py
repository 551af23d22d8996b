"""Forms of double-coded visits: the share of a region's visits to co-observe, the choice
of a co-observer, and the co-observer's scores (one level per indicator of each observed
session, named ``<observation public id>_<indicator key>``; nothing of the lead's scores)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from people.models import Region, User

from .models import Observation


class ShareForm(forms.Form):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())
    share = forms.IntegerField(
        label=_("Share of visits co-observed (percent)"), min_value=0, max_value=100
    )

    def __init__(self, *args: Any, regions: QuerySet[Region], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions  # type: ignore[attr-defined]


class PickForm(forms.Form):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())

    def __init__(self, *args: Any, regions: QuerySet[Region], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions  # type: ignore[attr-defined]


class CoObserverForm(forms.Form):
    co_observer = forms.ModelChoiceField(label=_("Co-observer"), queryset=User.objects.none())

    def __init__(self, *args: Any, supervisors: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["co_observer"].queryset = supervisors  # type: ignore[attr-defined]


class CoScoreForm(forms.Form):
    def __init__(self, *args: Any, observations: list[Observation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sessions = []
        for observation in observations:
            domains = observation.rubric_version.domains_for_display()
            for domain in domains:
                for indicator in domain["indicators"]:
                    self.fields[f"{observation.public_id}_{indicator['key']}"] = (
                        forms.TypedChoiceField(
                            label=indicator["text"],
                            choices=[(lv["value"], lv["label"]) for lv in indicator["levels"]],
                            coerce=int,
                            required=False,
                            widget=forms.RadioSelect,
                        )
                    )
            self.sessions.append((observation, domains))

    def scores(self) -> dict[str, Any]:
        """The raw levels chosen, by field name: the service checks them."""
        return {name: self.data.get(name) or None for name in self.fields}

    def score_sessions(self) -> list[dict[str, Any]]:
        """Each observed session with its domains, as ``includes/scoring.html`` shows them."""
        result = []
        for number, (observation, domains) in enumerate(self.sessions, start=1):
            shown = []
            for domain in domains:
                indicators = []
                for indicator in domain["indicators"]:
                    field = self[f"{observation.public_id}_{indicator['key']}"]
                    options = list(zip(field.subwidgets, indicator["levels"], strict=True))
                    indicators.append({**indicator, "field": field, "options": options})
                shown.append({"name": domain["name"], "indicators": indicators})
            result.append(
                {"observation": observation, "domains": shown, "prefix": f"session-{number}-"}
            )
        return result
