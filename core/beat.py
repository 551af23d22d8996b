"""Celery beat that runs once, however many times it is started.

Several machines may start beat (each web or worker machine's process supervisor starts
one, so that losing a machine never stops the reminders). Only the holder of a lock in
Redis sends scheduled tasks; the others wait and take over within ``LEASE_SECONDS`` when the
holder stops renewing it (its machine died). Every scheduled task is repeat-safe anyway, so
a hand-over that sends one task twice changes nothing.
"""

from __future__ import annotations

import logging
import socket
import uuid
from typing import Any

from celery.beat import PersistentScheduler
from django.conf import settings

logger = logging.getLogger(__name__)

LOCK_KEY = "lms:beat:leader"
LEASE_SECONDS = 60

# Renew or release the lock only while this instance still holds it.
_RENEW = """
if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2])
end
return 0
"""
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1])
end
return 0
"""


class Leadership:
    """A lease on ``key`` in Redis for one holder at a time, renewed by ``hold``."""

    def __init__(self, client: Any, *, key: str = LOCK_KEY, lease: int = LEASE_SECONDS) -> None:
        self.client = client
        self.key = key
        self.lease_ms = lease * 1000
        self.token = f"{socket.gethostname()}:{uuid.uuid4().hex}"

    def hold(self) -> bool:
        """Take the lease if it is free, renew it if it is ours; ``False`` if another holds it."""
        if self.client.set(self.key, self.token, nx=True, px=self.lease_ms):
            return True
        return bool(self.client.eval(_RENEW, 1, self.key, self.token, self.lease_ms))

    def release(self) -> None:
        self.client.eval(_RELEASE, 1, self.key, self.token)


class SingleBeatScheduler(PersistentScheduler):
    """Beat's own scheduler, ticking only while this process holds the leadership."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.leadership: Leadership | None = None
        if settings.REDIS_URL:
            import redis

            self.leadership = Leadership(redis.Redis.from_url(settings.REDIS_URL))
        self.leading = False

    def tick(self, *args: Any, **kwargs: Any) -> float:
        if self.leadership is not None:
            try:
                leading = self.leadership.hold()
            except Exception:  # Redis away: nobody can be sure to lead, so nobody sends.
                logger.exception("Beat could not reach Redis for its lock")
                leading = False
            if leading != self.leading:
                logger.warning("Beat %s", "leads" if leading else "stands by")
                self.leading = leading
            if not leading:
                return LEASE_SECONDS / 3
        # Wake often enough to renew the lease before it runs out.
        return min(float(super().tick(*args, **kwargs)), LEASE_SECONDS / 3)

    def close(self) -> None:
        if self.leadership is not None and self.leading:
            try:
                self.leadership.release()
            except Exception:
                logger.exception("Beat could not release its lock")
        super().close()
