"""Small helpers for the dashboard templates."""

from __future__ import annotations

from typing import Any

from django import template

from core import numbers
from programmes.selectors import ROLES

register = template.Library()


@register.filter
def get(mapping: Any, key: Any) -> Any:
    """``mapping[key]`` in a template, or None."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.simple_tag
def percent(part: int, whole: int) -> int:
    return numbers.percent(part, whole)


@register.simple_tag
def learner_roles() -> list[Any]:
    return ROLES
