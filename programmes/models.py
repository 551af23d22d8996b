"""Programmes, their targets, each person's stored training status, and staff imports.

``TrainedStatus`` holds, for every learner role held in a programme's schools, how far the
person has got towards being trained in that role. It is recomputed when certificates,
roles or observed practice change, so that the dashboard only counts rows.
"""

from __future__ import annotations

import uuid
from datetime import date
from itertools import pairwise
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from core.storage import private_storage
from courses.models import CoursePage
from people.models import Region, RoleMembership, School, TrainingArea, TranslatedNameMixin
from people.roles import LEARNER_ROLES, Role

LEARNER_ROLE_CHOICES = [(role.value, role.label) for role in Role if role in LEARNER_ROLES]


def _area_for_tutors_only(name: str) -> models.CheckConstraint:
    """Only a tutor's role names a training area."""
    return models.CheckConstraint(
        condition=Q(training_area__isnull=True) | Q(role=Role.TUTOR), name=name
    )


class Programme(TranslatedNameMixin, ClusterableModel):
    """A training programme: where it runs, which courses each role must complete, and what
    counts as trained."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    funders_kk = models.TextField(_("funders and partners in Kazakh"), blank=True)
    funders_ru = models.TextField(_("funders and partners in Russian"), blank=True)
    funders_en = models.TextField(_("funders and partners in English"), blank=True)
    provider_kk = models.CharField(_("course provider in Kazakh"), max_length=200, blank=True)
    provider_ru = models.CharField(_("course provider in Russian"), max_length=200, blank=True)
    provider_en = models.CharField(_("course provider in English"), max_length=200, blank=True)
    regions = ParentalManyToManyField(
        Region, blank=True, related_name="programmes", verbose_name=_("participating regions")
    )
    schools = ParentalManyToManyField(
        School,
        blank=True,
        related_name="programmes",
        verbose_name=_("participating schools"),
        help_text=_("Leave empty to include every school of the participating regions."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name_kk"), FieldPanel("name_ru"), FieldPanel("name_en")]),
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        MultiFieldPanel(
            [FieldPanel("funders_kk"), FieldPanel("funders_ru"), FieldPanel("funders_en")],
            heading=_("Funders and partners"),
        ),
        MultiFieldPanel(
            [FieldPanel("provider_kk"), FieldPanel("provider_ru"), FieldPanel("provider_en")],
            heading=_("Course provider"),
            help_text=_(
                "The organisation that delivers the programme's courses, as printed on "
                "certificates: a new course starts with it as its provider."
            ),
        ),
        MultiFieldPanel([FieldPanel("regions"), FieldPanel("schools")], heading=_("Where")),
        InlinePanel(
            "trained_rules",
            heading=_("What counts as trained, per role"),
            label=_("Rule"),
            help_text=_(
                "A person is trained in a role when they hold valid certificates of every "
                "course required for it, and, where set, enough observed practice."
            ),
        ),
        InlinePanel("required_courses", heading=_("Required courses"), label=_("Required course")),
    ]

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")), name="programme_ends_after_start"
            )
        ]

    @property
    def funders(self) -> str:
        """The funders and partners in the active language, like the programme's name."""
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        return getattr(self, f"funders_{language}", "") or self.funders_ru or self.funders_kk

    def provider_in(self, language: str) -> str:
        """The course provider in ``language``, else in Russian or Kazakh; "" when unnamed."""
        return getattr(self, f"provider_{language}", "") or self.provider_ru or self.provider_kk

    def school_queryset(self) -> models.QuerySet[School]:
        """The schools the programme runs in (saved schools, else the regions' schools)."""
        if self.pk and self.schools.exists():
            return School.objects.filter(programmes=self)
        return School.objects.filter(region__programmes=self)


class TrainedRule(Orderable):
    """For one role: whether observed practice is needed on top of the certificates."""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="trained_rules")
    role = models.CharField(_("role"), max_length=32, choices=LEARNER_ROLE_CHOICES)
    observed_sessions = models.PositiveSmallIntegerField(
        _("observed sessions"),
        default=0,
        help_text=_("Supervision observations needed as well; 0 for certificates only."),
    )
    min_average_percent = models.DecimalField(
        _("minimum average (%)"), max_digits=5, decimal_places=1, default=0
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("role"), FieldPanel("observed_sessions"), FieldPanel("min_average_percent")]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("trained rule")
        constraints = [
            models.UniqueConstraint(fields=["programme", "role"], name="trained_rule_one_per_role")
        ]

    def __str__(self) -> str:
        return str(Role(self.role).label)


