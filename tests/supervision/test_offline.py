"""Recording without a connection, on the server's side: the service worker's script, the
list of what a supervisor's device keeps (their own visits only), and submissions queued on
the device and sent later, perhaps twice (answered in JSON; a repeat changes nothing)."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from people.roles import Role
from supervision import services
from supervision.models import (
    ActionPoint,
    ActionPointReview,
    Attachment,
    Observation,
    ObservationScore,
    Visit,
)
from tests.factories.supervision import add_point, make_visit, observe, png_file, rubric_data

from .conftest import World

State = Visit.State
SYNC = {"HTTP_X_OFFLINE_SYNC": "1"}


def entries(record: Any, prefix: str) -> list[str]:
    return list(
        ModelLogEntry.objects.filter(
            object_id=str(record.pk), action__startswith=f"supervision.{prefix}."
        )
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def answer(response: Any) -> dict[str, Any]:
    assert response["Content-Type"] == "application/json", response.content[:200]
    return json.loads(response.content)


def observation_data(world: World, client_id: uuid.UUID, score: int = 3) -> dict[str, Any]:
    data: dict[str, Any] = {
        "client_id": str(client_id),
        "rubric_version": str(world.version.pk),
        "observed": f"{world.teacher_a1.public_id}:{Role.TEACHER}",
        "evidence": "The pupil followed the visual timetable.",
    }
    for key in world.version.indicator_keys():
        data[f"score_{key}"] = str(score)
    return data


class TestServiceWorker:
    def test_served_from_the_supervision_path_to_anyone_and_never_cached(
        self, client: Client
    ) -> None:
        response = client.get("/ru/supervision/sw.js")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/javascript; charset=utf-8"
        assert response["Cache-Control"] == "no-cache"
        assert response["Service-Worker-Allowed"] == "/ru/supervision/"
        body = response.content.decode()
        assert '"scope": "/ru/supervision/"' in body
        assert '"manifest": "/ru/supervision/offline/manifest/"' in body
        assert 'importScripts("/static/js/offline-outbox.js", "/static/js/offline-sw.js")' in body

    def test_only_a_supervisors_pages_register_it(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        url = f"/en/supervision/visits/{visit.public_id}/"
        client.force_login(world.supervisor_a1)
        page = client.get(url).content.decode()
        assert 'data-offline-worker="/en/supervision/sw.js"' in page
        assert f'data-offline-user="{world.supervisor_a1.public_id}"' in page
        assert "data-offline-panel" in page
        client.force_login(world.coordinator_a)
        page = client.get(url).content.decode()
        assert "data-offline-worker" not in page
        assert "data-offline-user" not in page
        assert "data-offline-panel" not in page


class TestManifest:
    def test_lists_only_the_supervisors_own_visits_of_today_and_the_days_ahead(
        self, client: Client, world: World
    ) -> None:
        today = timezone.localdate()
        recording = make_visit(world.year_a1, today - timedelta(days=2), state=State.IN_PROGRESS)
        observation = observe(
            recording, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric
        )
        photo = services.attachment_add(
            actor=world.supervisor_a1, visit=recording, client_id=uuid.uuid4(), upload=png_file()
        )
        soon = make_visit(world.year_a2, today + timedelta(days=3))
        later = make_visit(world.year_a1, today + timedelta(days=20))
        submitted = make_visit(world.year_a1, today - timedelta(days=9), state=State.SUBMITTED)
        others = make_visit(world.year_b1, today, state=State.IN_PROGRESS)
        colleague = make_visit(world.year_a1, today, state=State.IN_PROGRESS)
        Visit.objects.filter(pk=colleague.pk).update(supervisor=world.supervisor_b1)

        client.force_login(world.supervisor_a1)
        response = client.get("/en/supervision/offline/manifest/")
        assert response.status_code == 200
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"no-store", "private"} <= directives
        data = answer(response)
        assert data["user"] == str(world.supervisor_a1.public_id)
        assert data["csrf"]
        pages = data["pages"]
        start = f"/en/supervision/visits/{recording.public_id}/observations/new/"
        assert f"/en/supervision/visits/{recording.public_id}/" in pages
        assert start in pages
        assert f"{start}?rubric={world.rubric.pk}" in pages
        assert f"/en/supervision/observations/{observation.public_id}/edit/" in pages
        assert f"/en/supervision/visits/{soon.public_id}/" in pages
        # A planned visit is kept to be read, not recorded: no observation forms for it.
        assert f"/en/supervision/visits/{soon.public_id}/observations/new/" not in pages
        assert "/en/supervision/offline/" in pages
        for visit in (later, submitted, others, colleague):
            assert not any(str(visit.public_id) in page for page in pages), visit
        assert f"/en/supervision/attachments/{photo.public_id}/" in data["files"]
        assert "/static/js/supervision.js" in data["files"]

    def test_someone_who_supervises_no_school_is_listed_nothing(
        self, client: Client, world: World
    ) -> None:
        make_visit(world.year_a1, timezone.localdate(), state=State.IN_PROGRESS)
        client.force_login(world.coordinator_a)
        data = answer(client.get("/en/supervision/offline/manifest/"))
        assert data["pages"] == ["/en/supervision/offline/"]

    def test_needs_signing_in(self, client: Client) -> None:
        response = client.get("/en/supervision/offline/manifest/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]

    def test_the_offline_page_lists_the_visits_kept(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_a1, timezone.localdate(), state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        page = client.get("/en/supervision/offline/").content.decode()
        assert "Not kept on this device" in page
        assert f"/en/supervision/visits/{visit.public_id}/" in page

    def test_a_page_kept_for_the_device_leaves_the_messages_for_the_person(
        self, client: Client, world: World
    ) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        client.post(
            f"/en/supervision/visits/{visit.public_id}/notes/",
            {"notes-notes": "Met the deputy director."},
        )
        url = f"/en/supervision/visits/{visit.public_id}/"
        kept = client.get(url, HTTP_X_OFFLINE_KEEP="1")
        assert kept.status_code == 200
        assert "The notes were saved." in client.get(url).content.decode()
        assert "The notes were saved." not in client.get(url).content.decode()


class TestQueuedSubmissions:
    """Each kind of submission the device queues, sent twice: saved once, audited once."""

    def test_an_observation(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        url = f"/en/supervision/visits/{visit.public_id}/observations/new/?rubric={world.rubric.pk}"
        client_id = uuid.uuid4()
        for _attempt in range(2):
            response = client.post(url, observation_data(world, client_id), **SYNC)
            assert response.status_code == 200
            assert answer(response) == {"saved": True}
        observation = Observation.objects.get()
        assert observation.client_id == client_id
        assert observation.is_complete
        assert ObservationScore.objects.count() == 3
        assert entries(observation, "observation") == ["supervision.observation.create"]

    def test_a_draft_observation_and_its_completion(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        url = f"/en/supervision/visits/{visit.public_id}/observations/new/?rubric={world.rubric.pk}"
        client_id = uuid.uuid4()
        draft = observation_data(world, client_id)
        draft["save_draft"] = "1"
        assert answer(client.post(url, draft, **SYNC))["saved"] is True
        assert not Observation.objects.get().is_complete
        assert answer(client.post(url, observation_data(world, client_id), **SYNC))["saved"]
        assert Observation.objects.get().is_complete

    def test_an_observation_keeps_the_rubric_version_its_form_was_shown_with(
        self, client: Client, world: World
    ) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        url = f"/en/supervision/visits/{visit.public_id}/observations/new/?rubric={world.rubric.pk}"
        shown = observation_data(world, uuid.uuid4())
        # While the device was offline, a trainer published a new version of the rubric.
        world.rubric.domains = rubric_data(domains=(("Families", ("Parents are involved",)),))[
            "domains"
        ]
        world.rubric.save()
        newer = services.rubric_publish(actor=world.manager, rubric=world.rubric)
        assert newer != world.version
        assert answer(client.post(url, shown, **SYNC))["saved"] is True
        assert Observation.objects.get().rubric_version == world.version

    def test_an_action_point(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_a1, date(2026, 10, 5), state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        data = {
            "ap-client_id": str(uuid.uuid4()),
            "ap-description": "Put up a visual timetable",
            "ap-owner": world.teacher_a1.pk,
            "ap-due_on": "2026-10-30",
        }
        url = f"/en/supervision/visits/{visit.public_id}/action-points/"
        for _attempt in range(2):
            assert answer(client.post(url, data, **SYNC)) == {"saved": True}
        point = ActionPoint.objects.get()
        assert entries(point, "action_point") == ["supervision.action_point.create"]

    def test_a_review(self, client: Client, world: World) -> None:
        first = make_visit(world.year_a1, date(2026, 10, 5), state=State.IN_PROGRESS)
        observe(first, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
        point = add_point(first, world.supervisor_a1, world.teacher_a1)
        services.visit_transition(actor=world.supervisor_a1, visit=first, to_state=State.SUBMITTED)
        second = make_visit(world.year_a1, date(2026, 11, 9), state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        prefix = f"review-{point.public_id}"
        url = f"/en/supervision/visits/{second.public_id}/reviews/{point.public_id}/"
        for _attempt in range(2):
            data = {f"{prefix}-outcome": "done", f"{prefix}-note": "On the wall"}
            assert answer(client.post(url, data, **SYNC)) == {"saved": True}
        assert ActionPointReview.objects.get().outcome == "done"
        assert entries(point, "action_point").count("supervision.action_point.review") == 1

    def test_an_attachment(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        client_id = str(uuid.uuid4())
        url = f"/en/supervision/visits/{visit.public_id}/attachments/"
        for _attempt in range(2):
            data = {"attachment-client_id": client_id, "attachment-file": png_file()}
            assert answer(client.post(url, data, **SYNC)) == {"saved": True}
        attachment = Attachment.objects.get()
        assert entries(attachment, "attachment") == ["supervision.attachment.add"]

    def test_the_notes(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        url = f"/en/supervision/visits/{visit.public_id}/notes/"
        for _attempt in range(2):
            response = client.post(url, {"notes-notes": "Met the deputy director."}, **SYNC)
            assert answer(response)["saved"] is True
        assert ModelLogEntry.objects.filter(action="supervision.visit.notes").count() == 1

    def test_the_submission(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
        client.force_login(world.supervisor_a1)
        url = f"/en/supervision/visits/{visit.public_id}/submit/"
        client_id = str(uuid.uuid4())
        for _attempt in range(2):
            response = client.post(url, {"client_id": client_id}, **SYNC)
            assert answer(response) == {"saved": True}
        visit.refresh_from_db()
        assert visit.state == State.SUBMITTED
        assert entries(visit, "visit") == ["supervision.visit.submit"]
        # Another submission (a new id) is refused: the visit is already submitted.
        response = client.post(url, {"client_id": str(uuid.uuid4())}, **SYNC)
        assert response.status_code == 400
        assert "cannot become" in answer(response)["errors"][0]

    def test_a_submission_needs_its_id(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
        client.force_login(world.supervisor_a1)
        response = client.post(f"/en/supervision/visits/{visit.public_id}/submit/", **SYNC)
        assert response.status_code == 400
        visit.refresh_from_db()
        assert visit.state == State.IN_PROGRESS

    def test_a_double_click_on_submit_in_the_page_submits_once(
        self, client: Client, world: World
    ) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
        client.force_login(world.supervisor_a1)
        page = client.get(f"/en/supervision/visits/{visit.public_id}/").content.decode()
        assert 'data-offline-queue="submit"' in page
        client_id = str(uuid.uuid4())
        for _attempt in range(2):
            response = client.post(
                f"/en/supervision/visits/{visit.public_id}/submit/", {"client_id": client_id}
            )
            assert response.status_code == 302
        assert entries(visit, "visit") == ["supervision.visit.submit"]


class TestRefusals:
    """A queued submission the server refuses says why, in JSON, and saves nothing."""

    def test_another_supervisors_visit_is_not_found(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_b1, state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        for url, data in (
            (f"/en/supervision/visits/{visit.public_id}/notes/", {"notes-notes": "x"}),
            (f"/en/supervision/visits/{visit.public_id}/submit/", {"client_id": str(uuid.uuid4())}),
            (
                f"/en/supervision/visits/{visit.public_id}/observations/new/"
                f"?rubric={world.rubric.pk}",
                observation_data(world, uuid.uuid4()),
            ),
            (
                f"/en/supervision/visits/{visit.public_id}/attachments/",
                {"attachment-client_id": str(uuid.uuid4()), "attachment-file": png_file()},
            ),
        ):
            response = client.post(url, data, **SYNC)
            assert response.status_code == 404, url
            assert answer(response)["saved"] is False
        visit.refresh_from_db()
        assert (visit.state, visit.notes) == (State.IN_PROGRESS, "")
        assert not Observation.objects.exists()
        assert not Attachment.objects.exists()

    def test_a_visit_no_longer_being_recorded_refuses_with_the_reason(
        self, client: Client, world: World
    ) -> None:
        visit = make_visit(world.year_a1, state=State.SUBMITTED)
        client.force_login(world.supervisor_a1)
        url = f"/en/supervision/visits/{visit.public_id}/observations/new/?rubric={world.rubric.pk}"
        response = client.post(url, observation_data(world, uuid.uuid4()), **SYNC)
        assert response.status_code == 403
        assert "being recorded" in answer(response)["errors"][0]
        assert not Observation.objects.exists()

    def test_invalid_input_names_the_field(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_a1, date(2026, 10, 5), state=State.IN_PROGRESS)
        client.force_login(world.supervisor_a1)
        response = client.post(
            f"/en/supervision/visits/{visit.public_id}/action-points/",
            {"ap-client_id": str(uuid.uuid4()), "ap-owner": world.teacher_a1.pk},
            **SYNC,
        )
        assert response.status_code == 400
        errors = answer(response)["errors"]
        assert any(error.startswith("What is to be done:") for error in errors)
        assert any(error.startswith("Due date:") for error in errors)
        assert not ActionPoint.objects.exists()

    def test_signed_out_is_a_redirect_to_sign_in(self, client: Client, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        response = client.post(
            f"/en/supervision/visits/{visit.public_id}/notes/", {"notes-notes": "x"}, **SYNC
        )
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


class TestRepeatSafeServices:
    def test_a_move_repeated_with_its_id_changes_nothing(self, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
        client_id = uuid.uuid4()
        for _attempt in range(2):
            services.visit_transition(
                actor=world.supervisor_a1,
                visit=visit,
                to_state=State.SUBMITTED,
                client_id=client_id,
            )
        visit.refresh_from_db()
        assert visit.state == State.SUBMITTED
        assert visit.last_move_client_id == client_id
        assert entries(visit, "visit") == ["supervision.visit.submit"]

    def test_the_id_of_another_visits_move_is_refused(self, world: World) -> None:
        from django.core.exceptions import ValidationError

        first = make_visit(world.year_a1, state=State.IN_PROGRESS)
        second = make_visit(world.year_a1, date(2026, 11, 2), state=State.IN_PROGRESS)
        for visit in (first, second):
            observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
        client_id = uuid.uuid4()
        services.visit_transition(
            actor=world.supervisor_a1, visit=first, to_state=State.SUBMITTED, client_id=client_id
        )
        with pytest.raises(ValidationError, match="another visit"):
            services.visit_transition(
                actor=world.supervisor_a1,
                visit=second,
                to_state=State.SUBMITTED,
                client_id=client_id,
            )
        second.refresh_from_db()
        assert second.state == State.IN_PROGRESS

    def test_an_unchanged_observation_or_point_writes_nothing(self, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        client_id = uuid.uuid4()
        observation = observe(
            visit,
            world.supervisor_a1,
            world.teacher_a1,
            Role.TEACHER,
            world.rubric,
            client_id=client_id,
        )
        before = observation.updated_at
        again = observe(
            visit,
            world.supervisor_a1,
            world.teacher_a1,
            Role.TEACHER,
            world.rubric,
            client_id=client_id,
        )
        again.refresh_from_db()
        assert again.updated_at == before
        assert entries(observation, "observation") == ["supervision.observation.create"]
        # A real change is saved and audited.
        observe(
            visit,
            world.supervisor_a1,
            world.teacher_a1,
            Role.TEACHER,
            world.rubric,
            client_id=client_id,
            score=2,
        )
        assert Observation.objects.get().average_score == 2
        assert entries(observation, "observation")[-1] == "supervision.observation.update"
