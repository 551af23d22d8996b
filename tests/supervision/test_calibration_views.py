"""Calibration pages: scoring an exercise blind, its result, the register and the agreement
report, each for the people allowed and no one else."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from supervision.models import Calibration, CalibrationAttempt
from tests.factories.supervision import make_exercise

from .conftest import World
from .test_calibration import submit


def signed_in(user: Any) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def take_url(exercise: Any) -> str:
    return reverse("supervision:calibration_take", kwargs={"public_id": exercise.public_id})


def test_calibration_page_takes_a_supervisor_to_calibrated(world: World) -> None:
    exercise = make_exercise(world.version)
    client = signed_in(world.supervisor_a1)
    index = client.get(reverse("supervision:calibration_index"))
    assert exercise.name_en in index.content.decode()
    page = client.get(take_url(exercise))
    assert page.status_code == 200
    text = page.content.decode()
    assert "hearing loss" in text
    # Blind: neither the master's levels nor their reasons are on the scoring page.
    assert "Why indicator" not in text
    scores = {f"score_{key}": "3" for key in world.version.indicator_keys()}
    answer = client.post(take_url(exercise), scores)
    attempt = CalibrationAttempt.objects.get(supervisor=world.supervisor_a1)
    assert answer.status_code == 302
    assert answer["Location"].endswith(
        reverse("supervision:calibration_result", kwargs={"public_id": attempt.public_id})
    )
    result = client.get(answer["Location"]).content.decode()
    assert "You are calibrated on" in result
    assert Calibration.objects.filter(supervisor=world.supervisor_a1).exists()
    # Coming back to the exercise shows the result, never a second form.
    again = client.get(take_url(exercise))
    assert again.status_code == 302


def test_calibration_page_refuses_bad_scores_with_a_message(world: World) -> None:
    exercise = make_exercise(world.version)
    client = signed_in(world.supervisor_a1)
    first, *rest = world.version.indicator_keys()
    response = client.post(take_url(exercise), {f"score_{key}": "3" for key in rest})
    assert response.status_code == 400
    assert "Give a score for this indicator." in response.content.decode()
    response = client.post(
        take_url(exercise), {f"score_{first}": "7", **{f"score_{key}": "3" for key in rest}}
    )
    assert response.status_code == 400
    assert not CalibrationAttempt.objects.filter(submitted_at__isnull=False).exists()


def test_calibration_result_of_an_open_attempt_sends_back_to_scoring(world: World) -> None:
    exercise = make_exercise(world.version)
    client = signed_in(world.supervisor_a1)
    _first, *rest = world.version.indicator_keys()
    client.post(take_url(exercise), {f"score_{key}": "3" for key in rest})  # refused: open
    attempt = CalibrationAttempt.objects.get()
    url = reverse("supervision:calibration_result", kwargs={"public_id": attempt.public_id})
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == take_url(exercise)
    # Another supervisor does not find it at all.
    assert signed_in(world.supervisor_b1).get(url).status_code == 404


def test_calibration_result_shows_the_master_reason_where_levels_differ(world: World) -> None:
    keys = list(world.version.indicator_keys())
    exercise = make_exercise(world.version, {keys[2]: 1})
    attempt = submit(world, exercise, [3, 3, 4])
    client = signed_in(world.supervisor_a1)
    url = reverse("supervision:calibration_result", kwargs={"public_id": attempt.public_id})
    text = client.get(url).content.decode()
    assert f"Why {keys[2]} is at this level" in text
    assert f"Why {keys[0]} is at this level" not in text
    assert "below the programme" in text


def test_calibration_register_and_agreement_report_for_coordinators(
    world: World, django_assert_max_num_queries: Any
) -> None:
    submit(world, make_exercise(world.version), [3, 3, 3])
    client = signed_in(world.coordinator_a)
    with django_assert_max_num_queries(20):
        register = client.get(reverse("supervision:calibration_register"))
    text = register.content.decode()
    assert "Supervisor A1" in text
    assert "Supervisor B1" not in text
    filtered = client.get(reverse("supervision:calibration_register"), {"status": "never"})
    assert "Supervisor A1" not in filtered.content.decode()
    report = client.get(reverse("supervision:agreement_report"))
    assert report.status_code == 200
    assert "Supervisor A1" in report.content.decode()
    for person in (world.supervisor_a1, world.leader_a1, world.teacher_a1):
        other = signed_in(person)
        assert other.get(reverse("supervision:calibration_register")).status_code == 403
        assert other.get(reverse("supervision:agreement_report")).status_code == 403


def test_calibration_exercise_is_for_supervisors_only(world: World) -> None:
    exercise = make_exercise(world.version)
    for person in (world.coordinator_a, world.teacher_a1, world.trainer):
        assert signed_in(person).get(take_url(exercise)).status_code == 403
    closed = make_exercise(world.version, publish=False, title="Draft")
    assert signed_in(world.supervisor_a1).get(take_url(closed)).status_code == 404
