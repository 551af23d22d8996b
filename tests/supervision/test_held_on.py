"""A visit recorded on another day than planned shows the day it took place (the planned
day stays as planned) in the report, the e-mails and the observed person's chart."""

from __future__ import annotations

import datetime
import re
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from people.roles import Role
from supervision import services
from supervision.models import Visit
from supervision.selectors.practice import practice_for
from tests.factories.supervision import add_point, make_visit, observe

from .conftest import World

PLANNED = date(2026, 10, 5)
HELD = date(2026, 10, 7)


def visit_held_two_days_late(world: World) -> Visit:
    visit = make_visit(world.year_a1, PLANNED, state=Visit.State.IN_PROGRESS)
    observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
    started = datetime.datetime(2026, 10, 7, 9, 30, tzinfo=timezone.get_current_timezone())
    Visit.objects.filter(pk=visit.pk).update(started_at=started)
    visit.refresh_from_db()
    return visit


def test_the_day_it_took_place_is_told_apart_from_the_plan(world: World) -> None:
    visit = visit_held_two_days_late(world)
    assert visit.held_on == HELD
    assert visit.planned_on == PLANNED  # the plan is not rewritten
    assert visit.held_on_another_day
    on_time = make_visit(world.year_a1, PLANNED)
    assert on_time.held_on == PLANNED
    assert not on_time.held_on_another_day


