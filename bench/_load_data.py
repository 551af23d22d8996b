"""The people the load benchmark signs in as, added to the demo programme.

Run by ``bench/load.py`` after ``migrate`` and ``seed_demo``, in the prepared database:

- 200 learners (tutors, teachers, specialists, methodologists and school leaders) at the
  demo schools, added through ``people.services.person_create``, so that the product's own
  enrolment rules enrol them in their required courses; each then gets as far in each
  course as the demo's deterministic draw says, through the same course services a
  learner's clicks use: some not started, some part-way, some completed with their
  certificate issued.
- 20 supervisors, each supervising two demo schools (added to the schools' supervision
  years through ``supervision.services.year_update``), each with a visit being recorded
  today and two planned.
- 5 programme managers.

Everyone signs in with ``PASSWORD``. Deterministic; it refuses to run twice on the same
database (the caller rebuilds the database instead). With a file name as its argument it
writes there, as JSON, the counts and each supervisor's visit being recorded.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")

DOMAIN = "bench.qamqor.example"
PASSWORD = "Bench-load-2026"  # noqa: S105  (invented accounts in a benchmark database)
LEARNERS = 200
SUPERVISORS = 20
MANAGERS = 5
# Learner roles in the proportions of the programme's staff.
LEARNER_ROLES = ["tutor"] * 8 + ["teacher"] * 7 + ["specialist"] * 2 + ["school_leader"] * 2
LEARNER_ROLES += ["methodologist"]


def learner_email(number: int) -> str:
    return f"learner{number:03d}@{DOMAIN}"


def supervisor_email(number: int) -> str:
    return f"supervisor{number:02d}@{DOMAIN}"


def manager_email(number: int) -> str:
    return f"manager{number}@{DOMAIN}"


def build() -> dict[str, Any]:
    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.core.management.base import OutputWrapper
    from django.test.utils import override_settings
    from django.utils import timezone, translation

    from certificates.models import Certificate
    from courses.models import CoursePage, Enrolment
    from demo import people as people_demo
    from demo.courses import CourseSeeder, courses
    from people.models import School, TrainingArea, User
    from people.roles import Role, Specialism
    from people.services import MembershipSpec, membership_grant, person_create
    from supervision import services as supervision
    from supervision.models import SupervisionYear, Visit

    translation.activate("en")
    out = OutputWrapper(sys.stdout)
    if User.objects.filter(email__endswith=f"@{DOMAIN}").exists():
        raise SystemExit("The load benchmark's people are already in this database.")
    admin = User.objects.get(email=f"admin@{people_demo.DEMO_DOMAIN}")
    schools = list(School.objects.order_by("code"))
    areas = list(TrainingArea.objects.order_by("sort_order"))
    specialisms = list(Specialism.values)
    names = people_demo.NameSource(seed=4242)
    password_hash = make_password(PASSWORD)  # one hash: hashing 225 times costs minutes
    started = time.perf_counter()

    def add(email: str, key: str, spec: MembershipSpec, *, female: bool, russian: bool) -> User:
        demo = names.person(key, russian=russian, female=female)
        person = person_create(
            actor=admin,
            email=email,
            full_name=demo.full_name,
            full_name_alt=demo.full_name_alt,
            preferred_language=demo.language,
            memberships=[spec],
            invite=False,
        )
        # As if they had accepted their invitation: a password and a verified address.
        User.objects.filter(pk=person.pk).update(password=password_hash)
        EmailAddress.objects.filter(user=person).update(verified=True)
        return person

    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        learners = []
        for number in range(LEARNERS):
            role = LEARNER_ROLES[number % len(LEARNER_ROLES)]
            school = schools[number % len(schools)]
            spec = MembershipSpec(
                role=role,
                school=school,
                training_area=areas[number % len(areas)] if role == Role.TUTOR else None,
                specialism=specialisms[number % len(specialisms)]
                if role == Role.SPECIALIST
                else "",
            )
            learners.append(
                add(
                    learner_email(number),
                    f"bench-learner-{number}",
                    spec,
                    female=number % 6 != 0,
                    russian=number % 3 == 0,
                )
            )
        out.write(f"learners added in {time.perf_counter() - started:.0f} s")

        # Their progress, as far as the demo's draw takes each of them.
        seeder = CourseSeeder(
            out,
            people_demo.PeopleSeedResult(logins=[], programme_start=people_demo.programme_start()),
        )
        specs = {spec["key"]: spec for spec in courses()}
        enrolments = Enrolment.objects.filter(person__in=learners).select_related("person")
        for enrolment in enrolments:
            course = CoursePage.objects.get(pk=enrolment.course_id)
            if course.slug in specs:
                seeder.progress(enrolment, course, specs[course.slug])
        out.write(f"learner progress in {time.perf_counter() - started:.0f} s")

        supervisors = []
        recording: dict[str, str] = {}
        today = timezone.localdate()
        for number in range(SUPERVISORS):
            first = schools[number % len(schools)]
            second = schools[(number + 5) % len(schools)]
            person = add(
                supervisor_email(number),
                f"bench-supervisor-{number}",
                MembershipSpec(role=Role.SUPERVISOR, school=first),
                female=number % 4 != 1,
                russian=number % 2 == 0,
            )
            membership_grant(
                actor=admin, person=person, spec=MembershipSpec(role=Role.SUPERVISOR, school=second)
            )
            supervisors.append(person)
            for school in (first, second):
                year = SupervisionYear.objects.filter(
                    school=school, starts_on__lte=today, ends_on__gte=today
                ).first()
                if year is None:
                    continue
                supervision.year_update(
                    actor=admin,
                    year=year,
                    supervisors=[*year.supervisors.all(), person],
                    frequency=year.frequency,
                )
                if school == first:
                    visit = supervision.visit_add(
                        actor=person, year=year, planned_on=today, supervisor=person
                    )
                    supervision.visit_transition(
                        actor=person, visit=visit, to_state=Visit.State.IN_PROGRESS, action="start"
                    )
                    recording[person.email] = str(visit.public_id)
                for weeks in (2, 6):
                    day = today + timedelta(weeks=weeks)
                    if day <= year.ends_on:
                        supervision.visit_add(
                            actor=person, year=year, planned_on=day, supervisor=person
                        )
        out.write(f"supervisors added in {time.perf_counter() - started:.0f} s")

        for number in range(MANAGERS):
            add(
                manager_email(number),
                f"bench-manager-{number}",
                MembershipSpec(role=Role.PROGRAMME_MANAGER),
                female=number % 2 == 0,
                russian=number % 2 == 1,
            )

    counts: dict[str, Any] = {
        "learners": len(learners),
        "enrolments": Enrolment.objects.filter(person__in=learners).count(),
        "completed": Enrolment.objects.filter(
            person__in=learners, status=Enrolment.Status.COMPLETED
        ).count(),
        "certificates": Certificate.objects.filter(person__in=learners).count(),
        "supervisors": len(supervisors),
        "visits_recording": Visit.objects.filter(
            supervisor__in=supervisors, state=Visit.State.IN_PROGRESS
        ).count(),
        "managers": MANAGERS,
    }
    result = {**counts, "recording_visits": recording}
    out.write(
        " ".join(f"{key}={value}" for key, value in counts.items())
        + f" seconds={time.perf_counter() - started:.0f}"
    )
    return result


if __name__ == "__main__":
    import json

    data = build()
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(json.dumps(data, indent=1))
