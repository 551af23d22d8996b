"""Learning records: enrolments with their stored progress, module completions, knowledge
check attempts, reflections, cohorts, and the observed practice reported by supervision.

Enrolments and completions point at the course and module pages in the language the course
was first written in; translations of a course share these records (see ``canonical``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from people.models import Region, School

from .pages import CoursePage, ModulePage


class Cohort(models.Model):
    """People enrolled together by a programme manager, e.g. the cohort of 15 August."""

    wagtail_reference_index_ignore = True  # learning records are not content references

    name = models.CharField(_("name"), max_length=200)
    course = models.ForeignKey(
        CoursePage, on_delete=models.PROTECT, related_name="cohorts", verbose_name=_("course")
    )
    starts_on = models.DateField(_("starts on"))
    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=32, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")

    def __str__(self) -> str:
        return self.name


class CurrentEnrolmentManager(models.Manager["Enrolment"]):
    """Enrolments of the current learning cycle: an archived cycle is history."""

    def get_queryset(self) -> models.QuerySet[Enrolment]:
        return super().get_queryset().filter(archived_at__isnull=True)


class Enrolment(models.Model):
    """One person on one course, with their progress stored as it changes.

    ``required_done``, ``required_total`` and ``percent`` are written in the same
    transaction as every completion, so listings never walk the page tree.

    A person retaking a course they completed (recertification by the same course) starts
    a new learning cycle: the completed enrolment is archived with its completions,
    attempts, reflections and certificate, and a new enrolment numbered one higher starts
    afresh. ``objects`` sees the current cycle only, so every lookup of "the person's
    enrolment on a course" finds at most one; ``with_history`` sees every cycle (prerequisites,
    the personal data export). The database keeps one current enrolment per person and course.
    """

    wagtail_reference_index_ignore = True  # learning records are not content references

    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        COMPLETED = "completed", _("Completed")
        LEFT = "left", _("Left")

    class Source(models.TextChoices):
        SELF = "self", _("Self-enrolled")
        COHORT = "cohort", _("Enrolled with a cohort")
        RULE = "rule", _("Required for the role")
        LTI = "lti", _("Launched from another platform")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("person"),
    )
    course = models.ForeignKey(
        CoursePage, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("course")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE
    )
    source = models.CharField(_("how"), max_length=12, choices=Source.choices, default=Source.SELF)
    cohort = models.ForeignKey(
        Cohort, null=True, blank=True, on_delete=models.SET_NULL, related_name="enrolments"
    )
    enrolled_at = models.DateTimeField(_("enrolled on"), auto_now_add=True)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    modules_completed_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(_("completed on"), null=True, blank=True)
    left_at = models.DateTimeField(null=True, blank=True)
    required_done = models.PositiveSmallIntegerField(default=0)
    required_total = models.PositiveSmallIntegerField(default=0)
    percent = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    last_module = models.ForeignKey(
        ModulePage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cycle = models.PositiveSmallIntegerField(_("learning cycle"), default=1)
    archived_at = models.DateTimeField(_("archived on"), null=True, blank=True)

    with_history = models.Manager()
    objects = CurrentEnrolmentManager()

    class Meta:
        ordering = ["-last_activity_at", "-enrolled_at"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        default_manager_name = "objects"
        base_manager_name = "with_history"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "course"],
                condition=Q(archived_at__isnull=True),
                name="enrolment_one_current_per_course",
            ),
            models.UniqueConstraint(
                fields=["person", "course", "cycle"], name="enrolment_cycle_once"
            ),
            models.CheckConstraint(
                condition=Q(percent__lte=100), name="enrolment_percent_at_most_100"
            ),
            models.CheckConstraint(
                condition=~Q(status="completed") | Q(completed_at__isnull=False),
                name="enrolment_completed_has_date",
            ),
        ]
        indexes = [models.Index(fields=["course", "status"], name="enrolment_course_status")]

    def __str__(self) -> str:
        return f"{self.person} — {self.course}"

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED

    @property
    def awaiting_observed_practice(self) -> bool:
        return self.modules_completed_at is not None and self.completed_at is None


class ModuleCompletion(models.Model):
    wagtail_reference_index_ignore = True  # learning records are not content references

    class How(models.TextChoices):
        VIEWED = "viewed", _("Opened")
        MARKED_DONE = "marked_done", _("Marked done")
        KNOWLEDGE_CHECK = "knowledge_check", _("Knowledge check passed")
        REFLECTION = "reflection", _("Reflection accepted")
        OVERRIDE = "override", _("Recorded by a trainer")

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="completions")
    module = models.ForeignKey(ModulePage, on_delete=models.PROTECT, related_name="completions")
    how = models.CharField(max_length=20, choices=How.choices)
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("module completion")
        verbose_name_plural = _("module completions")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "module"], name="completion_one_per_module"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment}: {self.module}"


class KnowledgeCheckAttempt(models.Model):
    wagtail_reference_index_ignore = True  # learning records are not content references
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    module = models.ForeignKey(ModulePage, on_delete=models.PROTECT, related_name="+")
    number = models.PositiveSmallIntegerField()
    answers = models.JSONField(default=dict)  # question id -> list of answer ids
    score = models.PositiveSmallIntegerField()  # percent of questions answered correctly
    passed = models.BooleanField()
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "module", "number"], name="attempt_numbered_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment}: {self.module} #{self.number}"


class Reflection(models.Model):
    """A learner's written reflection; a trainer accepts it or returns it with a comment.

    Each submission is its own row, so returned versions stay as history.
    """

    wagtail_reference_index_ignore = True  # learning records are not content references

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned for changes")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="reflections")
    module = models.ForeignKey(ModulePage, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    submitted_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "module"],
                condition=Q(status="submitted"),
                name="reflection_one_waiting_per_module",
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment}: {self.module} ({self.status})"


class ObservedPractice(models.Model):
    """What supervision last reported about a person's observed sessions.

    Kept here so that a course that requires observed practice can decide completion
    without importing supervision; updated by the ``observed_practice_changed`` signal.
    """

    wagtail_reference_index_ignore = True  # learning records are not content references

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="observed_practice"
    )
    observation_count = models.PositiveIntegerField(default=0)
    average_percent = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    last_observed_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.person}: {self.observation_count}"
