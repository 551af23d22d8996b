"""Dates as the certificates write them, in the language of the page."""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.conf import settings
from django.utils import timezone, translation

from ..models import ALMATY
from ..pdf import long_date as _long_date

register = template.Library()


@register.filter
def long_date(value: date | datetime | None) -> str:
    """``2026 жылғы 20 тамыз``, ``20 августа 2026 г.``, ``20 August 2026``."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value, ALMATY).date()
    language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    return _long_date(value, language)
