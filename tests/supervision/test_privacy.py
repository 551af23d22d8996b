"""Supervision's part of a person's data: what the download holds about observations of
their practice, and what an erasure removes and keeps."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from datetime import date
from pathlib import Path

import pytest

from lms import privacy
from people.roles import Role
from supervision import services
from supervision.models import Attachment, Observation, ObservationScore, Visit
from tests.factories import UserFactory, grant
from tests.factories.supervision import add_point, make_visit, observe, png_file

from .conftest import World

pytestmark = pytest.mark.django_db


def test_the_download_holds_observations_of_the_persons_practice(world: World) -> None:
    visit = make_visit(world.year_a1, date(2026, 10, 5), state=Visit.State.IN_PROGRESS)
    observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
    add_point(visit, world.supervisor_a1, world.teacher_a1)
    archive = zipfile.ZipFile(io.BytesIO(privacy.personal_data_export(person=world.teacher_a1)))
    data = json.loads(archive.read("data.json"))["supervision"]
    [observation] = data["observations_of_my_practice"]
    assert observation["evidence"] == "The pupil used the visual timetable."
    assert observation["average_score"] == 3
    assert data["action_points_i_own"][0]["what"] == "Put up a visual timetable"
    other = json.loads(
        zipfile.ZipFile(io.BytesIO(privacy.personal_data_export(person=world.teacher_a2))).read(
            "data.json"
        )
    )["supervision"]
    assert other["observations_of_my_practice"] == []


def test_erasure_removes_notes_and_photos_and_keeps_the_scores(
    world: World, private_dir: Path
) -> None:
    visit = make_visit(world.year_a1, date(2026, 10, 5), state=Visit.State.IN_PROGRESS)
    observation = observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
    colleague = observe(visit, world.supervisor_a1, world.tutor_a1, Role.TUTOR, world.rubric)
    services.attachment_add(
        actor=world.supervisor_a1,
        visit=visit,
        client_id=uuid.uuid4(),
        upload=png_file(),
        observation=observation,
    )
    scores = ObservationScore.objects.filter(observation=observation).count()
    administrator = UserFactory()
    grant(administrator, Role.ADMINISTRATOR)

    privacy.person_erase(actor=administrator, person=world.teacher_a1, reason="Asked in writing")

    observation.refresh_from_db()
    assert "visual timetable" not in observation.evidence
    assert observation.average_score == 3  # coverage and averages still count it
    assert ObservationScore.objects.filter(observation=observation).count() == scores
    assert not Attachment.objects.filter(observation=observation).exists()
    assert not [p for p in private_dir.rglob("*") if p.is_file()]
    assert Observation.objects.get(pk=colleague.pk).evidence == (
        "The pupil used the visual timetable."
    )
