"""Background work of the LTI tool: sending scores to platforms."""

from __future__ import annotations

import requests

from core.tasks import RETRY_POLICY, reliable_task

from . import grades


@reliable_task(
    "lti.score_send",
    # A platform that is down or overloaded comes back: retry with the usual backoff.
    autoretry_for=(
        *RETRY_POLICY["autoretry_for"],
        requests.RequestException,
        grades.PlatformUnavailable,
    ),
)
def score_send(target_id: int) -> bool:
    return grades.score_send(target_id=target_id)
