"""The certificate tests' small programme (a tutor, a trainer, a manager), with an LRS
address set: unit tests point it at a port nothing listens on, or at the stand-in server
they start; tests marked ``lrs`` keep the real one from the environment and are skipped
without it."""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests.certificates.conftest import _no_mfa_requirement, private_dir, world  # noqa: F401

UNREACHABLE = "http://127.0.0.1:9/xAPI"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "lrs" in item.keywords and not os.environ.get("LRS_URL"):
            item.add_marker(pytest.mark.skip(reason="needs LRS_URL pointing at a real LRS"))


@pytest.fixture(autouse=True)
def lrs_settings(request: pytest.FixtureRequest, settings: Any) -> None:
    if "lrs" not in request.keywords:
        settings.LRS_URL = UNREACHABLE
        settings.LRS_USERNAME = "qamqor"
        settings.LRS_PASSWORD = "secret"
