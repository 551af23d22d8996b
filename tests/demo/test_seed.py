"""The demo programme: realistic, deterministic, idempotent, and every printed login works.

Building the demo takes a while, so one test builds it twice and checks everything.
"""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core import mail
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale

from certificates.models import Certificate, today_in_almaty
from certificates.pdf import years_later
from certificates.renewal_states import annotate
from courses.models import CoursePage, Enrolment, ModulePage
from demo.courses import courses
from demo.loader import LANGUAGES
from people.models import Region, RoleMembership, School, User
from people.roles import Role

pytestmark = pytest.mark.django_db

DEMO_APPS = {
    "people",
    "account",
    "mfa",
    "auth",
    "courses",
    "certificates",
    "supervision",
    "programmes",
}


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in DEMO_APPS
    }


def test_the_demo_is_realistic_idempotent_and_its_logins_work() -> None:
    output = seed()
    first = counts()
    snapshot = list(User.objects.order_by("pk").values_list("email", "full_name", "password"))
    assert mail.outbox == []  # building the demo e-mails nobody

    # Places: all regions and cities; the programme's eight places with two schools each.
    assert Region.objects.count() == 20
    schools = School.objects.select_related("region", "support_room")
    assert schools.count() == 16
    assert {school.region.code for school in schools} == {
        "almaty-region",
        "atyrau",
        "west-kazakhstan",
        "east-kazakhstan",
        "zhambyl",
        "turkestan",
        "kostanay",
        "astana",
    }
    assert all(school.support_room.sen_places == 40 for school in schools)

    # People in every role, named in two alphabets.
    assert set(RoleMembership.objects.values_list("role", flat=True)) == set(Role.values)
    assert 300 <= User.objects.count() <= 400
    person = User.objects.exclude(full_name_alt="").first()
    assert person is not None
    assert re.search(r"[А-Яа-яӘәҒғҚқҢңӨөҰұҮүІі]", person.full_name)
    assert re.fullmatch(r"[A-Za-zÄäĞğÑñÖöŪūÜüİıŞş .\-]+", person.full_name_alt)

    # Courses in three languages, and learners at every stage.
    for language in ("kk", "ru", "en"):
        # The data files' eight courses, and the teachers' refresher course.
        assert CoursePage.objects.filter(locale__language_code=language).count() == 9
    # They are the data files' courses, each with its modules, in each of its languages.
    for spec in courses():
        original = CoursePage.objects.get(slug=spec["key"], locale__language_code="kk")
        for language in LANGUAGES:
            page = original.get_translation(Locale.objects.get(language_code=language))
            assert (page.title, page.live) == (spec["title"][language], True)
            modules = ModulePage.objects.child_of(page).order_by("path")
            assert [m.title for m in modules] == [m["title"][language] for m in spec["modules"]]
    stages = {
        "not started": Enrolment.objects.filter(required_done=0, status="active").count(),
        "part-way": Enrolment.objects.filter(required_done__gt=0, status="active").count(),
        "completed": Enrolment.objects.filter(status="completed").count(),
    }
    assert all(stages.values()), stages

    # Recertification: an older cohort, some due, some overdue, one lapsed, one renewed
    # through the refresher course; and the school leader of the previous cycle, overdue.
    older = annotate(
        list(Certificate.objects.filter(course__slug="teacher-lesson", renews__isnull=True))
    )
    soon = today_in_almaty() + timedelta(days=365)
    states = [c.renewal_state for c in older if c.expires_on and c.expires_on < soon]
    assert sorted(states) == ["due", "due", "lapsed", "overdue", "overdue", "overdue", "renewed"]
    renewed = Certificate.objects.get(renews__isnull=False)
    assert renewed.course.slug == "teacher-lesson-refresher"
    assert renewed.expires_on == years_later(renewed.renews.expires_on, 5)
    # The specialists' course is renewed by retaking it: one specialist is due and has
    # started it afresh, the completed cycle kept with its certificate.
    retaking = Enrolment.objects.get(course__slug="specialist-iep", cycle=2)
    assert (retaking.status, retaking.percent) == ("active", 0)
    first_cycle = Enrolment.with_history.get(
        person=retaking.person, course=retaking.course, cycle=1
    )
    assert first_cycle.archived_at is not None
    [previous] = annotate([Certificate.objects.get(enrolment=first_cycle)])
    assert previous.renewal_state == "due"

    # Targets that fit: each region's within its staff, and among the schools with a
    # target of their own some on track and some behind.
    from programmes.models import Programme, ProgrammePerson, Target
    from programmes.selectors.areas import target_progress

    programme = Programme.objects.get(code="iesr")
    for target in Target.objects.filter(programme=programme, region__isnull=False, role=""):
        staff = ProgrammePerson.objects.filter(programme=programme, region=target.region_id)
        assert 0 < target.number <= staff.count()
    manager = User.objects.get(email="manager@qamqor.example")
    schools = [p for p in target_progress(manager, programme) if p.target.school_id]
    assert {p.behind for p in schools} == {True, False}

    # A second run changes nothing.
    seed()
    assert counts() == first
    assert (
        list(User.objects.order_by("pk").values_list("email", "full_name", "password")) == snapshot
    )

    # Every printed login signs in.
    password = re.search(r"password for all: (\S+)\)", output)
    assert password
    logins = re.findall(r"^\s+.+?\s{2,}(\S+@\S+)", output, flags=re.MULTILINE)
    assert len(logins) == 11
    assert "lead.trainer@qamqor.example" in logins
    for email in logins:
        client = Client()
        response = client.post(
            "/en/accounts/login/", {"login": email, "password": password.group(1)}
        )
        assert response.status_code == 302, email
        assert client.get("/en/").wsgi_request.user.email == email
