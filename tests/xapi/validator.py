"""The rules of xAPI 1.0.3 (Part Two, "Experience API Data") that a statement this product
sends must meet, checked property by property. Returns the problems found; none means valid.

Covered: the statement's own properties (2.4), Agents and their one Inverse Functional
Identifier (2.4.2.1, 2.4.2.3: ``mbox`` a ``mailto:`` IRI, ``account`` with ``homePage`` IRL
and ``name``), verbs (2.4.3), Activities and their definitions (2.4.4.1), results and
scores (2.4.5: ``scaled`` in -1..1, ``raw`` between ``min`` and ``max``), context (2.4.6:
``registration`` a UUID, ``contextActivities`` keys and arrays, ``revision``/``platform``
only with an Activity object), timestamps (ISO 8601 with a time zone), language maps
(RFC 5646 tags), UUIDs (RFC 4122 hyphenated form) and IRIs (absolute, with a scheme).
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Any

STATEMENT_KEYS = {
    "id", "actor", "verb", "object", "result", "context", "timestamp", "stored",
    "authority", "version", "attachments",
}  # fmt: skip
IFIS = ("mbox", "mbox_sha1sum", "openid", "account")
AGENT_KEYS = {"objectType", "name", *IFIS}
CONTEXT_KEYS = {
    "registration", "instructor", "team", "contextActivities", "revision", "platform",
    "language", "statement", "extensions",
}  # fmt: skip
RESULT_KEYS = {"score", "success", "completion", "response", "duration", "extensions"}
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
IRL = re.compile(r"^https?://[^\s/?#]+[^\s]*$")
UUID_FORM = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
LANGUAGE_TAG = re.compile(
    r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$|^[A-Za-z]{4,8}(-[A-Za-z0-9]{1,8})*$"
)
ISO_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
VERSION = re.compile(r"^1\.0\.\d+$")
SHA1 = re.compile(r"^[0-9a-f]{40}$")


def _iri(value: Any, where: str, problems: list[str]) -> None:
    if not isinstance(value, str) or not IRI.match(value):
        problems.append(f"{where}: not an IRI: {value!r}")


def _uuid(value: Any, where: str, problems: list[str]) -> None:
    if not isinstance(value, str) or not UUID_FORM.match(value):
        problems.append(f"{where}: not a UUID: {value!r}")
        return
    uuid.UUID(value)


def _language_map(value: Any, where: str, problems: list[str]) -> None:
    if not isinstance(value, dict) or not value:
        problems.append(f"{where}: not a language map: {value!r}")
        return
    for tag, text in value.items():
        if not isinstance(tag, str) or not LANGUAGE_TAG.match(tag):
            problems.append(f"{where}: not an RFC 5646 language tag: {tag!r}")
        if not isinstance(text, str):
            problems.append(f"{where}[{tag}]: not a string")


def _agent(value: Any, where: str, problems: list[str]) -> None:
    if not isinstance(value, dict):
        problems.append(f"{where}: not an object")
        return
    if value.get("objectType", "Agent") != "Agent":
        problems.append(f"{where}: objectType must be Agent (a Group is not sent)")
    if set(value) - AGENT_KEYS:
        problems.append(f"{where}: unknown properties {sorted(set(value) - AGENT_KEYS)}")
    ifis = [key for key in IFIS if key in value]
    if len(ifis) != 1:
        problems.append(f"{where}: exactly one inverse functional identifier, not {ifis}")
    if "mbox" in value and not str(value["mbox"]).startswith("mailto:"):
        problems.append(f"{where}.mbox: must be a mailto: IRI")
    if "mbox_sha1sum" in value and not SHA1.match(str(value["mbox_sha1sum"])):
        problems.append(f"{where}.mbox_sha1sum: not a SHA1 hex digest")
    if "openid" in value:
        _iri(value["openid"], f"{where}.openid", problems)
    if "account" in value:
        account = value["account"]
        if not isinstance(account, dict) or set(account) != {"homePage", "name"}:
            problems.append(f"{where}.account: needs exactly homePage and name")
        else:
            if not isinstance(account["homePage"], str) or not IRL.match(account["homePage"]):
                problems.append(f"{where}.account.homePage: not an IRL")
            if not isinstance(account["name"], str) or not account["name"]:
                problems.append(f"{where}.account.name: not a string")
    if "name" in value and not isinstance(value["name"], str):
        problems.append(f"{where}.name: not a string")


def _activity(value: Any, where: str, problems: list[str]) -> None:
    if not isinstance(value, dict):
        problems.append(f"{where}: not an object")
        return
    if value.get("objectType", "Activity") != "Activity":
        problems.append(f"{where}: objectType must be Activity")
    if set(value) - {"objectType", "id", "definition"}:
        problems.append(f"{where}: unknown properties")
    if "id" not in value:
        problems.append(f"{where}: id is required")
    else:
        _iri(value["id"], f"{where}.id", problems)
    definition = value.get("definition")
    if definition is not None:
        if not isinstance(definition, dict):
            problems.append(f"{where}.definition: not an object")
            return
        for key in ("name", "description"):
            if key in definition:
                _language_map(definition[key], f"{where}.definition.{key}", problems)
        if "type" in definition:
            _iri(definition["type"], f"{where}.definition.type", problems)
        if "moreInfo" in definition and not IRL.match(str(definition["moreInfo"])):
            problems.append(f"{where}.definition.moreInfo: not an IRL")


def _result(value: Any, problems: list[str]) -> None:
    if not isinstance(value, dict):
        problems.append("result: not an object")
        return
    if set(value) - RESULT_KEYS:
        problems.append(f"result: unknown properties {sorted(set(value) - RESULT_KEYS)}")
    for key in ("success", "completion"):
        if key in value and not isinstance(value[key], bool):
            problems.append(f"result.{key}: not a boolean")
    score = value.get("score")
    if score is None:
        return
    if not isinstance(score, dict) or not score or set(score) - {"scaled", "raw", "min", "max"}:
        problems.append("result.score: properties are scaled, raw, min and max")
        return
    for key, number in score.items():
        if isinstance(number, bool) or not isinstance(number, int | float):
            problems.append(f"result.score.{key}: not a number")
            return
    if "scaled" in score and not -1 <= score["scaled"] <= 1:
        problems.append("result.score.scaled: outside -1..1")
    if "min" in score and "max" in score and not score["min"] < score["max"]:
        problems.append("result.score: min must be less than max")
    if "raw" in score:
        if "min" in score and score["raw"] < score["min"]:
            problems.append("result.score.raw: below min")
        if "max" in score and score["raw"] > score["max"]:
            problems.append("result.score.raw: above max")


def _context(value: Any, object_is_activity: bool, problems: list[str]) -> None:
    if not isinstance(value, dict):
        problems.append("context: not an object")
        return
    if set(value) - CONTEXT_KEYS:
        problems.append(f"context: unknown properties {sorted(set(value) - CONTEXT_KEYS)}")
    if "registration" in value:
        _uuid(value["registration"], "context.registration", problems)
    if "instructor" in value:
        _agent(value["instructor"], "context.instructor", problems)
    for key in ("revision", "platform"):
        if key in value:
            if not object_is_activity:
                problems.append(f"context.{key}: only when the object is an Activity")
            if not isinstance(value[key], str):
                problems.append(f"context.{key}: not a string")
    if "language" in value and not LANGUAGE_TAG.match(str(value["language"])):
        problems.append("context.language: not an RFC 5646 language tag")
    activities = value.get("contextActivities")
    if activities is not None:
        if not isinstance(activities, dict):
            problems.append("context.contextActivities: not an object")
            return
        for key, items in activities.items():
            if key not in {"parent", "grouping", "category", "other"}:
                problems.append(f"context.contextActivities: unknown key {key}")
            for index, item in enumerate(items if isinstance(items, list) else [items]):
                _activity(item, f"context.contextActivities.{key}[{index}]", problems)


def statement_problems(statement: Any) -> list[str]:
    problems: list[str] = []
    if not isinstance(statement, dict):
        return ["a statement is a JSON object"]
    if set(statement) - STATEMENT_KEYS:
        problems.append(f"unknown properties {sorted(set(statement) - STATEMENT_KEYS)}")
    for key in ("actor", "verb", "object"):
        if key not in statement:
            problems.append(f"{key} is required")
    if "id" in statement:
        _uuid(statement["id"], "id", problems)
    if "actor" in statement:
        _agent(statement["actor"], "actor", problems)
    verb = statement.get("verb")
    if verb is not None:
        if not isinstance(verb, dict) or "id" not in verb or set(verb) - {"id", "display"}:
            problems.append("verb: needs id, may have display, nothing else")
        else:
            _iri(verb["id"], "verb.id", problems)
            if "display" in verb:
                _language_map(verb["display"], "verb.display", problems)
    obj = statement.get("object")
    object_is_activity = isinstance(obj, dict) and obj.get("objectType", "Activity") == "Activity"
    if obj is not None:
        if not object_is_activity:
            problems.append("object: this product sends Activities only")
        _activity(obj, "object", problems)
    if "result" in statement:
        _result(statement["result"], problems)
    if "context" in statement:
        _context(statement["context"], object_is_activity, problems)
    if "timestamp" in statement:
        stamp = statement["timestamp"]
        if not isinstance(stamp, str) or not ISO_TIMESTAMP.match(stamp):
            problems.append(f"timestamp: not ISO 8601 with a time zone: {stamp!r}")
        else:
            datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    if "version" in statement and not VERSION.match(str(statement["version"])):
        problems.append("version: must be 1.0.x")
    return problems
