"""What the parts of the supervision demo share: its data file, the ids it derives, the
count of what it created, and the session type each role is observed in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils import timezone

from people.roles import Role
from supervision.models import SessionType, Visit

from ..loader import Text, load

NAMESPACE = uuid.UUID("6f1d8a52-3c1e-4d0b-9a57-2b8e6c4f0d11")
State = Visit.State
DATA = load("supervision")
REASONS: dict[str, Text] = DATA["reasons"]

SESSION_FOR_ROLE = {
    Role.TUTOR: SessionType.TUTOR_SUPPORT,
    Role.TEACHER: SessionType.INCLUSIVE_LESSON,
    Role.SPECIALIST: SessionType.SUPPORT_ROOM_SESSION,
    Role.METHODOLOGIST: SessionType.TEAM_MEETING,
}


def derived_id(*parts: object) -> str:
    """An id derived from a record's natural key, so that a second run finds the record."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def in_language(texts: list[Text], language: str) -> list[str]:
    return [text[language] for text in texts]


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@dataclass
class Counts:
    created: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, number: int = 1) -> None:
        self.created[name] = self.created.get(name, 0) + number
