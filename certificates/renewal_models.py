"""Recertification: the renewal rule of a course, each renewal a person is carried
through, and the notices sent along the way.

A rule says how long a renewed certificate is valid, how many months before expiry the
renewal window opens, and which course renews it. When the window opens for a valid
certificate a ``Renewal`` is opened (one per certificate: the database refuses a second),
the person is enrolled in the path, and completing it issues a renewed certificate that
points back at the one it renews.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from courses.models import CoursePage

from .models.templates import CertificateTemplate


class RenewalPath(models.TextChoices):
    SAME = "same", _("Retake the same course")
    REFRESHER = "refresher", _("A refresher course")
    ANY_OF = "any_of", _("Any course from a list")


class RenewalRuleForm(WagtailAdminModelForm):
    """The admin form: the rule is checked as a whole, with its path courses (which a
    model's ``clean`` cannot see before it is saved)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("course", "path_courses"):
            if name in self.fields:
                self.fields[name].queryset = CoursePage.objects.order_by("title")
        if "template" in self.fields:
            self.fields["template"].queryset = CertificateTemplate.objects.order_by("name")

    def clean(self) -> dict[str, Any]:
        from .renewal_rules import rule_problems

        data = super().clean()
        problems = rule_problems(
            course=data.get("course"),
            template=data.get("template"),
            validity_years=data.get("validity_years"),
            window_months=data.get("window_months"),
            path=data.get("path") or "",
            path_courses=list(data.get("path_courses") or []),
        )
        for field, message in problems:
            self.add_error(field, message)
        return data


class RenewalRule(models.Model):
    """How the certificates of one course, or of a template's courses, are renewed; a
    rule with neither is used where a programme's required course names it. The most
    specific rule wins (``renewal_rules``)."""

    course = models.OneToOneField(
        CoursePage,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="renewal_rule",
        verbose_name=_("course renewed"),
        help_text=_(
            "The course whose certificate has to be renewed. Its rule wins over its "
            "template's; a programme's required course may name a rule of its own."
        ),
    )
    template = models.OneToOneField(
        CertificateTemplate,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="renewal_rule",
        verbose_name=_("or every course of the template"),
        help_text=_(
            "The certificates of every course this template lists (for the default "
            "template: of every course no other template lists), unless a course has a "
            "rule of its own. Leave both empty for a rule that programmes' required "
            "courses name."
        ),
    )
    validity_years = models.PositiveSmallIntegerField(
        _("renewed certificate valid for (years)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("For example 5, the mandatory in-service training cycle."),
    )
    window_months = models.PositiveSmallIntegerField(
        _("window opens (months before expiry)"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_(
            "People are enrolled in the renewal course this many months before their "
            "certificate expires."
        ),
    )
    grace_months = models.PositiveSmallIntegerField(
        _("overdue for at most (months)"),
        default=12,
        validators=[MaxValueValidator(120)],
        help_text=_(
            "After expiry the renewal course still renews the certificate for this long; "
            "after that the certificate has lapsed and the full course is needed again."
        ),
    )
    path = models.CharField(
        _("renewal path"), max_length=12, choices=RenewalPath.choices, default=RenewalPath.REFRESHER
    )
    path_courses = models.ManyToManyField(
        CoursePage,
        blank=True,
        related_name="+",
        verbose_name=_("renewal courses"),
        help_text=_(
            "The refresher course, or the list to choose from. People are enrolled in the "
            "first one; completing any of them renews. Empty when the same course is retaken."
        ),
    )
    requires_observed_practice = models.BooleanField(
        _("observed practice again"),
        default=False,
        help_text=_(
            "The renewed certificate is issued only when the person has also been observed "
            "in practice since the renewal window opened."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    base_form_class = RenewalRuleForm
    panels = [
        MultiFieldPanel([FieldPanel("course"), FieldPanel("template")], heading=_("Applies to")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("validity_years"),
                        FieldPanel("window_months"),
                        FieldPanel("grace_months"),
                    ]
                ),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("path"),
                FieldPanel("path_courses"),
                FieldPanel("requires_observed_practice"),
            ],
            heading=_("Path"),
        ),
    ]

    class Meta:
        ordering = ["course__title", "template__name", "pk"]
        verbose_name = _("renewal rule")
        verbose_name_plural = _("renewal rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(course__isnull=True) | Q(template__isnull=True),
                name="renewal_rule_course_or_template",
            )
        ]

    def __str__(self) -> str:
        if self.course_id is not None:
            return str(self.course)
        if self.template_id is not None:
            return str(_("Template: %(name)s") % {"name": self.template})
        return str(
            _("For required courses: %(years)s years, window %(months)s months")
            % {"years": self.validity_years, "months": self.window_months}
        )

    def applies_to(self) -> str:
        """What the rule is attached to, for the admin's list."""
        if self.course_id is not None:
            return str(_("Course: %(title)s") % {"title": self.course})
        if self.template_id is not None:
            return str(_("Template: %(name)s") % {"name": self.template})
        return str(_("Programmes' required courses that name it"))

    applies_to.short_description = _("applies to")  # type: ignore[attr-defined]

    def problems_text(self) -> str:
        """Why the rule cannot be used today (a path course unpublished or deleted since it
        was saved), for the admin's list; empty when it can."""
        from .renewal_rules import rule_check

        return " ".join(rule_check(self)) if self.pk else ""

    problems_text.short_description = _("problems")  # type: ignore[attr-defined]


class Renewal(models.Model):
    """One certificate being renewed: opened when its window opens, closed when the
    renewed certificate is issued or when the renewal no longer applies (the certificate
    was revoked, the person left)."""

    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        RENEWED = "renewed", _("Renewed")
        CANCELLED = "cancelled", _("Cancelled")

    certificate = models.OneToOneField(
        "certificates.Certificate", on_delete=models.CASCADE, related_name="renewal"
    )
    rule = models.ForeignKey(RenewalRule, on_delete=models.CASCADE, related_name="renewals")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="renewals"
    )
    opened_on = models.DateField(_("window opened on"))
    expires_on = models.DateField(_("certificate expires on"))
    enrolment = models.ForeignKey(
        "courses.Enrolment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    renewed_certificate = models.OneToOneField(
        "certificates.Certificate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("renewal")
        verbose_name_plural = _("renewals")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="renewed") | Q(renewed_certificate__isnull=False),
                name="renewal_renewed_has_certificate",
            )
        ]
        indexes = [models.Index(fields=["status", "expires_on"], name="renewal_status_expiry")]

    def __str__(self) -> str:
        return f"{self.certificate_id}: {self.status}"


class RenewalNotice(models.Model):
    """A notice sent during a renewal: the window opened, or a reminder before expiry.
    One of each kind per renewal: the database refuses a second."""

    wagtail_reference_index_ignore = True

    renewal = models.ForeignKey(Renewal, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=12)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["renewal", "kind"], name="renewal_notice_once")
        ]

    def __str__(self) -> str:
        return f"{self.renewal_id}: {self.kind}"
