"""The xAPI 1.0.3 validator the statement tests rely on refuses what the specification
refuses."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from .validator import statement_problems

VALID: dict[str, Any] = {
    "id": "3f1c1f0e-5b8e-4c55-9a43-8a1b7e2f3d11",
    "actor": {
        "objectType": "Agent",
        "account": {"homePage": "https://lms.example.org", "name": "0b7c5f5e"},
    },
    "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}},
    "object": {
        "objectType": "Activity",
        "id": "https://lms.example.org/kk/course/check/",
        "definition": {
            "name": {"kk": "Тексеру"},
            "type": "http://adlnet.gov/expapi/activities/assessment",
        },
    },
    "result": {
        "score": {"scaled": 0.5, "raw": 1, "min": 0, "max": 2},
        "success": False,
        "completion": True,
    },
    "context": {
        "registration": "9a1c1f0e-5b8e-5c55-9a43-8a1b7e2f3d10",
        "contextActivities": {"parent": [{"id": "https://lms.example.org/kk/course/"}]},
        "platform": "Qamqor LMS",
        "language": "kk",
    },
    "timestamp": "2026-12-04T21:00:00.000+00:00",
    "version": "1.0.3",
}


def changed(path: str, value: Any) -> dict[str, Any]:
    statement = copy.deepcopy(VALID)
    *parents, last = path.split(".")
    target = statement
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return statement


def test_a_valid_statement_passes() -> None:
    assert statement_problems(VALID) == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("actor", KeyError),
        ("verb", KeyError),
        ("object", KeyError),
        ("id", "not-a-uuid"),
        ("actor.mbox", "person@example.org"),  # a second identifier, and not mailto:
        ("actor.account", {"name": "x"}),  # no homePage
        ("actor.account.homePage", "lms.example.org"),  # not an IRL
        ("verb.id", "answered"),  # not an IRI
        ("verb.display", {"en_US": "answered"}),  # not a language tag
        ("object.id", "/kk/course/"),  # relative
        ("object.definition.name", "Check"),  # not a language map
        ("object.definition.type", "assessment"),
        ("result.score.scaled", 1.5),
        ("result.score.raw", 3),  # above max
        ("result.score.min", 2),  # min not below max
        ("result.success", "yes"),
        ("context.registration", 42),
        ("context.language", "kazakh language"),
        ("context.contextActivities", {"parents": []}),
        ("timestamp", "2026-12-04 21:00"),
        ("timestamp", "2026-12-04T21:00:00"),  # no time zone
        ("version", "2.0.0"),
        ("stray", "unknown property"),
    ],
)
def test_a_broken_statement_is_refused(path: str, value: Any) -> None:
    assert statement_problems(changed(path, value)) != []


def test_an_mbox_must_be_a_mailto_iri() -> None:
    statement = copy.deepcopy(VALID)
    statement["actor"] = {"mbox": "person@example.org"}
    assert any("mailto" in problem for problem in statement_problems(statement))
    statement["actor"] = {"mbox": "mailto:person@example.org"}
    assert statement_problems(statement) == []
