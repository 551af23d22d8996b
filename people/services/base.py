"""What the people services share: a role to grant, the invitation error, a clean name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError

from core import text

from ..models import Region, School, TrainingArea


@dataclass(frozen=True)
class MembershipSpec:
    """A role to grant: where it is held and, for tutors and specialists, its detail."""

    role: str
    school: School | None = None
    region: Region | None = None
    training_area: TrainingArea | None = None
    specialism: str = ""

    def fields(self) -> dict[str, Any]:
        """The role and its place as model fields, for a membership or an offer."""
        return {
            "role": self.role,
            "school": self.school,
            "region": self.region,
            "training_area": self.training_area,
            "specialism": self.specialism,
        }


class InvitationError(Exception):
    """An invitation link that cannot be used; ``message`` says why, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- People ----------------------------------------------------------------------------------


def _normalise_name(value: str, field: str = "full_name") -> str:
    """A name as it is kept and printed (``core.text.clean_name``: composed, single
    spaces); refused, keyed by ``field``, if it holds a character that has no place in a
    name (a bidirectional control, a zero-width or control character)."""
    try:
        return text.clean_name(value, max_length=200)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error
