"""Background work of xapi: sending the outbox to the LRS."""

from __future__ import annotations

from core.tasks import reliable_task

from . import services


@reliable_task("xapi.statements_send")
def statements_send() -> int:
    return services.statements_send()
