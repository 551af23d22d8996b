"""Certificate templates (edited in the admin, versioned), issued certificates with their
frozen snapshot and stored PDF, renewal reminders, and bulk jobs.

An issued certificate never changes what it says: its snapshot and its PDF are written
once. Correcting one is a reissue: a new certificate that supersedes the old one. Only
the status columns (revoked, superseded) move, and only through ``services``.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Min, Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, Orderable, PreviewableMixin, RevisionMixin

from core import text
from courses.models import CoursePage, Enrolment

from . import codes

ALMATY = ZoneInfo("Asia/Almaty")
TEXT_LANGUAGES = ("kk", "ru", "en")


def today_in_almaty() -> date:
    return timezone.localtime(timezone.now(), ALMATY).date()


class CertificateLanguage(models.TextChoices):
    LEARNER = "learner", _("The learner's preferred language")
    KK = "kk", _("Kazakh")
    RU = "ru", _("Russian")
    EN = "en", _("English")
    KK_RU = "kk+ru", _("Bilingual: Kazakh and Russian")


# The languages whose texts a template needs, by its language setting.
TEMPLATE_TEXT_LANGUAGES: dict[str, tuple[str, ...]] = {
    CertificateLanguage.LEARNER: TEXT_LANGUAGES,
    CertificateLanguage.KK: ("kk",),
    CertificateLanguage.RU: ("ru",),
    CertificateLanguage.EN: ("en",),
    CertificateLanguage.KK_RU: ("kk", "ru"),
}

# What the body of a template may say in braces, and what each stands for.
PLACEHOLDERS: dict[str, Any] = {
    "name": _("the person's full name"),
    "name_alt": _("the second spelling of the name"),
    "course": _("the course title"),
    "hours": _("the academic hours, with their unit"),
    "completion_date": _("the date the course was completed"),
    "provider": _("the organisation that delivered the course"),
}
_BRACES = re.compile(r"\{([^{}]*)\}")
BODY_HELP = _(
    "What the certificate says under the name. A blank line starts a new paragraph. "
    "Placeholders: {name}, {name_alt}, {course}, {hours}, {completion_date}, {provider}."
)


def placeholder_list() -> str:
    return ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)


def check_placeholders(text: str) -> list[str]:
    """The placeholders in ``text`` that are not known, as written (``{foo}``); a stray
    brace counts as one."""
    unknown = [f"{{{name}}}" for name in _BRACES.findall(text) if name.strip() not in PLACEHOLDERS]
    rest = _BRACES.sub("", text)
    if "{" in rest or "}" in rest:
        unknown.append("{" if "{" in rest else "}")
    return unknown


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    return _BRACES.sub(lambda match: values.get(match.group(1).strip(), match.group(0)), text)


# --- Templates ------------------------------------------------------------------------------


class CertificateTemplateForm(WagtailAdminModelForm):
    """The admin form: each course is offered once, as first written (its translations
    share the template)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "courses" in self.fields:
            first = (
                CoursePage.objects.values("translation_key")
                .annotate(first=Min("pk"))
                .values("first")
            )
            self.fields["courses"].queryset = CoursePage.objects.filter(pk__in=first).order_by(
                "title"
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
        from .pdf import render_sample

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


# --- Certificates ---------------------------------------------------------------------------


class Certificate(models.Model):
    """One certificate as issued: a frozen snapshot, its PDF (stored once, with its
    SHA-256), and a status that only services change.

    At most one certificate of an enrolment is valid at a time (a database constraint);
    a reissue supersedes the previous one and points back at it (``replaces``).
    """

    wagtail_reference_index_ignore = True  # high-volume records, not content

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")

    code = models.CharField(_("code"), max_length=codes.LENGTH, unique=True, editable=False)
    enrolment = models.ForeignKey(
        Enrolment,
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        verbose_name=_("enrolment"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        verbose_name=_("person"),
    )
    course = models.ForeignKey(
        CoursePage, on_delete=models.PROTECT, related_name="+", verbose_name=_("course")
    )
    template = models.ForeignKey(
        CertificateTemplate, null=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    template_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    job = models.ForeignKey(
        "CertificateJob", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The snapshot: what the certificate says, frozen at issue. The columns repeat the
    # parts that lists and searches need; ``snapshot`` holds everything the PDF printed.
    language = models.CharField(_("language"), max_length=8)
    full_name = models.CharField(_("name"), max_length=200)
    full_name_alt = models.CharField(_("second spelling of the name"), max_length=200, blank=True)
    course_title = models.CharField(_("course"), max_length=255)
    academic_hours = models.DecimalField(_("academic hours"), max_digits=5, decimal_places=1)
    completed_on = models.DateField(_("completed on"))
    provider = models.CharField(_("issued by"), max_length=255)
    snapshot = models.JSONField(default=dict, editable=False)

    issued_at = models.DateTimeField(_("issued on"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.VALID
    )
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        verbose_name=_("replaces"),
    )
    reason = models.TextField(_("reason for reissue"), blank=True)
    superseded_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoke_reason = models.TextField(_("reason for revocation"), blank=True)

    pdf_name = models.CharField(max_length=255, editable=False)
    pdf_sha256 = models.CharField(max_length=64, editable=False)
    pdf_size = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=Q(status="valid"),
                name="certificate_one_valid_per_enrolment",
            ),
            models.CheckConstraint(
                condition=~Q(status="revoked")
                | (Q(revoked_at__isnull=False) & ~Q(revoke_reason="")),
                name="certificate_revoked_has_date_and_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="superseded") | Q(superseded_at__isnull=False),
                name="certificate_superseded_has_date",
            ),
            models.CheckConstraint(condition=~Q(pdf_sha256=""), name="certificate_has_its_pdf"),
        ]
        indexes = [
            models.Index(fields=["course", "status"], name="certificate_course_status"),
            models.Index(fields=["person", "status"], name="certificate_person_status"),
            models.Index(fields=["status", "expires_on"], name="certificate_status_expiry"),
        ]

    def __str__(self) -> str:
        return f"{self.grouped_code} — {self.full_name}"

    @property
    def grouped_code(self) -> str:
        return codes.grouped(self.code)

    @property
    def languages(self) -> list[str]:
        return list(self.snapshot.get("languages") or [self.language])

    @property
    def is_expired(self) -> bool:
        return (
            self.status == self.Status.VALID
            and self.expires_on is not None
            and self.expires_on < today_in_almaty()
        )

    @property
    def display_status(self) -> str:
        """valid, expired, revoked or superseded: what a verifier is told."""
        if self.status == self.Status.VALID and self.is_expired:
            return "expired"
        return self.status

    @property
    def verify_path(self) -> str:
        """The address printed as a QR code: without a language prefix, so that it opens in
        the language of whoever scans it."""
        from django.urls import reverse

        return reverse("certificate_verify_qr", kwargs={"code": self.grouped_code})

    @property
    def verify_url(self) -> str:
        return settings.SITE_URL + self.verify_path

    def titles(self) -> dict[str, str]:
        return dict(
            self.snapshot.get("course", {}).get("titles") or {self.language: self.course_title}
        )

    def providers(self) -> dict[str, str]:
        return dict(self.snapshot.get("providers") or {self.language: self.provider})


class RenewalReminder(models.Model):
    """The renewal reminder sent for a certificate. One per certificate: the database
    refuses a second one, so the reminder goes out once however often beat runs."""

    wagtail_reference_index_ignore = True

    certificate = models.OneToOneField(
        Certificate, on_delete=models.CASCADE, related_name="renewal_reminder"
    )
    expires_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("renewal reminder")
        verbose_name_plural = _("renewal reminders")

    def __str__(self) -> str:
        return f"{self.certificate}: {self.sent_at:%Y-%m-%d}"


# --- Bulk jobs ------------------------------------------------------------------------------


class CertificateJob(models.Model):
    """Issuing missing certificates of a course, or reissuing its certificates with the
    template as now published, in the background.

    The job lists its targets as items when it starts; progress is the share of items
    handled, so a job picked up again after a crash neither loses nor double-counts work.
    """

    wagtail_reference_index_ignore = True

    class Kind(models.TextChoices):
        ISSUE_MISSING = "issue_missing", _("Issue missing certificates")
        REGENERATE = "regenerate", _("Reissue with the current template")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("what to do"), max_length=20, choices=Kind.choices)
    course = models.ForeignKey(
        CoursePage, on_delete=models.PROTECT, related_name="+", verbose_name=_("course")
    )
    reason = models.TextField(_("reason"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    progressed_at = models.DateTimeField(null=True, blank=True)
    total = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("certificate job")
        verbose_name_plural = _("certificate jobs")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.course}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class CertificateJobItem(models.Model):
    """One target of a job: an enrolment to issue for, or a certificate to reissue."""

    wagtail_reference_index_ignore = True

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Waiting")
        DONE = "done", _("Done")
        SKIPPED = "skipped", _("Nothing to do")
        FAILED = "failed", _("Failed")

    job = models.ForeignKey(CertificateJob, on_delete=models.CASCADE, related_name="items")
    enrolment = models.ForeignKey(
        Enrolment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    certificate = models.ForeignKey(
        Certificate, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    message = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(enrolment__isnull=True, certificate__isnull=False)
                | Q(enrolment__isnull=False, certificate__isnull=True),
                name="certificate_job_item_one_target",
            ),
            models.UniqueConstraint(
                fields=["job", "enrolment"],
                condition=Q(enrolment__isnull=False),
                name="certificate_job_item_enrolment_once",
            ),
            models.UniqueConstraint(
                fields=["job", "certificate"],
                condition=Q(certificate__isnull=False),
                name="certificate_job_item_certificate_once",
            ),
        ]
        indexes = [models.Index(fields=["job", "outcome"], name="certificate_job_item_outcome")]

    def __str__(self) -> str:
        return f"{self.job_id}: {self.enrolment_id or self.certificate_id} ({self.outcome})"
