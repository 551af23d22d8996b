"""Calibration: lessons master-coded on a rubric version, supervisors' attempts at them, the
calibrations those attempts earn, and the programme's calibration settings.

Trainers (and programme managers) write the exercises in the admin, as they write the
rubrics: an exercise is training content about a lesson, not a record of anyone's practice.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable

from people.models import TranslatedNameMixin, User

from .rubrics import MAX_SCALE_LEVELS, Rubric, RubricVersion

LANGUAGES = ("kk", "ru", "en")


def _translated(instance: Any, field: str) -> str:
    language = (translation.get_language() or "ru")[:2]
    for code in (language, "ru", "kk", "en"):
        value = getattr(instance, f"{field}_{code}", "")
        if value:
            return str(value)
    return ""


def version_is_retired(version: RubricVersion) -> bool:
    """A version is retired once its rubric is out of use or a newer version was published:
    calibrating on it would calibrate people on a rubric nobody observes with any more."""
    if not version.rubric.is_active:
        return True
    return version.rubric.versions.filter(number__gt=version.number).exists()


@register_setting(icon="circle-check")
class CalibrationSettings(BaseGenericSetting):
    """The programme's rules for calibration."""

    pass_share = models.PositiveSmallIntegerField(
        _("agreement needed (percent of indicators within one level)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    max_gap = models.PositiveSmallIntegerField(
        _("largest difference allowed on any indicator (levels)"),
        default=1,
        validators=[MaxValueValidator(MAX_SCALE_LEVELS - 1)],
    )
    validity_days = models.PositiveSmallIntegerField(
        _("calibration valid for (days)"),
        default=365,
        validators=[MinValueValidator(1), MaxValueValidator(1500)],
    )
    required_for_practice = models.BooleanField(
        _("count observations only by calibrated supervisors"),
        default=False,
        help_text=_(
            "When on, a supervisor's observations count toward a person's observed practice "
            "only if the supervisor was calibrated on that rubric on the day of the visit."
        ),
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("remind this many days before a calibration expires"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
    )

    double_coding_share = models.PositiveSmallIntegerField(
        _("share of visits co-observed (percent), unless a region sets its own"),
        default=10,
        validators=[MaxValueValidator(100)],
    )
    flag_window = models.PositiveSmallIntegerField(
        _("double-coded visits looked at before flagging for recalibration"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_(
            "A supervisor whose agreement with co-observers over this many latest "
            "double-coded visits is below the agreement needed is flagged for recalibration."
        ),
    )

    class Meta:
        verbose_name = _("calibration settings")


class CalibrationExercise(TranslatedNameMixin, ClusterableModel):
    """A lesson described in text (optionally filmed or photographed), coded by a master
    observer on one rubric version: a level per indicator, with the reason for it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    rubric_version = models.ForeignKey(
        RubricVersion,
        on_delete=models.PROTECT,
        related_name="calibration_exercises",
        verbose_name=_("rubric version"),
    )
    lesson_kk = models.TextField(_("the lesson, in Kazakh"), blank=True)
    lesson_ru = models.TextField(_("the lesson, in Russian"), blank=True)
    lesson_en = models.TextField(_("the lesson, in English"), blank=True)
    video = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("video file (MP4 or WebM)"),
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("captions (WebVTT)"),
    )
    is_published = models.BooleanField(
        _("open to supervisors"),
        default=False,
        help_text=_("Only an exercise with a master code for every indicator can be opened."),
    )
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("calibration exercise")
        verbose_name_plural = _("calibration exercises")

    @property
    def lesson(self) -> str:
        return _translated(self, "lesson")

    def clean(self) -> None:
        super().clean()
        if not (self.lesson_kk.strip() or self.lesson_ru.strip() or self.lesson_en.strip()):
            raise ValidationError({"lesson_ru": _("Describe the lesson in at least one language.")})
        if self.video_id and not self.captions_id:
            raise ValidationError({"captions": _("A video needs captions (WebVTT).")})
        if self.video is not None and not (self.video.filename or "").lower().endswith(
            (".mp4", ".webm")
        ):
            raise ValidationError({"video": _("Upload the video as an MP4 or WebM file.")})
        if self.captions is not None and not (self.captions.filename or "").lower().endswith(
            ".vtt"
        ):
            raise ValidationError({"captions": _("Captions must be a WebVTT file (.vtt).")})


class MasterCode(models.Model):
    """The master observer's level for one indicator of the exercise, and why."""

    exercise = ParentalKey(
        CalibrationExercise, on_delete=models.CASCADE, related_name="master_codes"
    )
    indicator_key = models.CharField(_("indicator"), max_length=64)
    level = models.PositiveSmallIntegerField(
        _("level"), validators=[MinValueValidator(1), MaxValueValidator(MAX_SCALE_LEVELS)]
    )
    rationale_kk = models.TextField(_("reason, in Kazakh"), blank=True)
    rationale_ru = models.TextField(_("reason, in Russian"), blank=True)
    rationale_en = models.TextField(_("reason, in English"), blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("master code")
        verbose_name_plural = _("master codes")
        constraints = [
            models.UniqueConstraint(
                fields=["exercise", "indicator_key"], name="master_code_one_per_indicator"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=MAX_SCALE_LEVELS), name="master_code_on_scale"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_key}: {self.level}"

    @property
    def rationale(self) -> str:
        return _translated(self, "rationale")


class ExercisePhoto(Orderable):
    exercise = ParentalKey(CalibrationExercise, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.PROTECT, related_name="+", verbose_name=_("photo")
    )
    alt_text = models.CharField(
        _("what the photo shows"),
        max_length=300,
        help_text=_("For people who cannot see the photo."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class CalibrationAttempt(models.Model):
    """One supervisor's scoring of one exercise. Each exercise is tried once per person:
    after submitting they have seen the master codes."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    exercise = models.ForeignKey(
        CalibrationExercise,
        on_delete=models.PROTECT,
        related_name="attempts",
        verbose_name=_("exercise"),
    )
    supervisor = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        related_name="calibration_attempts",
        verbose_name=_("supervisor"),
    )
    rubric_version = models.ForeignKey(
        RubricVersion, on_delete=models.PROTECT, related_name="+", verbose_name=_("rubric version")
    )
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    exact_share = models.FloatField(_("exact agreement"), null=True, blank=True)
    adjacent_share = models.FloatField(_("agreement within one level"), null=True, blank=True)
    largest_gap = models.PositiveSmallIntegerField(_("largest difference"), null=True, blank=True)
    passed = models.BooleanField(_("met the threshold"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "pk"]
        verbose_name = _("calibration attempt")
        verbose_name_plural = _("calibration attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["exercise", "supervisor"], name="calibration_attempt_once_per_exercise"
            ),
            models.CheckConstraint(
                condition=Q(submitted_at__isnull=True, passed__isnull=True)
                | Q(submitted_at__isnull=False, passed__isnull=False),
                name="calibration_attempt_result_when_submitted",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.supervisor} · {self.exercise}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class CalibrationScore(models.Model):
    attempt = models.ForeignKey(CalibrationAttempt, on_delete=models.CASCADE, related_name="scores")
    domain_key = models.CharField(max_length=64)
    indicator_key = models.CharField(max_length=64)
    score = models.PositiveSmallIntegerField()
    master_level = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "indicator_key"], name="calibration_score_one_per_indicator"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=MAX_SCALE_LEVELS)
                & Q(master_level__gte=1, master_level__lte=MAX_SCALE_LEVELS),
                name="calibration_score_on_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_key}: {self.score} / {self.master_level}"


class Calibration(models.Model):
    """A supervisor calibrated on a rubric, from a passed attempt until a date. A flag for
    recalibration (from poor agreement on double-coded visits) ends it early, with a reason."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    supervisor = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="calibrations", verbose_name=_("supervisor")
    )
    rubric = models.ForeignKey(
        Rubric, on_delete=models.PROTECT, related_name="calibrations", verbose_name=_("rubric")
    )
    attempt = models.OneToOneField(
        CalibrationAttempt,
        on_delete=models.PROTECT,
        related_name="calibration",
        verbose_name=_("attempt"),
    )
    calibrated_on = models.DateField(_("calibrated on"))
    valid_until = models.DateField(_("valid until"))
    flagged_at = models.DateTimeField(_("flagged for recalibration"), null=True, blank=True)
    flag_reason = models.JSONField(_("reason for recalibration"), default=dict, blank=True)
    reminded_at = models.DateTimeField(_("expiry reminder sent"), null=True, blank=True)

    class Meta:
        ordering = ["-calibrated_on", "-pk"]
        verbose_name = _("calibration")
        verbose_name_plural = _("calibrations")
        indexes = [
            models.Index(fields=["supervisor", "rubric", "valid_until"], name="calibration_lookup")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gt=models.F("calibrated_on")),
                name="calibration_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.supervisor} · {self.rubric} · {self.valid_until.isoformat()}"

    def is_valid_on(self, day: date) -> bool:
        return self.flagged_at is None and self.calibrated_on <= day <= self.valid_until

    @property
    def flag_text(self) -> str:
        data = self.flag_reason or {}
        if not data:
            return ""
        return str(
            _(
                "Agreement with co-observers over the last %(visits)s double-coded visits was "
                "%(share)s%% within one level; %(needed)s%% is needed."
            )
            % {
                "visits": data.get("visits", 0),
                "share": data.get("share", 0),
                "needed": data.get("needed", 0),
            }
        )
