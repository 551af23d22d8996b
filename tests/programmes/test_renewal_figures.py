"""Trained without a gap through recertification, and the dashboard's renewal columns at
the edges of their windows: due in the next 90 days, and overdue."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from certificates import renewal
from certificates.models import Certificate, Renewal, RenewalRule
from courses import services as course_services
from courses.models import CoursePage, ModulePage
from people.roles import Role
from programmes import selectors, services
from programmes.models import Programme, RequiredCourse, TrainedRule, TrainedStatus
from tests.factories import RegionFactory, SchoolFactory, UserFactory, activate_totp, grant
from tests.factories.courses import course_page

pytestmark = pytest.mark.django_db


def complete(person: Any, course: CoursePage) -> None:
    course_services.enrolment_create(actor=person, person=person, course=course, source="rule")
    for module in ModulePage.objects.child_of(course):
        course_services.module_mark_done(person=person, module=module)


@pytest.fixture
def programme_world(django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    region = RegionFactory(code="renew-region", name_en="Renewal region")
    school = SchoolFactory(region=region, code="renew-1", name_en="Renewal school")
    course = course_page("Adapting lessons", modules=1, audiences=[("teacher", None, False)])
    refresher = course_page(
        "Adapting lessons: refresher", modules=1, audiences=[("teacher", None, False)]
    )
    programme = Programme.objects.create(
        code="renew",
        name_kk="Бағдарлама",
        name_ru="Программа",
        name_en="Programme",
        starts_on=timezone.localdate() - timedelta(days=60),
        ends_on=timezone.localdate() + timedelta(days=400),
    )
    programme.regions.add(region)
    programme.save()
    RequiredCourse.objects.create(programme=programme, role="teacher", course=course)
    TrainedRule.objects.create(programme=programme, role="teacher")
    rule = RenewalRule.objects.create(course=course, validity_years=5, window_months=6)
    rule.path_courses.set([refresher])
    people = {}
    with django_capture_on_commit_callbacks(execute=True):
        for name in ("due", "later", "overdue", "renewed", "edge"):
            people[name] = UserFactory(full_name=f"Teacher {name}")
            grant(people[name], "teacher", school=school)
    with django_capture_on_commit_callbacks(execute=True):
        for person in people.values():
            complete(person, course)
    manager = UserFactory(full_name="Manager")
    grant(manager, Role.PROGRAMME_MANAGER)
    return {
        "programme": programme,
        "region": region,
        "school": school,
        "course": course,
        "refresher": refresher,
        "people": people,
        "manager": manager,
    }


def expire(person: Any, course: CoursePage, days: int) -> Certificate:
    Certificate.objects.filter(person=person, course=course).update(
        expires_on=timezone.localdate() + timedelta(days=days)
    )
    return Certificate.objects.get(person=person, course=course)


def statuses(programme: Programme) -> dict[str, TrainedStatus]:
    services.statuses_refresh(programme=programme)
    return {
        s.person.full_name.split()[-1]: s
        for s in TrainedStatus.objects.filter(programme=programme).select_related("person")
    }


def test_the_renewal_columns_at_their_edges_and_no_gap(
    programme_world: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    w = programme_world
    people, course = w["people"], w["course"]
    expire(people["due"], course, 30)
    expire(people["edge"], course, 90)  # the last day that is "in the next 90 days"
    expire(people["later"], course, 91)
    expire(people["overdue"], course, -1)  # expired yesterday, not renewed
    old = expire(people["renewed"], course, 20)
    with django_capture_on_commit_callbacks(execute=True):
        # In the window: due, edge, later, renewed; and overdue, late but within grace.
        assert renewal.renewals_open() == 5
        complete(people["renewed"], w["refresher"])
    renewed = Certificate.objects.get(renews=old)
    assert renewed.counts_for == course
    # The old certificate has now ended: the renewed one carries the person, no gap.
    Certificate.objects.filter(pk=old.pk).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )

    found = statuses(w["programme"])
    trained = {name for name, s in found.items() if s.stage == TrainedStatus.Stage.CERTIFIED}
    assert trained == {"due", "edge", "later", "renewed"}
    assert found["renewed"].valid_until == renewed.expires_on
    assert not found["renewed"].overdue
    assert found["overdue"].overdue
    assert found["overdue"].stage != TrainedStatus.Stage.CERTIFIED

    rows = selectors.region_rows(w["manager"], w["programme"], selectors.Filters())
    (row,) = [r for r in rows if r.key == w["region"].pk]
    assert (row.trained, row.renewal_due, row.renewal_overdue) == (4, 2, 1)
    schools = selectors.school_rows(w["manager"], w["programme"], w["region"], selectors.Filters())
    assert [(s.renewal_due, s.renewal_overdue) for s in schools] == [(2, 1)]
    # A role filter narrows the figures as it does the others.
    tutors = selectors.region_rows(w["manager"], w["programme"], selectors.Filters(role="tutor"))
    assert all(r.renewal_due == 0 for r in tutors)


def test_a_revoked_certificate_renewed_nothing_and_counts_once(
    programme_world: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    from certificates import services as certificate_services

    w = programme_world
    person, course = w["people"]["due"], w["course"]
    old = expire(person, course, 30)
    with django_capture_on_commit_callbacks(execute=True):
        renewal.renewals_open()
        certificate_services.certificate_revoke(
            actor=w["manager"], certificate=old, reason="Issued in error"
        )
        complete(person, w["refresher"])
    assert Renewal.objects.get(certificate=old).status == Renewal.Status.CANCELLED
    found = statuses(w["programme"])
    # The refresher's certificate counts for nothing the programme requires.
    assert found["due"].stage != TrainedStatus.Stage.CERTIFIED
    assert TrainedStatus.objects.filter(person=person).count() == 1


def test_the_dashboard_export_has_the_renewal_columns(
    programme_world: dict[str, Any], client: Client
) -> None:
    w = programme_world
    expire(w["people"]["due"], w["course"], 30)
    services.statuses_refresh(programme=w["programme"])
    activate_totp(w["manager"])
    client.force_login(w["manager"])
    response = client.get(
        reverse("programme_dashboard", kwargs={"code": "renew"}) + "?export=csv",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    header, *lines = text.splitlines()
    assert header.endswith("Renewal due in 90 days,Renewal overdue")
    assert any(line.endswith(",1,0") for line in lines)


def test_the_school_leader_sees_who_is_due_on_the_staff_list(
    programme_world: dict[str, Any], client: Client
) -> None:
    w = programme_world
    expire(w["people"]["due"], w["course"], 30)
    expire(w["people"]["overdue"], w["course"], -3)
    services.statuses_refresh(programme=w["programme"])
    leader = UserFactory(full_name="Leader")
    grant(leader, Role.SCHOOL_LEADER, school=w["school"])
    client.force_login(leader)
    response = client.get(
        reverse("programme_school", args=["renew", "renew-1"]), HTTP_ACCEPT_LANGUAGE="en"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("renewal-state--due") == 1
    assert body.count("renewal-state--lapsed") == 0
    assert body.count("renewal-state--overdue") == 1
    assert body.count("renewal-state--current") == 3


def test_the_persons_record_shows_the_state_of_each_certificate(
    programme_world: dict[str, Any], client: Client
) -> None:
    w = programme_world
    person = w["people"]["due"]
    expire(person, w["course"], 30)
    activate_totp(w["manager"])
    client.force_login(w["manager"])
    response = client.get(
        reverse("training_record", kwargs={"public_id": person.public_id}),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "renewal-state--due" in response.content.decode()
