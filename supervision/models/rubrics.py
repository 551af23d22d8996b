"""Rubrics as trainers author them, and the frozen versions observations are made with."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from people.models import TranslatedNameMixin, User

from ..blocks import DomainBlock, ScaleLevelBlock

MAX_SCALE_LEVELS = 10


def pick(texts: dict[str, str] | None) -> str:
    """The text of a ``{"kk": ..., "ru": ..., "en": ...}`` mapping in the active language,
    falling back to Russian, then Kazakh, then English."""
    if not texts:
        return ""
    language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    for code in (language, "ru", "kk", "en"):
        if texts.get(code):
            return texts[code]
    return ""


class SessionType(models.TextChoices):
    INCLUSIVE_LESSON = "inclusive_lesson", _("Lesson in an inclusive class")
    SUPPORT_ROOM_SESSION = "support_room_session", _("Individual session in the support room")
    TUTOR_SUPPORT = "tutor_support", _("Tutor's one-to-one support")
    TEAM_MEETING = "team_meeting", _("Team meeting")


# --- Rubrics --------------------------------------------------------------------------------


class Rubric(TranslatedNameMixin):
    """The observation template of one session type, as trainers edit it in the admin.

    Observations never point here directly: each keeps the ``RubricVersion`` it was made
    with, so editing a rubric mid-year never changes an observation already recorded.
    """

    session_type = models.CharField(
        _("session type"), max_length=32, choices=SessionType.choices, unique=True
    )
    scale = StreamField(
        [("level", ScaleLevelBlock())],
        verbose_name=_("scale"),
        help_text=_("The levels of the scale, lowest first (for example 1 to 4)."),
        min_num=2,
        max_num=MAX_SCALE_LEVELS,
    )
    domains = StreamField(
        [("domain", DomainBlock())],
        verbose_name=_("domains and indicators"),
        min_num=1,
    )
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("Supervisors can choose only rubrics in use.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["session_type"]
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")

    def clean(self) -> None:
        super().clean()
        levels = len(self.scale)
        for domain in self.domains:
            for indicator in domain.value["indicators"]:
                count = len(indicator["descriptors"])
                if count not in (0, levels):
                    raise ValidationError(
                        {
                            "domains": _(
                                "Each indicator needs either no level descriptors or exactly "
                                "one per level of the scale (%(levels)s)."
                            )
                            % {"levels": levels}
                        }
                    )

    def snapshot(self) -> dict[str, Any]:
        """The rubric as plain data, the form in which a version freezes it."""

        def texts(value: Any) -> dict[str, str]:
            return {code: str(value.get(code) or "").strip() for code in ("kk", "ru", "en")}

        return {
            "session_type": self.session_type,
            "name": {"kk": self.name_kk, "ru": self.name_ru, "en": self.name_en},
            "levels": [
                {
                    "value": number,
                    "label": texts(level.value["label"]),
                    "descriptor": texts(level.value["descriptor"]),
                }
                for number, level in enumerate(self.scale, start=1)
            ],
            "domains": [
                {
                    "key": str(domain.id),
                    "name": texts(domain.value["name"]),
                    "indicators": [
                        {
                            "key": str(indicator.id),
                            "text": texts(indicator.value["text"]),
                            "descriptors": [texts(d) for d in indicator.value["descriptors"]],
                        }
                        for indicator in domain.value["indicators"].bound_blocks
                    ],
                }
                for domain in self.domains
            ],
        }


class RubricVersion(models.Model):
    """A rubric frozen as it was when observations started to use it. Never edited."""

    rubric = models.ForeignKey(
        Rubric, on_delete=models.PROTECT, related_name="versions", verbose_name=_("rubric")
    )
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("content"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["rubric", "-number"]
        verbose_name = _("rubric version")
        verbose_name_plural = _("rubric versions")
        constraints = [
            models.UniqueConstraint(fields=["rubric", "number"], name="rubric_version_unique"),
        ]

    def __str__(self) -> str:
        return str(
            _("%(rubric)s, version %(number)s") % {"rubric": self.name, "number": self.number}
        )

    @property
    def name(self) -> str:
        return pick(self.content.get("name"))

    @property
    def scale_max(self) -> int:
        return len(self.content["levels"])

    @property
    def levels(self) -> list[dict[str, Any]]:
        return [
            {"value": level["value"], "label": pick(level["label"])}
            for level in self.content["levels"]
        ]

    def indicator_keys(self) -> dict[str, str]:
        """Indicator key → domain key."""
        return {
            indicator["key"]: domain["key"]
            for domain in self.content["domains"]
            for indicator in domain["indicators"]
        }

    def domains_for_display(self, scores: dict[str, int] | None = None) -> list[dict[str, Any]]:
        """Domains, indicators and level descriptors in the active language, with the
        score given to each indicator when ``scores`` (indicator key → score) is passed."""
        scores = scores or {}
        general = [pick(level["descriptor"]) for level in self.content["levels"]]
        labels = [pick(level["label"]) for level in self.content["levels"]]
        result = []
        for domain in self.content["domains"]:
            indicators = []
            for indicator in domain["indicators"]:
                own = [pick(d) for d in indicator.get("descriptors") or []]
                descriptors = own if len(own) == len(general) else general
                score = scores.get(indicator["key"])
                indicators.append(
                    {
                        "key": indicator["key"],
                        "text": pick(indicator["text"]),
                        "levels": [
                            {
                                "value": number,
                                "label": labels[number - 1],
                                "descriptor": descriptors[number - 1],
                            }
                            for number in range(1, len(general) + 1)
                        ],
                        "score": score,
                        "score_label": labels[score - 1] if score else "",
                    }
                )
            result.append(
                {"key": domain["key"], "name": pick(domain["name"]), "indicators": indicators}
            )
        return result
