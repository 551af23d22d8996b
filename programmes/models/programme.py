"""A programme: where it runs, which courses each role must complete, what counts as trained."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from courses.models import CoursePage
from people.models import Region, School, TrainingArea, TranslatedNameMixin
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
            from ..renewal_requirements import requirement_rule_problems

            problems = requirement_rule_problems(rule=self.renewal_rule, course=self.course)
            if problems:
                raise ValidationError({"renewal_rule": problems})
