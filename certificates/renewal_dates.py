"""The dates of recertification: when a renewal window opens, when an expired certificate
lapses, and how long a renewed certificate is valid. Month arithmetic keeps the day of the
month, or the month's last day when it has fewer days."""

from __future__ import annotations

from datetime import date

from . import pdf
from .models import RenewalRule


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day when it has fewer days)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise ValueError(day)


def months_after(day: date, months: int) -> date:
    return months_before(day, -months)


def window_opens_on(expires_on: date, rule: RenewalRule) -> date:
    return months_before(expires_on, rule.window_months)


def lapses_after(expires_on: date, rule: RenewalRule) -> date:
    """The last day on which the renewal path still renews an expired certificate."""
    return months_after(expires_on, rule.grace_months)


def renewed_expiry(*, old_expires_on: date, completed_on: date, rule: RenewalRule) -> date:
    """A renewed certificate is valid from the old one's end when renewed in time, and
    from the completion date when late: nobody gains or loses by renewing early."""
    start = old_expires_on if completed_on <= old_expires_on else completed_on
    return pdf.years_later(start, rule.validity_years)
