"""The cache over Redis with Redis away: every call answers as a miss, quickly, and the
site's own users of the cache (sessions, the verification throttle) carry on."""

from __future__ import annotations

import time

import pytest

from core.cache import TolerantRedisCache

from .conftest import free_port


@pytest.fixture
def unreachable() -> TolerantRedisCache:
    """A cache whose Redis is not there (nothing listens on its port)."""
    return TolerantRedisCache(
        f"redis://127.0.0.1:{free_port()}/0",
        {"KEY_PREFIX": "lms", "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}},
    )


def test_every_call_answers_as_a_miss(unreachable: TolerantRedisCache) -> None:
    started = time.monotonic()
    assert unreachable.get("key") is None
    assert unreachable.get("key", "fallback") == "fallback"
    assert unreachable.get_many(["a", "b"]) == {}
    assert not unreachable.has_key("key")
    unreachable.set("key", 1)
    assert unreachable.set_many({"a": 1}) == ["a"]
    assert unreachable.add("key", 1)  # a throttle lets the request through
    assert not unreachable.touch("key")
    with pytest.raises(ValueError, match="not found"):
        unreachable.incr("key")
    assert not unreachable.delete("key")
    unreachable.delete_many(["a", "b"])
    unreachable.clear()
    assert unreachable.get_or_set("key", lambda: "computed") == "computed"
    assert time.monotonic() - started < 10


def test_it_warns_once_in_a_while_not_on_every_call(
    unreachable: TolerantRedisCache, caplog: pytest.LogCaptureFixture
) -> None:
    TolerantRedisCache._warned_at = 0.0
    with caplog.at_level("WARNING", logger="core.cache"):
        for _attempt in range(5):
            unreachable.get("key")
    assert len([r for r in caplog.records if r.name == "core.cache"]) == 1
