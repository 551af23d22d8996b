"""Each person's stored training status in a programme, recomputed when certificates, roles
or observed practice change, so that the dashboard only counts rows."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from people.models import Region, RoleMembership, School, TrainingArea
from people.roles import Role

from .programme import Programme


class TrainedStatus(models.Model):
    """How far one person has got in one role held in a programme's school or region."""

    class Stage(models.IntegerChoices):
        NONE = 0, _("Not enrolled")
        ENROLLED = 1, _("Enrolled")
        IN_PROGRESS = 2, _("In progress")
        COMPLETED = 3, _("Courses completed")
        CERTIFIED = 4, _("Trained")

    wagtail_reference_index_ignore = True

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="statuses")
    membership = models.ForeignKey(RoleMembership, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=32, choices=Role.choices)
    training_area = models.ForeignKey(
        TrainingArea, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    stage = models.PositiveSmallIntegerField(choices=Stage.choices, default=Stage.NONE)
    required_courses = models.PositiveSmallIntegerField(default=0)
    certified_courses = models.PositiveSmallIntegerField(default=0)
    trained_on = models.DateField(null=True, blank=True)
    # Recertification: the first end date among the certificates that make the person
    # trained (empty: none ends), and whether a required one expired without renewal.
    valid_until = models.DateField(null=True, blank=True)
    overdue = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("training status")
        verbose_name_plural = _("training statuses")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "membership"], name="status_one_per_membership"
            ),
            models.CheckConstraint(
                condition=Q(stage=4, trained_on__isnull=False)
                | (~Q(stage=4) & Q(trained_on__isnull=True)),
                name="status_trained_on_when_certified",
            ),
        ]
        indexes = [
            models.Index(fields=["programme", "region", "role"], name="status_region_role"),
            models.Index(fields=["programme", "school", "role"], name="status_school_role"),
            models.Index(fields=["programme", "trained_on"], name="status_trained_on"),
            models.Index(fields=["programme", "valid_until"], name="status_valid_until"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.role}: {self.get_stage_display()}"


class ProgrammePerson(models.Model):
    """One person in a programme: the furthest stage over their roles, and the day they
    were first trained in any of them. Kept with ``TrainedStatus`` so that people (not
    roles) are counted without de-duplicating thousands of rows on every page."""

    wagtail_reference_index_ignore = True

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    stage = models.PositiveSmallIntegerField(choices=TrainedStatus.Stage.choices)
    trained_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("person in a programme")
        verbose_name_plural = _("people in a programme")
        constraints = [
            models.UniqueConstraint(fields=["programme", "person"], name="programme_person_once")
        ]
        indexes = [
            models.Index(fields=["programme", "region"], name="programme_person_region"),
            models.Index(fields=["programme", "school"], name="programme_person_school"),
        ]

    def __str__(self) -> str:
        return f"{self.programme_id}/{self.person_id}: {self.stage}"
