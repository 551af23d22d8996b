"""Wagtail pages: the course catalogue, courses and their modules.

Pages only read. What a page shows a learner comes from ``courses.selectors``; every
action on it posts to a view in ``courses.views`` that calls a service.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import text
from people.models import TrainingArea
from people.roles import LEARNER_ROLES, Role

from ..admin_forms import CoursePageForm, ModulePageForm
from ..blocks import RICH_TEXT_FEATURES, ModuleBodyBlock


class SignedInPageMixin:
    """Course content is for the programme's staff: anonymous visitors sign in first."""

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)  # type: ignore[misc]


class CourseCatalogue(SignedInPageMixin, Page):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from ..selectors import catalogue_for

        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = catalogue_for(user=request.user, catalogue=self)
        return context


class CoursePage(SignedInPageMixin, Page):
    class CompletionRule(models.TextChoices):
        REQUIRED_MODULES = "required_modules", _("All required modules")
        REQUIRED_AND_FINAL_CHECK = (
            "required_and_final_check",
            _("All required modules and the final knowledge check"),
        )

    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("One or two sentences shown in the catalogue.")
    )
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    academic_hours = models.DecimalField(
        _("academic hours"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0)],
        help_text=_("As stated on the certificate."),
    )
    provider = models.CharField(
        _("provider"),
        max_length=200,
        help_text=_("The organisation that delivers the course, as stated on the certificate."),
    )
    prerequisites = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="required_by",
        verbose_name=_("prerequisite courses"),
        help_text=_("Courses to complete before this one's modules open."),
    )
    awards_certificate = models.BooleanField(_("awards a certificate"), default=True)
    sequential = models.BooleanField(
        _("modules in order"),
        default=False,
        help_text=_("Each required module opens once the required modules before it are done."),
    )
    completion_rule = models.CharField(
        _("completed when"),
        max_length=32,
        choices=CompletionRule.choices,
        default=CompletionRule.REQUIRED_MODULES,
        help_text=_(
            "The final knowledge check is the last module, completed by passing its check."
        ),
    )
    observed_practice_count = models.PositiveSmallIntegerField(
        _("observed sessions required"),
        default=0,
        help_text=_(
            "Supervision observations of the learner needed before the course counts as "
            "completed; 0 for none."
        ),
    )
    observed_practice_min_average = models.DecimalField(
        _("minimum average score (%)"),
        max_digits=5,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("Average observation score, as a percentage of the rubric's top level."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("academic_hours"), FieldPanel("provider")]),
                FieldPanel("awards_certificate"),
            ],
            heading=_("Certificate"),
        ),
        InlinePanel(
            "audiences",
            heading=_("Who the course is for"),
            label=_("Audience"),
            help_text=_(
                "A course is open to the roles listed here. Required: everyone in that role is "
                "enrolled, including people added later."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("prerequisites"),
                FieldPanel("sequential"),
                FieldPanel("completion_rule"),
                FieldRowPanel(
                    [
                        FieldPanel("observed_practice_count"),
                        FieldPanel("observed_practice_min_average"),
                    ]
                ),
            ],
            heading=_("Completion"),
        ),
    ]
    parent_page_types = ["courses.CourseCatalogue"]
    subpage_types = ["courses.ModulePage"]
    base_form_class = CoursePageForm

    # What a translator translates, and what every translation takes from the course as
    # first written. The rules that decide enrolment, completion and the certificate are
    # the same in every language and cannot be overridden in a translation; the cover
    # image can be swapped for one with text in the translation's language.
    override_translatable_fields = [
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("provider"),
        SynchronizedField("cover_image"),
        SynchronizedField("academic_hours", overridable=False),
        SynchronizedField("awards_certificate", overridable=False),
        SynchronizedField("prerequisites", overridable=False),
        SynchronizedField("sequential", overridable=False),
        SynchronizedField("completion_rule", overridable=False),
        SynchronizedField("observed_practice_count", overridable=False),
        SynchronizedField("observed_practice_min_average", overridable=False),
        SynchronizedField("audiences", overridable=False),
    ]

    class Meta:
        verbose_name = _("course")

    def clean(self) -> None:
        super().clean()
        # The title and the provider are printed on certificates (core.text).
        text.clean_fields(self, {"title": 255, "provider": 200})

    @property
    def requires_observed_practice(self) -> bool:
        return self.observed_practice_count > 0

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from ..selectors import course_outline_for
        from ..selectors.reviews import reflection_review_days

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = outline = course_outline_for(user=request.user, course=self)
        if outline.awaiting_review:
            context["review_days"] = reflection_review_days(course=self)
        return context


