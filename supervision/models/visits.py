"""A school's supervision year and its visits."""

from __future__ import annotations

import datetime
import uuid

from django.db import models
from django.db.models import DateField, F, Q
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from people.models import School, User


class Frequency(models.TextChoices):
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Monthly")
    BIMONTHLY = "bimonthly", _("Every two months")
    TERMLY = "termly", _("Every three months")


class SupervisionYear(models.Model):
    """One school's year of supervision, with its supervisors and a plan of visits."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="supervision_years", verbose_name=_("school")
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    frequency = models.CharField(
        _("visit frequency"), max_length=16, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    supervisors = models.ManyToManyField(
        User, related_name="supervision_years", verbose_name=_("supervisors")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-starts_on", "school__name_en"]
        verbose_name = _("supervision year")
        verbose_name_plural = _("supervision years")
        constraints = [
            models.UniqueConstraint(fields=["school", "starts_on"], name="year_one_per_start"),
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")), name="year_ends_after_it_starts"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school} · {self.label}"

    @property
    def label(self) -> str:
        return f"{self.starts_on.year}–{self.ends_on.year}"


class Visit(models.Model):
    """One planned visit of a supervisor to a school. Its state changes only through
    the moves of ``services.transitions``, which check ``moves.TRANSITIONS``."""

    class State(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        ACKNOWLEDGED = "acknowledged", _("Signed off")
        CLOSED = "closed", _("Closed")
        MISSED = "missed", _("Missed")
        RESCHEDULED = "rescheduled", _("Rescheduled")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    year = models.ForeignKey(
        SupervisionYear, on_delete=models.PROTECT, related_name="visits", verbose_name=_("year")
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="visits", verbose_name=_("school")
    )
    planned_on = models.DateField(_("date"))
    supervisor = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visits_led",
        verbose_name=_("supervisor"),
    )
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.PLANNED
    )
    notes = models.TextField(_("notes on the visit"), blank=True)
    state_reason = models.TextField(_("reason"), blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="visits_signed_off"
    )
    signed_off_name = models.CharField(_("signed off by"), max_length=200, blank=True)
    signed_off_at = models.DateTimeField(_("signed off at"), null=True, blank=True)
    # The id a device gave the last move it asked for (a submission recorded offline may
    # arrive twice): the same id again finds the move already made. See services.transitions.
    last_move_client_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    rescheduled_from = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rescheduled_to",
        verbose_name=_("rescheduled from"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["planned_on", "pk"]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        indexes = [
            models.Index(fields=["school", "planned_on"], name="visit_school_date"),
            models.Index(fields=["state", "planned_on"], name="visit_state_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(state__in=["acknowledged", "closed"])
                    & Q(signed_off_at__isnull=False, signed_off_by__isnull=False)
                )
                | (
                    ~Q(state__in=["acknowledged", "closed"])
                    & Q(signed_off_at__isnull=True, signed_off_by__isnull=True)
                    & Q(signed_off_name="")
                ),
                name="visit_signed_off_exactly_when_acknowledged",
            ),
        ]

    def __str__(self) -> str:
        return str(
            _("Visit to %(school)s on %(date)s")
            % {"school": self.school, "date": date_format(self.held_on, "j E Y")}
        )

    @property
    def held_on(self) -> datetime.date:
        """The day the visit took place: the day its recording began (which may differ
        from the planned day, which stays as planned), or the planned day before that."""
        if self.started_at is None:
            return self.planned_on
        return timezone.localdate(self.started_at)

    @property
    def held_on_another_day(self) -> bool:
        return self.held_on != self.planned_on

    @property
    def is_recording(self) -> bool:
        return self.state == self.State.IN_PROGRESS

    @property
    def is_submitted(self) -> bool:
        """Submitted, signed off or closed: its observations count."""
        return self.state in SUBMITTED_STATES


def held_on_of(path: str = "") -> Coalesce:
    """``Visit.held_on`` in the database: the local day recording began, else the planned
    day. ``path`` leads from the queried model to the visit (``"visit__"`` from an
    observation), so figures that count by day count the day the visit took place."""
    return Coalesce(
        TruncDate(f"{path}started_at"), F(f"{path}planned_on"), output_field=DateField()
    )


SUBMITTED_STATES = frozenset({Visit.State.SUBMITTED, Visit.State.ACKNOWLEDGED, Visit.State.CLOSED})
# Visits that count as planned in coverage: everything but those moved to another date.
PLANNED_STATES = frozenset(set(Visit.State.values) - {Visit.State.RESCHEDULED})
