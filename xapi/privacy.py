"""The personal data xapi keeps: statements about a person not yet sent to the LRS."""

from __future__ import annotations

from typing import Any

from people.models import User

from .models import Statement


def export(person: User) -> dict[str, Any]:
    return {
        "learning_records_not_yet_sent": [
            row.payload for row in Statement.objects.filter(person=person, sent_at__isnull=True)
        ]
    }


def erase(person: User, actor: User) -> None:
    """Every statement about the person goes, sent or not: nothing more will be sent, and
    no copy stays here. (What the LRS already holds names only the person's random
    ``public_id``, which erasure does not tie back to anyone.)"""
    Statement.objects.filter(person=person).delete()
