"""Certificate templates, edited in the admin and versioned, and their signatories."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, Orderable, PreviewableMixin, RevisionMixin

from core import text
from courses.models import CoursePage

from ..admin_forms import CertificateTemplateForm
from ..wording import (
    BODY_HELP,
    TEMPLATE_TEXT_LANGUAGES,
    TEXT_LANGUAGES,
    CertificateLanguage,
    check_placeholders,
    placeholder_list,
)


class CertificateTemplate(DraftStateMixin, RevisionMixin, PreviewableMixin, ClusterableModel):
    """How certificates of some courses look and what they say, edited in the admin.

    Drafts and revisions come from Wagtail: only the published version is used to issue,
    and each certificate records the revision it was made with. Editing a template never
    changes a certificate already issued; reissuing does.
    """

    name = models.CharField(
        _("name"), max_length=200, help_text=_("For editors and managers; not printed.")
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=CertificateLanguage.choices,
        default=CertificateLanguage.LEARNER,
        help_text=_(
            "The language of the certificate's text. A bilingual certificate says everything "
            "in Kazakh and in Russian."
        ),
    )
    is_default = models.BooleanField(
        _("default template"),
        default=False,
        help_text=_("Used for every course that no other template lists."),
    )
    courses = ParentalManyToManyField(
        CoursePage,
        blank=True,
        related_name="+",
        verbose_name=_("courses"),
        help_text=_("Courses whose certificates use this template (any translation of a course)."),
    )
    title_kk = models.CharField(_("title in Kazakh"), max_length=120, blank=True)
    title_ru = models.CharField(_("title in Russian"), max_length=120, blank=True)
    title_en = models.CharField(_("title in English"), max_length=120, blank=True)
    subtitle_kk = models.CharField(_("subtitle in Kazakh"), max_length=200, blank=True)
    subtitle_ru = models.CharField(_("subtitle in Russian"), max_length=200, blank=True)
    subtitle_en = models.CharField(_("subtitle in English"), max_length=200, blank=True)
    body_kk = models.TextField(_("text in Kazakh"), blank=True, help_text=BODY_HELP)
    body_ru = models.TextField(_("text in Russian"), blank=True, help_text=BODY_HELP)
    body_en = models.TextField(_("text in English"), blank=True, help_text=BODY_HELP)
    validity_years = models.PositiveSmallIntegerField(
        _("valid for (years)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_(
            "Empty: valid without end. For example 5, to match the mandatory in-service "
            "training cycle. Counted from the completion date."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Shown at the top. Empty: the programme's emblem."),
    )
    background = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("background"),
        help_text=_("A full-page image behind the text (A4 landscape). Empty: a printed frame."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    base_form_class = CertificateTemplateForm
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("language"), FieldPanel("validity_years")]),
                FieldPanel("is_default"),
                FieldPanel("courses", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Use"),
        ),
        MultiFieldPanel(
            [FieldPanel("title_kk"), FieldPanel("subtitle_kk"), FieldPanel("body_kk")],
            heading=_("Kazakh"),
        ),
        MultiFieldPanel(
            [FieldPanel("title_ru"), FieldPanel("subtitle_ru"), FieldPanel("body_ru")],
            heading=_("Russian"),
        ),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("subtitle_en"), FieldPanel("body_en")],
            heading=_("English"),
        ),
        InlinePanel(
            "signatories",
            heading=_("Signatories"),
            label=_("Signatory"),
            max_num=3,
        ),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("background")], heading=_("Design")),
    ]

    class Meta:
        ordering = ["-is_default", "name"]
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="certificate_template_one_default",
            )
        ]

    def __str__(self) -> str:
        return self.name

    # -- texts ---------------------------------------------------------------------------------

    def text(self, field: str, language: str) -> str:
        return str(getattr(self, f"{field}_{language}", "") or "")

    def text_languages(self) -> tuple[str, ...]:
        return TEMPLATE_TEXT_LANGUAGES[self.language]

    def languages_for(self, preferred_language: str) -> tuple[str, ...]:
        """The languages a certificate for a person who prefers ``preferred_language``
        is written in: one, or two for a bilingual template."""
        if self.language == CertificateLanguage.LEARNER:
            return (preferred_language if preferred_language in TEXT_LANGUAGES else "ru",)
        return TEMPLATE_TEXT_LANGUAGES[self.language]

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[str]] = {}
        for language in TEXT_LANGUAGES:
            printed = [
                (f"title_{language}", False, 120),
                (f"subtitle_{language}", False, 200),
                (f"body_{language}", True, None),
            ]
            for name, multiline, max_length in printed:
                try:
                    text.clean_fields(self, {name: max_length}, multiline=multiline)
                except ValidationError as error:
                    errors.update(error.message_dict)
        valid = placeholder_list()
        for language in TEXT_LANGUAGES:
            for field in ("title", "subtitle", "body"):
                name = f"{field}_{language}"
                unknown = check_placeholders(self.text(field, language))
                if unknown:
                    errors.setdefault(name, []).append(
                        str(
                            _(
                                "Unknown placeholder %(unknown)s. The placeholders you can "
                                "use are: %(valid)s."
                            )
                        )
                        % {"unknown": ", ".join(unknown), "valid": valid}
                    )
        for language in self.text_languages():
            for field in ("title", "body"):
                name = f"{field}_{language}"
                if not self.text(field, language).strip() and name not in errors:
                    errors.setdefault(name, []).append(
                        str(_("A certificate in this template's language needs this text."))
                    )
        if self.is_default:
            other = CertificateTemplate.objects.filter(is_default=True).exclude(pk=self.pk).first()
            if other is not None:
                errors.setdefault("is_default", []).append(
                    str(
                        _(
                            "“%(name)s” is the default template. Untick it there first: "
                            "there is one default."
                        )
                    )
                    % {"name": other.name}
                )
        try:
            keys = {course.translation_key for course in self.courses.all()}
        except ValueError:  # an unsaved template without a cluster of its own yet
            keys = set()
        if keys:
            taken = (
                CertificateTemplate.objects.filter(courses__translation_key__in=keys)
                .exclude(pk=self.pk)
                .distinct()
                .first()
            )
            if taken is not None:
                errors.setdefault("courses", []).append(
                    str(
                        _(
                            "A course uses one template; “%(name)s” already lists one of "
                            "these courses."
                        )
                    )
                    % {"name": taken.name}
                )
        if errors:
            raise ValidationError(errors)

    # -- preview in the admin -------------------------------------------------------------------

    @property
    def preview_modes(self) -> list[tuple[str, Any]]:
        if self.language == CertificateLanguage.LEARNER:
            return [("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English"))]
        return [("", _("Certificate"))]

    @property
    def default_preview_mode(self) -> str:
        return self.preview_modes[0][0]

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        """The certificate as it would be printed for a sample person and course."""
        from ..pdf import render_sample  # the PDF layer sits above the models

        pdf = render_sample(self, mode_name or "kk")
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = 'inline; filename="certificate-preview.pdf"'
        return response


class CertificateSignatory(Orderable):
    template = ParentalKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="signatories"
    )
    name = models.CharField(_("name"), max_length=120)
    position_kk = models.CharField(_("position in Kazakh"), max_length=200, blank=True)
    position_ru = models.CharField(_("position in Russian"), max_length=200, blank=True)
    position_en = models.CharField(_("position in English"), max_length=200, blank=True)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("signature"),
        help_text=_("A scan of the signature on a white or transparent background."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("position_kk"),
        FieldPanel("position_ru"),
        FieldPanel("position_en"),
        FieldPanel("signature"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        # Printed under the signature (core.text).
        text.clean_fields(
            self, {"name": 120, "position_kk": 200, "position_ru": 200, "position_en": 200}
        )
