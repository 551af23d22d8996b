"""The shared cache over Redis, which keeps the site working while Redis is away.

Redis holds only what can be lost: cached pages and lookups, sessions' copies (sessions are
written through to the database), rate-limit counters, progress figures. So when Redis
cannot be reached, or does not answer in time, each cache call logs a warning (at most
one every half-minute) and behaves as a miss: reads find nothing, writes store nothing,
``add`` reports the key added (a throttle lets the request through rather than refuse
everyone), ``incr`` finds no key. Requests go on from the database; the work queued for
the workers has its own fallback (see ``core.tasks``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
WARN_EVERY = 30.0


class TolerantRedisCache(RedisCache):
    """Django's Redis cache, answering as a miss while Redis cannot be reached."""

    _warned_at = 0.0

    def _unreachable(self, error: Exception) -> None:
        now = time.monotonic()
        if now - TolerantRedisCache._warned_at >= WARN_EVERY:
            TolerantRedisCache._warned_at = now
            logger.warning("The cache cannot reach Redis; carrying on without it: %s", error)

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except UNREACHABLE as error:
            self._unreachable(error)
            return default

    def get_many(self, keys: Iterable[Any], version: int | None = None) -> dict[Any, Any]:
        try:
            return super().get_many(keys, version)
        except UNREACHABLE as error:
            self._unreachable(error)
            return {}

    def has_key(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().has_key(key, version)
        except UNREACHABLE as error:
            self._unreachable(error)
            return False

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> None:
        try:
            super().set(key, value, timeout, version)
        except UNREACHABLE as error:
            self._unreachable(error)

    def set_many(
        self, data: dict[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> list[Any]:
        try:
            return super().set_many(data, timeout, version)
        except UNREACHABLE as error:
            self._unreachable(error)
            return list(data)

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        try:
            return super().add(key, value, timeout, version)
        except UNREACHABLE as error:
            self._unreachable(error)
            return True

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> bool:
        try:
            return super().touch(key, timeout, version)
        except UNREACHABLE as error:
            self._unreachable(error)
            return False

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as error:
            self._unreachable(error)
            raise ValueError(f"Key '{key}' not found") from error

    def delete(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().delete(key, version)
        except UNREACHABLE as error:
            self._unreachable(error)
            return False

    def delete_many(self, keys: Iterable[Any], version: int | None = None) -> None:
        try:
            super().delete_many(keys, version)
        except UNREACHABLE as error:
            self._unreachable(error)

    def clear(self) -> None:
        try:
            super().clear()
        except UNREACHABLE as error:
            self._unreachable(error)