def test_the_report_and_the_sign_off_mail_give_the_day_it_took_place(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    visit = visit_held_two_days_late(world)
    with translation.override("en"):
        html = render_to_string(
            "supervision/report/visit_report.html",
            {"visit": visit, "observations": [], "reviews": [], "photos": []},
        )
    assert "7 October 2026" in html.split("<h1")[1].split("</h1>")[0]
    assert "Planned for" in html
    assert "5 October 2026" in html

    world.leader_a1.preferred_language = "en"
    world.leader_a1.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.visit_transition(
            actor=world.supervisor_a1, visit=visit, to_state=Visit.State.SUBMITTED
        )
    sent = [m for m in mail.outbox if world.leader_a1.email in m.to]
    assert sent, [m.subject for m in mail.outbox]
    assert "5 October" not in f"{sent[0].subject} {sent[0].body}"
    assert "7 October" in sent[0].subject
    assert "7 October 2026" in sent[0].body


def test_the_chart_places_the_observation_on_the_day_it_took_place(world: World) -> None:
    visit = visit_held_two_days_late(world)
    Visit.objects.filter(pk=visit.pk).update(state=Visit.State.SUBMITTED)
    practice = practice_for(user=world.teacher_a1, person=world.teacher_a1, today=HELD)
    assert practice.charts, "the observed person has a chart"
    assert practice.charts[0].dates == [HELD]


def test_every_page_that_names_the_visit_gives_the_day_it_took_place(
    world: World, client: Any
) -> None:
    visit = visit_held_two_days_late(world)
    observation = visit.observations.get()
    point = add_point(visit, world.supervisor_a1, world.teacher_a1)
    world.supervisor_a1.preferred_language = "en"
    world.supervisor_a1.save()
    client.force_login(world.supervisor_a1)
    pages = {
        "visit": reverse("supervision:visit_detail", kwargs={"public_id": visit.public_id}),
        "year": reverse("supervision:year_detail", kwargs={"public_id": visit.year.public_id}),
        "observation": reverse(
            "supervision:observation_detail", kwargs={"public_id": observation.public_id}
        ),
        "action points": reverse("supervision:action_point_list"),
        "action point": reverse(
            "supervision:action_point_edit", kwargs={"public_id": point.public_id}
        ),
        "caseload": reverse("supervision:caseload"),
    }
    for name, url in pages.items():
        with translation.override("en"):
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200, name
        body = response.content.decode()
        assert "7 October" in body or "7 Oct" in body, name
        for planned in ("5 October 2026", "Mon 5 October"):
            if planned in body:
                # The planned day appears only where it is labelled as the plan.
                assert "lanned for" in body, name
    visit_page = client.get(pages["visit"]).content.decode()
    assert "Planned for" in visit_page


def test_action_points_are_dated_from_the_day_it_took_place(world: World) -> None:
    visit = visit_held_two_days_late(world)
    with pytest.raises(ValidationError) as refused:
        services.action_point_save(
            actor=world.supervisor_a1,
            visit=visit,
            client_id=uuid.uuid4(),
            description="Put up a visual timetable",
            owner=world.teacher_a1,
            due_on=HELD - datetime.timedelta(days=1),
        )
    assert "due_on" in refused.value.message_dict


# Where a template may print a visit's planned day: the plan itself (labelled as planned),
# a moved visit's old and new plan, and the reminder of a visit still to come.
PLANNED_DAY_ALLOWED = {
    "email/supervision_reminder_visit_upcoming_message.html",
    "email/supervision_reminder_visit_upcoming_message.txt",
    "email/supervision_reminder_visit_upcoming_subject.txt",
}
PLANNED_LABELS = ("Planned for", "planned for", "moved from", "Moved from", "Moved to")


def test_templates_print_the_planned_day_only_as_the_plan() -> None:
    root = Path(settings.BASE_DIR) / "templates"
    offenders = []
    for path in root.rglob("*"):
        if not path.is_file() or str(path.relative_to(root)) in PLANNED_DAY_ALLOWED:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            for match in re.finditer(r"planned_on\|date", line):
                near = line[max(0, match.start() - 200) : match.end() + 100]
                if not any(label in near for label in PLANNED_LABELS):
                    offenders.append(f"{path.relative_to(root)}:{number}")
    assert not offenders, (
        "a visit is named by the day it took place (visit.held_on); the planned day is "
        f"printed only labelled as the plan: {offenders}"
    )


# The figures counted in the database take the same day: the day the visit took place.


def test_last_observed_is_the_day_it_took_place(world: World) -> None:
    from supervision.selectors.records import last_observed_on

    visit = visit_held_two_days_late(world)
    Visit.objects.filter(pk=visit.pk).update(state=Visit.State.SUBMITTED)
    assert last_observed_on(person=world.teacher_a1) == HELD


def test_calibration_is_judged_on_the_day_it_took_place(world: World) -> None:
    from supervision.models import Calibration, CalibrationSettings
    from supervision.selectors import observed_practice_for
    from tests.factories.supervision import make_exercise
    from tests.supervision.test_calibration import submit

    visit = visit_held_two_days_late(world)
    Visit.objects.filter(pk=visit.pk).update(state=Visit.State.SUBMITTED)
    rules = CalibrationSettings.load()
    rules.required_for_practice = True
    rules.save()
    # Calibrated until the day after the plan: valid on the planned day, lapsed when held.
    calibration = submit(world, make_exercise(world.version), [3, 3, 3]).calibration
    Calibration.objects.filter(pk=calibration.pk).update(
        calibrated_on=date(2026, 9, 1), valid_until=date(2026, 10, 6)
    )
    assert observed_practice_for(person=world.teacher_a1)[0] == 0
    Calibration.objects.filter(pk=calibration.pk).update(valid_until=HELD)
    assert observed_practice_for(person=world.teacher_a1)[0] == 1
    Calibration.objects.filter(pk=calibration.pk).update(calibrated_on=date(2026, 10, 6))
    assert observed_practice_for(person=world.teacher_a1)[0] == 1  # calibrated before held


def test_growth_counts_a_visit_in_the_window_of_the_day_it_took_place(world: World) -> None:
    from supervision.models import Observation
    from supervision.selectors.growth import growth_rows

    visit = visit_held_two_days_late(world)
    Visit.objects.filter(pk=visit.pk).update(state=Visit.State.SUBMITTED)
    observations = Observation.objects.filter(visit=visit)
    assert growth_rows(observations, starts_on=date(2026, 10, 6), ends_before=date(2026, 10, 8))
    assert not growth_rows(observations, starts_on=date(2026, 10, 1), ends_before=date(2026, 10, 6))