class CourseAudience(Orderable):
    """A role (and for tutors, optionally one training area) a course is for."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="audiences")
    role = models.CharField(
        _("role"),
        max_length=32,
        choices=[(role.value, role.label) for role in Role if role in LEARNER_ROLES],
    )
    training_area = models.ForeignKey(
        TrainingArea,
        verbose_name=_("training area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For tutors: only those trained in this area. Empty: all tutors."),
    )
    required = models.BooleanField(
        _("required"),
        default=False,
        help_text=_("Enrol everyone in this role automatically."),
    )

    panels = [
        FieldRowPanel([FieldPanel("role"), FieldPanel("training_area"), FieldPanel("required")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(training_area__isnull=True) | models.Q(role=Role.TUTOR),
                name="audience_area_for_tutors_only",
            )
        ]

    def __str__(self) -> str:
        label = Role(self.role).label
        return f"{label} ({self.training_area})" if self.training_area_id else str(label)

    def clean(self) -> None:
        if self.training_area_id and self.role != Role.TUTOR:
            raise ValidationError({"training_area": _("Only tutors have a training area.")})


class ModulePage(SignedInPageMixin, Page):
    class Completion(models.TextChoices):
        VIEWED = "viewed", _("Opening the module")
        MARKED_DONE = "marked_done", _("The learner marks it done")
        KNOWLEDGE_CHECK = "knowledge_check", _("Passing its knowledge check")
        REFLECTION = "reflection", _("A trainer accepts the learner's reflection")

    body = StreamField(ModuleBodyBlock(), verbose_name=_("content"))
    is_required = models.BooleanField(
        _("required"), default=True, help_text=_("Required modules count towards completion.")
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)
    completion = models.CharField(
        _("completed by"), max_length=20, choices=Completion.choices, default=Completion.MARKED_DONE
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("is_required"), FieldPanel("estimated_minutes")]),
                FieldPanel("completion"),
            ],
            heading=_("Completion"),
        ),
        FieldPanel("body"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    base_form_class = ModulePageForm

    # The body's text is translated; its structure, block ids (which knowledge-check
    # answers refer to), answer keys, pass marks and lengths follow the module as first
    # written, and images, documents and captions files can be swapped per language.
    override_translatable_fields = [
        TranslatableField("body"),
        SynchronizedField("is_required", overridable=False),
        SynchronizedField("estimated_minutes", overridable=False),
        SynchronizedField("completion", overridable=False),
    ]

    class Meta:
        verbose_name = _("module")

    def get_workflow(self) -> Any:
        """The course's review, seen from a module: submitting a module submits its course."""
        from .review import CourseReviewOfModule

        workflow = super().get_workflow()
        return None if workflow is None else CourseReviewOfModule.of(workflow)

    def clean(self) -> None:
        super().clean()
        text.clean_fields(self, {"title": 255})  # printed in reports and progress lists
        if getattr(self, "body_failed_validation", False):
            return  # the content's own error is the one to read (courses.admin_forms)
        checks = [b for b in self.body if b.block_type == "knowledge_check"]
        reflections = [b for b in self.body if b.block_type == "reflection"]
        if self.completion == self.Completion.KNOWLEDGE_CHECK and len(checks) != 1:
            raise ValidationError(
                {"completion": _("A module completed by its knowledge check needs exactly one.")}
            )
        if self.completion == self.Completion.REFLECTION and len(reflections) != 1:
            raise ValidationError(
                {"completion": _("A module completed by a reflection needs exactly one prompt.")}
            )

    def _first_block(self, block_type: str) -> Any:
        # Only the block asked for is made into Python values, not the whole body.
        for index, item in enumerate(self.body.raw_data):
            if item["type"] == block_type:
                return self.body[index]
        return None

    @property
    def knowledge_check(self) -> Any:
        return self._first_block("knowledge_check")

    @property
    def reflection_prompt(self) -> Any:
        return self._first_block("reflection")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from ..selectors import module_state_for
        from ..selectors.reviews import reflection_review_days

        context = super().get_context(request, *args, **kwargs)
        context["state"] = state = module_state_for(user=request.user, module=self)
        if state.awaiting_review:
            context["review_days"] = reflection_review_days(course=state.course)
        return context
