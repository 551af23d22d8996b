"""Supervision pages: recording a visit through forms, autosave, the report, navigation,
and query counts that do not grow with the number of rows."""

from __future__ import annotations

import json
import shutil
import subprocess
import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from people.roles import Role
from supervision import services
from supervision.models import ActionPoint, Observation, Visit
from tests.factories import SchoolFactory, UserFactory, grant
from tests.factories.supervision import (
    add_point,
    make_visit,
    make_year,
    observe,
    png_file,
    rubric_data,
)

from .conftest import World

State = Visit.State


def observation_post(world: World, client_id: uuid.UUID, score: int = 3) -> dict[str, Any]:
    data: dict[str, Any] = {
        "client_id": str(client_id),
        "observed": f"{world.teacher_a1.public_id}:{Role.TEACHER}",
        "evidence": "The pupil followed the visual timetable.",
        "strengths": "Clear instructions",
        "next_steps": "Wait longer for answers",
    }
    for key in world.version.indicator_keys():
        data[f"score_{key}"] = str(score)
    return data


class TestRecording:
    def test_supervisor_records_an_observation_and_a_repeat_post_is_harmless(
        self, client: Client, world: World
    ) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        url = f"/en/supervision/visits/{visit.public_id}/observations/new/?rubric={world.rubric.pk}"
        page = client.get(url)
        assert page.status_code == 200
        body = page.content.decode()
        assert "Room is accessible" in body
        assert "Teacher A1 — Teacher" in body
        assert "Teacher A2" not in body
        client_id = uuid.uuid4()
        for _attempt in range(2):
            response = client.post(url, observation_post(world, client_id))
            assert response.status_code == 302
        observation = Observation.objects.get()
        assert observation.client_id == client_id
        assert observation.is_complete
        assert observation.average_score == 3

    def test_autosave_keeps_a_draft_and_answers_in_json(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        url = f"/en/supervision/visits/{visit.public_id}/observations/new/?rubric={world.rubric.pk}"
        data = observation_post(world, uuid.uuid4())
        first_key = next(iter(world.version.indicator_keys()))
        for key in world.version.indicator_keys():
            if key != first_key:
                data.pop(f"score_{key}")
        response = client.post(url, data, HTTP_X_AUTOSAVE="1")
        assert response.status_code == 200
        assert json.loads(response.content)["saved"] is True
        draft = Observation.objects.get()
        assert not draft.is_complete
        assert draft.scores.count() == 1
        # A bad score is refused in JSON, and the draft stays as it was.
        data[f"score_{first_key}"] = "9"
        response = client.post(url, data, HTTP_X_AUTOSAVE="1")
        assert response.status_code == 400
        assert draft.scores.get().score == 3

    def test_an_observation_with_a_score_off_the_scale_shows_the_error(
        self, client: Client, world: World
    ) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        url = f"/en/supervision/visits/{visit.public_id}/observations/new/?rubric={world.rubric.pk}"
        data = observation_post(world, uuid.uuid4())
        key = next(iter(world.version.indicator_keys()))
        data[f"score_{key}"] = "7"
        response = client.post(url, data)
        assert response.status_code == 200
        assert "Please correct the following" in response.content.decode()
        assert not Observation.objects.exists()

    def test_opening_the_form_of_a_changed_rubric_writes_nothing_until_one_saves(
        self, client: Client, world: World
    ) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        # The rubric was changed outside the admin, so no version holds it as it is now.
        world.rubric.domains = rubric_data(domains=(("Families", ("Parents are involved",)),))[
            "domains"
        ]
        world.rubric.save()
        client.force_login(world.supervisor_a1)
        url = f"/en/supervision/visits/{visit.public_id}/observations/new/?rubric={world.rubric.pk}"
        entries = ModelLogEntry.objects.count()
        for _reading in range(2):
            page = client.get(url)
            assert page.status_code == 200
            assert "Parents are involved" in page.content.decode()
        assert world.rubric.versions.count() == 1
        assert ModelLogEntry.objects.count() == entries
        # Saving the observation publishes the version the form showed, and uses it.
        shown = world.rubric.snapshot()
        data: dict[str, Any] = {
            "client_id": str(uuid.uuid4()),
            "rubric_version": "",
            "observed": f"{world.teacher_a1.public_id}:{Role.TEACHER}",
        }
        for domain in shown["domains"]:
            for indicator in domain["indicators"]:
                data[f"score_{indicator['key']}"] = "4"
        assert client.post(url, data).status_code == 302
        observation = Observation.objects.get()
        assert observation.rubric_version.number == 2
        assert observation.rubric_version.content == shown
        assert observation.average_score == 4

    def test_notes_autosave(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        response = client.post(
            f"/en/supervision/visits/{visit.public_id}/notes/",
            {"notes-notes": "Met the deputy director."},
            HTTP_X_AUTOSAVE="1",
        )
        assert json.loads(response.content)["saved"] is True
        visit.refresh_from_db()
        assert visit.notes == "Met the deputy director."

    def test_action_point_and_review_through_the_page(self, client: Client, world: World) -> None:
        first = make_visit(world.year_a1, date(2026, 10, 5), state=State.IN_PROGRESS)
        observe(first, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
        client.force_login(world.supervisor_a1)
        response = client.post(
            f"/en/supervision/visits/{first.public_id}/action-points/",
            {
                "ap-client_id": str(uuid.uuid4()),
                "ap-description": "Put up a visual timetable",
                "ap-owner": world.teacher_a1.pk,
                "ap-due_on": "2026-10-30",
            },
        )
        assert response.status_code == 302
        point = ActionPoint.objects.get()
        client.post(f"/en/supervision/visits/{first.public_id}/submit/")
        second = make_visit(world.year_a1, date(2026, 11, 9), state=State.IN_PROGRESS)
        page = client.get(f"/en/supervision/visits/{second.public_id}/").content.decode()
        assert "Action points from earlier visits" in page
        assert "Put up a visual timetable" in page
        prefix = f"review-{point.public_id}"
        response = client.post(
            f"/en/supervision/visits/{second.public_id}/reviews/{point.public_id}/",
            {f"{prefix}-outcome": "done", f"{prefix}-note": "It is on the wall"},
        )
        assert response.status_code == 302
        point.refresh_from_db()
        assert point.status == "done"

    def test_an_attachment_through_the_page(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        response = client.post(
            f"/en/supervision/visits/{visit.public_id}/attachments/",
            {"attachment-client_id": str(uuid.uuid4()), "attachment-file": png_file()},
        )
        assert response.status_code == 302
        assert visit.attachments.count() == 1


class TestReport:
    @pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
    def test_the_report_is_a_pdf_with_the_record_in_kazakh(
        self, client: Client, world: World, tmp_path: Any
    ) -> None:
        visit = make_visit(world.year_a1, date(2026, 10, 5), state=State.IN_PROGRESS)
        observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
        add_point(visit, world.supervisor_a1, world.tutor_a1)
        services.visit_transition(actor=world.supervisor_a1, visit=visit, to_state=State.SUBMITTED)
        services.visit_transition(actor=world.leader_a1, visit=visit, to_state=State.ACKNOWLEDGED)
        client.force_login(world.leader_a1)
        response = client.get(f"/kk/supervision/visits/{visit.public_id}/report.pdf")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        path = tmp_path / "report.pdf"
        path.write_bytes(response.content)
        pdftotext = shutil.which("pdftotext") or "pdftotext"
        text = subprocess.run(
            [pdftotext, str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Teacher A1" in text
        assert "Room is accessible (kk)" in text
        assert "Put up a visual timetable" in text
        assert "Leader A1" in text

    def test_no_report_before_submission(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        response = client.get(f"/en/supervision/visits/{visit.public_id}/report.pdf")
        assert response.status_code == 302


class TestNavigation:
    def test_home_and_navigation_by_role(self, client: Client, world: World) -> None:
        cases = {
            world.supervisor_a1: ["My visits", "Schools and visit plans", "Action points"],
            world.coordinator_a: ["Coverage", "Schools and visit plans"],
            world.tutor_a1: ["My observed practice"],
        }
        for person, titles in cases.items():
            client.force_login(person)
            body = client.get("/en/").content.decode()
            for title in titles:
                assert title in body, (person, title)
            assert 'href="/en/supervision/"' in body
        client.force_login(world.trainer)
        assert 'href="/en/supervision/"' not in client.get("/en/").content.decode()


def grow(world: World, schools: int) -> None:
    """Add schools, each with a year, visits in several states, observations and points."""
    today = timezone.localdate()
    for number in range(schools):
        school = SchoolFactory(region=world.region_a, name_en=f"Extra {number}")
        grant(world.supervisor_a1, Role.SUPERVISOR, school=school)
        grant(UserFactory(full_name=f"Leader {number}"), Role.SCHOOL_LEADER, school=school)
        teacher = UserFactory(full_name=f"Teacher {number}")
        grant(teacher, Role.TEACHER, school=school)
        year = make_year(
            school, [world.supervisor_a1], starts_on=date(today.year - (today.month < 9), 9, 1)
        )
        make_visit(year, today + timedelta(days=3))
        make_visit(year, today - timedelta(days=3))
        done = make_visit(year, today - timedelta(days=20), state=State.IN_PROGRESS)
        # Reload the supervisor's scope, which now includes the new school.
        world.supervisor_a1.__dict__.pop("_lms_scope", None)
        observe(done, world.supervisor_a1, teacher, Role.TEACHER, world.rubric)
        add_point(done, world.supervisor_a1, teacher, days=5)
        Visit.objects.filter(pk=done.pk).update(state=State.SUBMITTED)


PAGES = {
    "caseload": ("supervisor_a1", "/en/supervision/caseload/", 5),
    "schools": ("coordinator_a", "/en/supervision/schools/", 7),
    # Coverage (4) and growth over the year (5: the calibration rule, the scores, the rubric
    # versions, schools and people named).
    "coverage": ("coordinator_a", "/en/supervision/coverage/", 14),
    "action points": ("coordinator_a", "/en/supervision/action-points/", 7),
    "practice": ("teacher_a1", "/en/supervision/practice/", 7),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_list_pages_do_not_grow_queries_with_rows(
    client: Client, world: World, name: str, django_assert_max_num_queries: Any
) -> None:
    who, url, limit = PAGES[name]
    client.force_login(getattr(world, who))
    grow(world, 1)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(world, 6)
    with django_assert_max_num_queries(limit):
        response = client.get(url)
    assert response.status_code == 200
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small), name


def test_the_visit_and_year_pages_do_not_grow_queries_with_records(
    client: Client, world: World, django_assert_max_num_queries: Any
) -> None:
    visit = make_visit(world.year_a1, date(2026, 10, 5), state=State.IN_PROGRESS)
    client.force_login(world.supervisor_a1)
    url = f"/en/supervision/visits/{visit.public_id}/"
    year_url = f"/en/supervision/years/{world.year_a1.public_id}/"
    observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
    add_point(visit, world.supervisor_a1, world.teacher_a1)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    with CaptureQueriesContext(connection) as small_year:
        client.get(year_url)
    for _ in range(5):
        observe(visit, world.supervisor_a1, world.tutor_a1, Role.TUTOR, world.rubric)
        add_point(visit, world.supervisor_a1, world.tutor_a1)
        make_visit(world.year_a1, date(2026, 11, 5))
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(7):
        assert client.get(year_url).status_code == 200
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    with CaptureQueriesContext(connection) as large_year:
        client.get(year_url)
    assert len(large) == len(small)
    assert len(large_year) == len(small_year)
