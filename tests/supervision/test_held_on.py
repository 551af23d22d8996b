"""A visit recorded on another day than planned shows the day it took place (the planned
day stays as planned) in the report, the e-mails and the observed person's chart."""

from __future__ import annotations

import datetime
from datetime import date
from typing import Any

from django.core import mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from people.roles import Role
from supervision import services
from supervision.models import Visit
from supervision.selectors.practice import practice_for
from tests.factories.supervision import make_visit, observe

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
