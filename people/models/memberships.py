"""The roles people hold, each at its place and for a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..roles import AT_SCHOOL, IN_REGION, NATIONAL, ROLE_PLACES, Role, Specialism
from .accounts import User
from .places import Region, School, TrainingArea

if TYPE_CHECKING:
    from .invitations import RoleOffer


def role_detail(held: RoleMembership | RoleOffer) -> str:
    """The training area of a tutor or the specialism of a specialist, if any, for a role
    held or offered."""
    if held.training_area_id:
        return str(held.training_area)
    return held.get_specialism_display() if held.specialism else ""


class MembershipQuerySet(models.QuerySet["RoleMembership"]):
    def current(self) -> MembershipQuerySet:
        return self.filter(ended_on__isnull=True)


def _place_condition(role: str) -> Q:
    places = ROLE_PLACES[role]
    options = []
    if AT_SCHOOL in places:
        options.append(Q(school__isnull=False, region__isnull=True))
    if IN_REGION in places:
        options.append(Q(school__isnull=True, region__isnull=False))
    if NATIONAL in places:
        options.append(Q(school__isnull=True, region__isnull=True))
    condition = options[0]
    for option in options[1:]:
        condition |= option
    return Q(role=role) & condition


class RoleMembership(models.Model):
    """One role held by one person at one place (a school, a region, or the whole programme).

    Ending a membership keeps it as history; only current memberships grant anything.
    """

    wagtail_reference_index_ignore = True  # not content: keep saves free of index updates

    person = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("school"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("region"),
    )
    training_area = models.ForeignKey(
        TrainingArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("training area"),
    )
    specialism = models.CharField(
        _("specialism"), max_length=32, choices=Specialism.choices, blank=True
    )
    started_on = models.DateField(_("since"), default=timezone.localdate)
    ended_on = models.DateField(_("until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["role", "started_on"]
        verbose_name = _("role membership")
        verbose_name_plural = _("role memberships")
        indexes = [
            models.Index(fields=["role", "school"], name="membership_role_school"),
            models.Index(fields=["role", "region"], name="membership_role_region"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "role", "school"],
                condition=Q(ended_on__isnull=True, school__isnull=False),
                name="membership_one_current_per_school",
            ),
            models.UniqueConstraint(
                fields=["person", "role", "region"],
                condition=Q(ended_on__isnull=True, region__isnull=False),
                name="membership_one_current_per_region",
            ),
            models.UniqueConstraint(
                fields=["person", "role"],
                condition=Q(ended_on__isnull=True, school__isnull=True, region__isnull=True),
                name="membership_one_current_national",
            ),
            models.CheckConstraint(
                condition=_place_condition(Role.TUTOR)
                | _place_condition(Role.TEACHER)
                | _place_condition(Role.SPECIALIST)
                | _place_condition(Role.METHODOLOGIST)
                | _place_condition(Role.SCHOOL_LEADER)
                | _place_condition(Role.TRAINER)
                | _place_condition(Role.SUPERVISOR)
                | _place_condition(Role.REGIONAL_COORDINATOR)
                | _place_condition(Role.PROGRAMME_MANAGER)
                | _place_condition(Role.ADMINISTRATOR),
                name="membership_role_held_at_its_place",
            ),
            models.CheckConstraint(
                condition=Q(role=Role.TUTOR, training_area__isnull=False)
                | (~Q(role=Role.TUTOR) & Q(training_area__isnull=True)),
                name="membership_training_area_for_tutors_only",
            ),
            models.CheckConstraint(
                condition=(Q(role=Role.SPECIALIST) & ~Q(specialism=""))
                | (~Q(role=Role.SPECIALIST) & Q(specialism="")),
                name="membership_specialism_for_specialists_only",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="membership_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        place = self.school or self.region
        role = self.get_role_display()
        return f"{self.person}: {role}, {place}" if place else f"{self.person}: {role}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None

    @property
    def place(self) -> School | Region | None:
        return self.school or self.region

    @property
    def detail(self) -> str:
        return role_detail(self)
