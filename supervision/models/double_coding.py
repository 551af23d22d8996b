"""Double-coded visits: a share of visits observed by a second supervisor who scores the
same sessions independently, and the agreement of the pair once both have submitted.

The co-observer's scores live apart from the visit's observations (``CoObservationScore``):
only the lead observer's scores count toward the observed person's figures.
"""

from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from people.models import Region, User

from .records import Observation
from .rubrics import MAX_SCALE_LEVELS
from .visits import Visit

DEFAULT_SHARE = 10


class DoubleCodingShare(models.Model):
    """The share of a region's visits its coordinator wants co-observed (the programme's
    default, ``CalibrationSettings.double_coding_share``, applies to a region without one)."""

    region = models.OneToOneField(
        Region, on_delete=models.CASCADE, related_name="double_coding_share"
    )
    share = models.PositiveSmallIntegerField(
        _("share of visits co-observed (percent)"),
        default=DEFAULT_SHARE,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    changed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("share of visits co-observed")
        verbose_name_plural = _("shares of visits co-observed")
        constraints = [
            models.CheckConstraint(
                condition=Q(share__gte=0, share__lte=100), name="double_coding_share_percent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region}: {self.share}%"


class DoubleCoding(models.Model):
    """A visit chosen for co-observation, its second supervisor, and the pair's agreement,
    recorded once the lead has submitted the visit and the co-observer their scores."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    visit = models.OneToOneField(
        Visit, on_delete=models.CASCADE, related_name="double_coding", verbose_name=_("visit")
    )
    co_observer = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        related_name="co_observations",
        verbose_name=_("co-observer"),
    )
    assigned_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(_("co-observer submitted at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("agreement recorded at"), null=True, blank=True)
    pairs = models.PositiveIntegerField(_("indicators scored by both"), default=0)
    exact_share = models.FloatField(_("exact agreement"), null=True, blank=True)
    adjacent_share = models.FloatField(_("agreement within one level"), null=True, blank=True)
    kappa = models.FloatField(_("weighted kappa"), null=True, blank=True)
    largest_gap = models.PositiveSmallIntegerField(_("largest difference"), null=True, blank=True)

    class Meta:
        ordering = ["visit__planned_on", "pk"]
        verbose_name = _("double-coded visit")
        verbose_name_plural = _("double-coded visits")
        constraints = [
            models.CheckConstraint(
                condition=Q(completed_at__isnull=True) | Q(submitted_at__isnull=False),
                name="double_coding_complete_after_submission",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.visit} · {self.co_observer}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class CoObservationScore(models.Model):
    """The co-observer's level for one indicator of one of the visit's observations."""

    double_coding = models.ForeignKey(DoubleCoding, on_delete=models.CASCADE, related_name="scores")
    observation = models.ForeignKey(
        Observation, on_delete=models.CASCADE, related_name="co_observation_scores"
    )
    domain_key = models.CharField(max_length=64)
    indicator_key = models.CharField(max_length=64)
    score = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("co-observer's score")
        verbose_name_plural = _("co-observer's scores")
        constraints = [
            models.UniqueConstraint(
                fields=["observation", "indicator_key"], name="co_score_one_per_indicator"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=MAX_SCALE_LEVELS), name="co_score_on_scale"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_key}: {self.score}"
