"""What a load balancer asks a web node: is the process alive, and can it serve requests.

Liveness answers from the process alone, so that an outage of the database does not make
every node look dead and get restarted. Readiness checks what every request may need: the
database, the shared cache (sessions and rate limits live there) and both storages (the
shared buckets, or the local folders). A node that is not ready is taken out of rotation
until it is.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.core.files.storage import storages
from django.db import connection

logger = logging.getLogger(__name__)

PROBE_NAME = "health/readiness-probe"


def database_ready() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_ready() -> bool:
    """A value written is read back: the product's Redis cache answers a miss, not an
    error, while Redis is away, so reading alone would not notice."""
    key, value = "health:readiness", uuid.uuid4().hex
    cache.set(key, value, 30)
    return bool(cache.get(key) == value)


def storage_ready() -> bool:
    """Both storages answer a lookup (a HEAD request on a bucket); nothing is written."""
    for alias in ("default", "private"):
        storages[alias].exists(PROBE_NAME)
    return True


CHECKS: dict[str, Callable[[], bool]] = {
    "database": database_ready,
    "cache": cache_ready,
    "storage": storage_ready,
}


def readiness() -> dict[str, bool]:
    """Each check's result; a check that raises is not ready (and is logged)."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception:
            logger.exception("Readiness check %s failed", name)
            results[name] = False
    return results
