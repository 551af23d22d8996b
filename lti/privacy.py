"""What the LTI tool holds about a person (``lms.privacy``): the platforms' user ids linked
to them and the gradebook places their scores go to. Erasure removes both: the link is the
person's identifier at another platform, and nothing is sent there for them afterwards."""

from __future__ import annotations

from typing import Any

from people.models import User

from .models import GradeTarget, PlatformAccount


def export(person: User) -> dict[str, Any]:
    return {
        "platform_accounts": [
            {
                "platform": link.platform.name,
                "issuer": link.issuer,
                "subject": link.subject,
                "linked_at": link.created_at,
            }
            for link in PlatformAccount.objects.filter(person=person).select_related("platform")
        ],
        "grade_targets": [
            {
                "line_item": target.lineitem_url,
                "course": target.course.title,
                "module": target.module.title if target.module else None,
                "score_sent": target.score_sent,
                "sent_at": target.sent_at,
            }
            for target in GradeTarget.objects.filter(account__person=person).select_related(
                "course", "module"
            )
        ],
    }


def erase(person: User, actor: User) -> None:
    PlatformAccount.objects.filter(person=person).delete()  # its grade targets go with it
