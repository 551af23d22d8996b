"""Rubric versions, observations and their scores, and observed practice."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from people.roles import Role
from people.signals import observed_practice_changed
from supervision import selectors, services
from supervision.models import Observation, ObservationScore, RubricVersion, Visit
from tests.factories.supervision import (
    RubricFactory,
    make_visit,
    observe,
    published,
    rubric_data,
    scores_for,
)

from .conftest import World

State = Visit.State


def recording(world: World) -> Visit:
    return make_visit(world.year_a1, date(2026, 10, 5), state=State.IN_PROGRESS)


class TestRubricVersions:
    def test_publishing_an_unchanged_rubric_keeps_its_version(self, world: World) -> None:
        again = services.rubric_publish(actor=None, rubric=world.rubric)
        assert again == world.version
        assert RubricVersion.objects.filter(rubric=world.rubric).count() == 1

    def test_editing_a_rubric_mid_year_never_changes_past_observations(self, world: World) -> None:
        visit = recording(world)
        before = observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
        # A trainer rewrites an indicator and adds a domain in the admin.
        data = rubric_data(
            domains=(
                ("Environment", ("Room and materials are accessible", "Every pupil takes part")),
                ("Teaching", ("Tasks are adapted",)),
                ("Families", ("Parents are involved",)),
            )
        )
        world.rubric.domains = data["domains"]
        world.rubric.save()
        new_version = services.rubric_publish(actor=world.manager, rubric=world.rubric)
        assert new_version.number == 2

        before.refresh_from_db()
        assert before.rubric_version == world.version
        with translation.override("en"):
            texts = [
                indicator["text"]
                for domain in before.rubric_version.domains_for_display()
                for indicator in domain["indicators"]
            ]
        assert "Room is accessible" in texts
        assert "Parents are involved" not in texts

        after = observe(visit, world.supervisor_a1, world.tutor_a1, Role.TUTOR, world.rubric)
        assert after.rubric_version == new_version
        assert after.scores.count() == 4
        # Editing the old observation keeps its version and its indicators.
        services.observation_save(
            actor=world.supervisor_a1,
            visit=visit,
            client_id=before.client_id,
            observed_person=world.teacher_a1,
            observed_role=Role.TEACHER,
            scores=scores_for(world.version, 2),
        )
        before.refresh_from_db()
        assert before.rubric_version == world.version
        assert before.average_score == 2

    def test_only_people_allowed_to_change_rubrics_publish_them(self, world: World) -> None:
        with pytest.raises(PermissionDenied):
            services.rubric_publish(actor=world.supervisor_a1, rubric=world.rubric)

    def test_an_indicator_needs_one_descriptor_per_level_or_none(self, world: World) -> None:
        rubric = RubricFactory.build(session_type="team_meeting")
        rubric.domains = rubric_data()["domains"]
        rubric.domains[0].value["indicators"][0]["descriptors"] = [
            {"kk": "a", "ru": "a", "en": "a"}
        ]
        with pytest.raises(ValidationError) as error:
            rubric.clean()
        assert "domains" in error.value.message_dict


class TestScores:
    @pytest.mark.parametrize("bad", [0, 5, -1, "x"])
    def test_a_score_outside_the_scale_is_refused_and_nothing_is_saved(
        self, world: World, bad: Any
    ) -> None:
        visit = recording(world)
        scores = scores_for(world.version, 3)
        first = next(iter(scores))
        scores[first] = bad
        with pytest.raises(ValidationError) as error:
            services.observation_save(
                actor=world.supervisor_a1,
                visit=visit,
                client_id=uuid.uuid4(),
                observed_person=world.teacher_a1,
                observed_role=Role.TEACHER,
                rubric=world.rubric,
                scores=scores,
            )
        assert f"score_{first}" in error.value.message_dict
        assert "from 1 to 4" in str(error.value)
        assert not Observation.objects.exists()
        assert not ObservationScore.objects.exists()

    def test_a_score_for_an_indicator_of_another_rubric_is_refused(self, world: World) -> None:
        visit = recording(world)
        scores = {**scores_for(world.version), "not-an-indicator": 2}
        with pytest.raises(ValidationError, match="not in this rubric"):
            services.observation_save(
                actor=world.supervisor_a1,
                visit=visit,
                client_id=uuid.uuid4(),
                observed_person=world.teacher_a1,
                observed_role=Role.TEACHER,
                rubric=world.rubric,
                scores=scores,
            )

    def test_a_complete_observation_needs_every_indicator(self, world: World) -> None:
        visit = recording(world)
        scores = scores_for(world.version)
        missing = next(iter(scores))
        scores[missing] = None
        with pytest.raises(ValidationError) as error:
            services.observation_save(
                actor=world.supervisor_a1,
                visit=visit,
                client_id=uuid.uuid4(),
                observed_person=world.teacher_a1,
                observed_role=Role.TEACHER,
                rubric=world.rubric,
                scores=scores,
            )
        assert f"score_{missing}" in error.value.message_dict
        draft = services.observation_save(
            actor=world.supervisor_a1,
            visit=visit,
            client_id=uuid.uuid4(),
            observed_person=world.teacher_a1,
            observed_role=Role.TEACHER,
            rubric=world.rubric,
            scores=scores,
            complete=False,
        )
        assert not draft.is_complete
        assert draft.scores.count() == 2

    def test_scale_of_five_accepts_five(self, world: World) -> None:
        rubric = RubricFactory(session_type="tutor_support", scale=rubric_data(levels=5)["scale"])
        version = published(rubric)
        assert version.scale_max == 5
        visit = recording(world)
        observation = services.observation_save(
            actor=world.supervisor_a1,
            visit=visit,
            client_id=uuid.uuid4(),
            observed_person=world.tutor_a1,
            observed_role=Role.TUTOR,
            rubric=rubric,
            scores=scores_for(version, 5),
        )
        assert observation.average_score == 5


class TestWhoIsObserved:
    def test_observing_a_person_who_is_not_at_that_school_is_refused(self, world: World) -> None:
        visit = recording(world)
        with pytest.raises(ValidationError) as error:
            observe(visit, world.supervisor_a1, world.teacher_a2, Role.TEACHER, world.rubric)
        assert "Teacher A2 does not work at School A1" in str(error.value)
        assert not Observation.objects.exists()

    def test_observing_in_a_role_the_person_does_not_hold_is_refused(self, world: World) -> None:
        visit = recording(world)
        with pytest.raises(ValidationError, match="is not a Tutor"):
            observe(visit, world.supervisor_a1, world.teacher_a1, Role.TUTOR, world.rubric)

    def test_only_a_supervisor_of_the_school_records(self, world: World) -> None:
        visit = recording(world)
        for outsider in (world.leader_a1, world.coordinator_a, world.manager):
            with pytest.raises(PermissionDenied, match="Only a supervisor of School A1"):
                observe(visit, outsider, world.teacher_a1, Role.TEACHER, world.rubric)
        with pytest.raises(PermissionDenied, match="outside your schools"):
            observe(visit, world.supervisor_b1, world.teacher_a1, Role.TEACHER, world.rubric)

    def test_nothing_is_recorded_in_a_visit_that_is_not_in_progress(self, world: World) -> None:
        visit = make_visit(world.year_a1)
        with pytest.raises(ValidationError, match="only while it is being recorded"):
            observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)


def test_a_repeated_submission_with_the_same_client_id_is_harmless(world: World) -> None:
    visit = recording(world)
    client_id = uuid.uuid4()
    first = observe(
        visit,
        world.supervisor_a1,
        world.teacher_a1,
        Role.TEACHER,
        world.rubric,
        client_id=client_id,
    )
    second = observe(
        visit,
        world.supervisor_a1,
        world.teacher_a1,
        Role.TEACHER,
        world.rubric,
        client_id=client_id,
    )
    assert first.pk == second.pk
    assert Observation.objects.count() == 1
    assert ObservationScore.objects.count() == 3


def test_a_client_id_of_another_visit_is_refused(world: World) -> None:
    visit = recording(world)
    other = make_visit(world.year_a1, date(2026, 11, 2), state=State.IN_PROGRESS)
    client_id = uuid.uuid4()
    observe(
        visit,
        world.supervisor_a1,
        world.teacher_a1,
        Role.TEACHER,
        world.rubric,
        client_id=client_id,
    )
    with pytest.raises(ValidationError, match="another visit"):
        observe(
            other,
            world.supervisor_a1,
            world.teacher_a1,
            Role.TEACHER,
            world.rubric,
            client_id=client_id,
        )


class TestObservedPractice:
    def test_selector_counts_submitted_observations_only(self, world: World) -> None:
        visit = recording(world)
        observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric, score=2)
        assert selectors.observed_practice_for(person=world.teacher_a1) == (0, None, 4)
        services.visit_transition(actor=world.supervisor_a1, visit=visit, to_state=State.SUBMITTED)
        later = make_visit(world.year_a1, date(2026, 11, 2), state=State.IN_PROGRESS)
        observe(later, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric, score=4)
        services.visit_transition(actor=world.supervisor_a1, visit=later, to_state=State.SUBMITTED)
        assert selectors.observed_practice_for(person=world.teacher_a1) == (2, 3.0, 4)

    def test_scores_on_different_scales_are_put_on_the_longest(self, world: World) -> None:
        five = RubricFactory(session_type="team_meeting", scale=rubric_data(levels=5)["scale"])
        visit = recording(world)
        observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric, score=4)
        observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, five, score=1)
        services.visit_transition(actor=world.supervisor_a1, visit=visit, to_state=State.SUBMITTED)
        # 4 of 4 is 5 of 5; 1 stays 1: the mean is 3 of 5.
        assert selectors.observed_practice_for(person=world.teacher_a1) == (2, 3.0, 5)

    def test_the_signal_goes_after_commit_on_submit_and_on_return(
        self, world: World, django_capture_on_commit_callbacks: Any
    ) -> None:
        received: list[dict[str, Any]] = []

        def listener(sender: Any, **kwargs: Any) -> None:
            received.append(kwargs)

        observed_practice_changed.connect(listener)
        try:
            visit = recording(world)
            observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
            with django_capture_on_commit_callbacks(execute=False) as callbacks:
                services.visit_transition(
                    actor=world.supervisor_a1, visit=visit, to_state=State.SUBMITTED
                )
            assert received == []
            with django_capture_on_commit_callbacks(execute=True):
                for callback in callbacks:
                    callback()
            assert [
                (r["person_id"], r["observation_count"], r["average_score"], r["scale_max"])
                for r in received
            ] == [(world.teacher_a1.pk, 1, 3.0, 4)]
            received.clear()
            with django_capture_on_commit_callbacks(execute=True):
                services.visit_transition(
                    actor=world.leader_a1,
                    visit=visit,
                    to_state=State.IN_PROGRESS,
                    reason="Correct the evidence",
                )
            assert [(r["person_id"], r["observation_count"]) for r in received] == [
                (world.teacher_a1.pk, 0)
            ]
        finally:
            observed_practice_changed.disconnect(listener)


def test_saving_a_rubric_in_the_admin_publishes_a_version_by_the_editor(
    world: World, rf: Any
) -> None:
    from django.contrib.messages.storage.fallback import FallbackStorage

    from supervision.wagtail_hooks import publish_edited_rubric

    request = rf.post("/admin/snippets/supervision/rubric/edit/1/")
    request.user = world.trainer
    request.session = {}
    request._messages = FallbackStorage(request)
    world.rubric.name_en = "Lesson (revised)"
    world.rubric.save()
    publish_edited_rubric(request, world.rubric)
    latest = world.rubric.versions.order_by("-number").first()
    assert (latest.number, latest.created_by) == (2, world.trainer)
    assert "version 2" in " ".join(str(m) for m in request._messages)
    # Saving again without a change publishes nothing new.
    publish_edited_rubric(request, world.rubric)
    assert world.rubric.versions.count() == 2
