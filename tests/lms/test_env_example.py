"""``.env.example`` names every setting the product reads from the environment."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PRODUCT = (
    "lms",
    "core",
    "people",
    "courses",
    "certificates",
    "supervision",
    "programmes",
    "federation",
    "lti",
    "xapi",
    "demo",
)
NAME = r"""["']([A-Z][A-Z0-9_]*)["']"""
READS = [
    # env("X") and env.int("X", ...), not a dict called env being changed (env.pop("X"))
    re.compile(rf"\benv(?:\.(?!pop\b|setdefault\b)\w+)?\(\s*{NAME}"),
    re.compile(rf"{NAME}\s+in\s+(?:env|os\.environ)\b"),
    re.compile(rf"\bos\.environ\.get\(\s*{NAME}"),
    re.compile(rf"\bos\.environ\[\s*{NAME}\s*\](?!\s*=[^=])"),  # read, not assigned
    re.compile(rf"\bos\.getenv\(\s*{NAME}"),
]
LISTED = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=", re.M)


def names_read(source: str) -> set[str]:
    return {match for pattern in READS for match in pattern.findall(source)}


def names_read_by_the_product() -> set[str]:
    names: set[str] = set()
    for app in PRODUCT:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                names |= names_read(path.read_text(encoding="utf-8"))
    return names


def test_the_scan_finds_every_way_of_reading() -> None:
    source = """
DEBUG = env.bool("DJANGO_DEBUG", default=True)
DATABASES = {"default": env.db('DATABASE_URL')}
KEY = env("PLAIN")
if "EMAIL_URL" in env: pass
A = os.environ.get("FROM_OS")
B = os.environ["INDEXED"]
os.environ["ASSIGNED"] = "x"
environment = {**os.environ}; env = environment; env.pop("POPPED", None)
C = os.getenv("GOT")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
"""
    assert names_read(source) == {
        "DJANGO_DEBUG",
        "DATABASE_URL",
        "PLAIN",
        "EMAIL_URL",
        "FROM_OS",
        "INDEXED",
        "GOT",
    }


def test_every_setting_read_is_in_env_example() -> None:
    read = names_read_by_the_product()
    assert {"DATABASE_URL", "REDIS_URL", "LMS_PROGRAMME_IDLE_MINUTES"} <= read
    listed = set(LISTED.findall((ROOT / ".env.example").read_text(encoding="utf-8")))
    missing = sorted(read - listed)
    assert not missing, f"read from the environment but not in .env.example: {missing}"