class RequiredCourse(Orderable):
    """A course a role (or only tutors of one training area) must complete."""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="required_courses")
    role = models.CharField(_("role"), max_length=32, choices=LEARNER_ROLE_CHOICES)
    training_area = models.ForeignKey(
        TrainingArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("training area"),
        help_text=_("For tutors: only those of this area. Empty: the whole role."),
    )
    course = models.ForeignKey(
        CoursePage, on_delete=models.PROTECT, related_name="+", verbose_name=_("course")
    )
    renewal_rule = models.ForeignKey(
        "certificates.RenewalRule",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("renewal rule"),
        help_text=_(
            "How this role renews the course's certificate in this programme. It wins over "
            "the course's or its template's rule. Empty: those apply."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("role"), FieldPanel("training_area"), FieldPanel("course")]),
        FieldPanel("renewal_rule"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("required course")
        constraints = [_area_for_tutors_only("required_course_area_for_tutors_only")]

    def __str__(self) -> str:
        return f"{Role(self.role).label}: {self.course}"

    def clean(self) -> None:
        if self.training_area_id and self.role != Role.TUTOR:
            raise ValidationError({"training_area": _("Only tutors have a training area.")})
        if self.renewal_rule is not None and self.course_id:
            from .renewal_requirements import requirement_rule_problems

            problems = requirement_rule_problems(rule=self.renewal_rule, course=self.course)
            if problems:
                raise ValidationError({"renewal_rule": problems})


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


class StaffImport(models.Model):
    """An uploaded staff list: validated row by row, then committed all at once."""

    class Status(models.TextChoices):
        CHECKING = "checking", _("Checking the file")
        INVALID = "invalid", _("Has problems")
        VALID = "valid", _("Ready to import")
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    wagtail_reference_index_ignore = True

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    programme = models.ForeignKey(
        Programme, on_delete=models.SET_NULL, null=True, blank=True, related_name="imports"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    file = models.FileField(storage=private_storage, upload_to="imports/%Y/%m/")
    original_name = models.CharField(max_length=255)
    status = models.CharField(max_length=12, choices=Status.choices)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list)  # [{"row": n, "column": name, "message": text}]
    summary = models.JSONField(default=dict)  # counts of created / updated / roles / invited
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("staff import")
        verbose_name_plural = _("staff imports")

    def __str__(self) -> str:
        return self.original_name


class ReportSubscription(models.Model):
    """Someone (a funder, a ministry contact; an e-mail address, not an account) who gets
    a programme's indicators report by e-mail every week or month, in their language."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("Weekly")
        MONTHLY = "monthly", _("Monthly")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="report_subscriptions"
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("region"),
        help_text=_("Leave empty for the whole programme."),
    )
    recipient_name = models.CharField(_("recipient's name"), max_length=200)
    recipient_email = models.EmailField(_("recipient's e-mail address"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    active = models.BooleanField(default=True)
    stopped_at = models.DateTimeField(null=True, blank=True)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Only in the recipient's e-mails: whoever holds it may stop the subscription.
    unsubscribe_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("scheduled report")
        verbose_name_plural = _("scheduled reports")
        constraints = [
            # One active subscription per address, programme, place and frequency.
            models.UniqueConstraint(
                "programme",
                "region",
                models.functions.Lower("recipient_email"),
                "frequency",
                condition=Q(active=True),
                name="report_subscription_one_active",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_email} · {self.programme.code} · {self.frequency}"


class ReportRun(models.Model):
    """One sending of a subscription for one period (a week starting on its Monday, or a
    month starting on its first): the unique pair makes each period go once."""

    subscription = models.ForeignKey(
        ReportSubscription, on_delete=models.CASCADE, related_name="runs"
    )
    period_start = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "period_start"], name="report_run_once_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subscription_id} · {self.period_start}"
