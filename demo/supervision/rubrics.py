"""The rubric of each session type, from the data file, published once."""

from __future__ import annotations

from typing import Any

from supervision import services
from supervision.models import Rubric, RubricVersion, SessionType

from ..loader import Text
from .base import DATA, Counts, derived_id

SCALE: list[dict[str, Text]] = DATA["scale"]
# Each session type's rubric: its name, and its domains of indicators, with a descriptor
# per level of the scale where the rubric has them.
RUBRICS: dict[str, dict[str, Any]] = {
    SessionType(session_type): rubric for session_type, rubric in DATA["rubrics"].items()
}


def rubric_version(session_type: str, counts: Counts) -> RubricVersion:
    """The session type's rubric as published, created and published the first time."""
    rubric = Rubric.objects.filter(session_type=session_type).first()
    if rubric is None:
        name, domains = RUBRICS[session_type]["name"], RUBRICS[session_type]["domains"]
        rubric = Rubric.objects.create(
            session_type=session_type,
            name_kk=name["kk"],
            name_ru=name["ru"],
            name_en=name["en"],
            scale=[
                {
                    "type": "level",
                    "id": derived_id(session_type, "level", number),
                    "value": {"label": level["label"], "descriptor": level["descriptor"]},
                }
                for number, level in enumerate(SCALE, start=1)
            ],
            domains=[
                {
                    "type": "domain",
                    "id": derived_id(session_type, "domain", d),
                    "value": {
                        "name": domain["name"],
                        "indicators": [
                            {
                                "type": "item",
                                "id": derived_id(session_type, "indicator", d, i),
                                "value": {
                                    "text": indicator["text"],
                                    "descriptors": [
                                        {
                                            "type": "item",
                                            "id": derived_id(session_type, "descriptor", d, i, n),
                                            "value": descriptor,
                                        }
                                        for n, descriptor in enumerate(
                                            indicator.get("descriptors", [])
                                        )
                                    ],
                                },
                            }
                            for i, indicator in enumerate(domain["indicators"])
                        ],
                    },
                }
                for d, domain in enumerate(domains)
            ],
        )
        counts.add("rubrics")
    latest = rubric.versions.order_by("-number").first()
    return latest or services.rubric_publish(actor=None, rubric=rubric)
