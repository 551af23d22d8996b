"""Whether the person reading a supervision page may keep visits on their device."""

from __future__ import annotations

from typing import Any

from django import template

from people import scoping

register = template.Library()


@register.simple_tag(takes_context=True)
def offline_user(context: dict[str, Any]) -> str:
    """The public id of the signed-in person if they supervise a school, else ``""``.

    Only supervisors record visits, so only their pages register the service worker that
    keeps visits on the device; for anyone else the page clears what a device kept.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if not scoping.scope_for(user).supervised_school_ids:
        return ""
    return str(user.public_id)  # type: ignore[union-attr]
