"""The renewals a person has to act on, for their My learning page (a template tag, so
that the courses app need not import certificates)."""

from __future__ import annotations

from typing import Any

from django import template

from .. import renewal_states, selectors

register = template.Library()

ACTION_STATES = {
    renewal_states.RenewalState.DUE,
    renewal_states.RenewalState.OVERDUE,
    renewal_states.RenewalState.LAPSED,
}


@register.inclusion_tag("certificates/includes/my_renewals.html")
def my_renewals(user: Any) -> dict[str, Any]:
    """The person's certificates that are due for renewal, overdue or lapsed."""
    if not getattr(user, "is_authenticated", False):
        return {"certificates": []}
    certificates = renewal_states.annotate(selectors.my_certificates_for(user=user))
    return {
        "certificates": [
            c for c in certificates if getattr(c, "renewal_state", "") in ACTION_STATES
        ]
    }
