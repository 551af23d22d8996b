"""Trained-staff targets of a programme, with their milestones."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from people.models import Region, School, TrainingArea
from people.roles import Role

from .programme import LEARNER_ROLE_CHOICES, Programme, _area_for_tutors_only


class Target(ClusterableModel):
    """A number of trained people by a deadline, for the whole programme or a part of it."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="targets", verbose_name=_("programme")
    )
    label = models.CharField(_("label"), max_length=200, blank=True)
    number = models.PositiveIntegerField(_("trained people"))
    deadline = models.DateField(_("by"))
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("region"),
    )
    school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("school"),
    )
    role = models.CharField(_("role"), max_length=32, choices=LEARNER_ROLE_CHOICES, blank=True)
    training_area = models.ForeignKey(
        TrainingArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("training area"),
    )

    panels = [
        FieldPanel("programme"),
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("deadline")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("region"), FieldPanel("school")]),
                FieldRowPanel([FieldPanel("role"), FieldPanel("training_area")]),
            ],
            heading=_("For whom (empty: the whole programme)"),
        ),
        InlinePanel("milestones", heading=_("Milestones"), label=_("Milestone")),
    ]

    class Meta:
        ordering = ["programme", "region__name_en", "school__name_en", "role", "deadline"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [_area_for_tutors_only("target_area_for_tutors_only")]

    def __str__(self) -> str:
        return self.label or self.describe()

    def describe(self) -> str:
        parts: list[Any] = []
        if self.role:
            parts.append(Role(self.role).label)
        if self.training_area_id:
            parts.append(self.training_area)
        if self.school_id:
            parts.append(self.school)
        elif self.region_id:
            parts.append(self.region)
        scope = ", ".join(str(part) for part in parts) or str(_("all trained staff"))
        return str(
            _("%(number)s trained (%(scope)s) by %(date)s")
            % {"number": self.number, "scope": scope, "date": date_format(self.deadline, "j E Y")}
        )

    def place_filter(self) -> Q:
        """The rows (of people or of roles held) this target's region or school counts."""
        condition = Q(programme_id=self.programme_id)
        if self.region_id:
            condition &= Q(region_id=self.region_id)
        if self.school_id:
            condition &= Q(school_id=self.school_id)
        return condition

    def status_filter(self) -> Q:
        """The TrainedStatus rows this target counts."""
        condition = self.place_filter()
        if self.role:
            condition &= Q(role=self.role)
        if self.training_area_id:
            condition &= Q(training_area_id=self.training_area_id)
        return condition

    def expected_by(self, day: date, start: date) -> int:
        """How many should be trained by ``day`` if the target is to be met: straight lines
        through the milestones, from nothing at ``start`` to the number at the deadline."""
        milestones = sorted(
            (m.date, m.number) for m in self.milestones.all() if m.date < self.deadline
        )
        points = [(start, 0), *milestones, (self.deadline, self.number)]
        if day <= start:
            return 0
        for (d0, n0), (d1, n1) in pairwise(points):
            if day <= d1:
                span = (d1 - d0).days or 1
                return round(n0 + (n1 - n0) * (day - d0).days / span)
        return self.number


class Milestone(Orderable):
    target = ParentalKey(Target, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    number = models.PositiveIntegerField(_("trained people by then"))

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("number")])]

    class Meta(Orderable.Meta):
        verbose_name = _("milestone")

    def __str__(self) -> str:
        return f"{self.number} / {self.date}"
