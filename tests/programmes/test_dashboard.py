"""Who counts as trained, target arithmetic, the dashboard's drill-down, scoping, exports."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from certificates import services as certificate_services
from certificates.models import Certificate
from courses import services as course_services
from courses.models import CoursePage, ModulePage
from people.roles import Role
from programmes import selectors, services
from programmes.models import (
    Milestone,
    Programme,
    RequiredCourse,
    Target,
    TrainedRule,
    TrainedStatus,
)
from tests.factories import (
    RegionFactory,
    SchoolFactory,
    TrainingAreaFactory,
    UserFactory,
    activate_totp,
    grant,
)
from tests.factories.courses import course_page

pytestmark = pytest.mark.django_db


def complete(person: Any, course: CoursePage) -> None:
    course_services.enrolment_create(actor=person, person=person, course=course, source="rule")
    for module in ModulePage.objects.child_of(course):
        course_services.module_mark_done(person=person, module=module)


class World:
    def __init__(self, capture: Any) -> None:
        self.region_a = RegionFactory(code="region-a", name_en="Region A")
        self.region_b = RegionFactory(code="region-b", name_en="Region B")
        self.a1 = SchoolFactory(region=self.region_a, code="a1", name_en="School A1")
        self.a2 = SchoolFactory(region=self.region_a, code="a2", name_en="School A2")
        self.b1 = SchoolFactory(region=self.region_b, code="b1", name_en="School B1")
        self.autism = TrainingAreaFactory(code="autism")
        self.tutor_course = course_page(
            "Autism support", modules=1, audiences=[("tutor", self.autism, False)]
        )
        self.teacher_course = course_page(
            "Adapting lessons", modules=1, audiences=[("teacher", None, False)]
        )
        self.programme = Programme.objects.create(
            code="iesr",
            name_kk="Бағдарлама",
            name_ru="Программа",
            name_en="Programme",
            starts_on=timezone.localdate() - timedelta(days=60),
            ends_on=timezone.localdate() + timedelta(days=200),
        )
        self.programme.regions.add(self.region_a, self.region_b)
        self.programme.save()  # parental many-to-many relations are written on save
        RequiredCourse.objects.create(
            programme=self.programme,
            role="tutor",
            training_area=self.autism,
            course=self.tutor_course,
        )
        RequiredCourse.objects.create(
            programme=self.programme, role="teacher", course=self.teacher_course
        )
        for role in ("tutor", "teacher"):
            TrainedRule.objects.create(programme=self.programme, role=role)
        self.main = Target.objects.create(
            programme=self.programme, number=5, deadline=timezone.localdate() + timedelta(days=30)
        )
        Milestone.objects.create(target=self.main, date=timezone.localdate(), number=4)
        self.target_a = Target.objects.create(
            programme=self.programme, region=self.region_a, number=3, deadline=self.main.deadline
        )
        self.tutors_a = Target.objects.create(
            programme=self.programme,
            region=self.region_a,
            role="tutor",
            training_area=self.autism,
            number=2,
            deadline=self.main.deadline,
        )

        def person(name: str, role: str, school: Any, area: Any = None) -> Any:
            user = UserFactory(full_name=name)
            grant(user, role, school=school, training_area=area if role == "tutor" else None)
            return user

        with capture(execute=True):
            self.tutor_trained = person("Tutor trained", "tutor", self.a1, self.autism)
            self.tutor_going = person("Tutor going", "tutor", self.a1, self.autism)
            self.teacher_trained = person("Teacher trained", "teacher", self.a2)
            self.teacher_b = person("Teacher B", "teacher", self.b1)
            self.both = person("Both roles", "tutor", self.a1, self.autism)
            grant(self.both, "teacher", school=self.a1)
            self.revoked = person("Revoked one", "teacher", self.a2)
            self.expired = person("Expired one", "teacher", self.b1)
        with capture(execute=True):
            complete(self.tutor_trained, self.tutor_course)
            complete(self.teacher_trained, self.teacher_course)
            complete(self.both, self.teacher_course)  # trained as a teacher, not as a tutor
            complete(self.revoked, self.teacher_course)
            complete(self.expired, self.teacher_course)
            course_services.enrolment_create(
                actor=self.tutor_going, person=self.tutor_going, course=self.tutor_course
            )
            course_services.enrolment_create(
                actor=self.teacher_b, person=self.teacher_b, course=self.teacher_course
            )
        manager = UserFactory()
        grant(manager, Role.PROGRAMME_MANAGER)
        self.manager = manager
        with capture(execute=True):
            certificate_services.certificate_revoke(
                actor=manager,
                certificate=Certificate.objects.get(person=self.revoked),
                reason="Issued by mistake",
            )
            Certificate.objects.filter(person=self.expired).update(
                expires_on=timezone.localdate() - timedelta(days=1)
            )
        services.statuses_refresh(programme=self.programme)


@pytest.fixture
def world(django_capture_on_commit_callbacks: Any) -> World:
    return World(django_capture_on_commit_callbacks)


def stages(world: World) -> dict[tuple[str, str], int]:
    return {
        (s.person.full_name, s.role): s.stage
        for s in TrainedStatus.objects.filter(programme=world.programme).select_related("person")
    }


class TestTrained:
    def test_the_rule_per_person_and_role(self, world: World) -> None:
        found = stages(world)
        Stage = TrainedStatus.Stage
        assert found[("Tutor trained", "tutor")] == Stage.CERTIFIED
        assert found[("Teacher trained", "teacher")] == Stage.CERTIFIED
        assert found[("Both roles", "teacher")] == Stage.CERTIFIED
        assert found[("Both roles", "tutor")] == Stage.NONE
        assert found[("Tutor going", "tutor")] == Stage.ENROLLED
        assert found[("Teacher B", "teacher")] == Stage.ENROLLED
        assert found[("Revoked one", "teacher")] == Stage.COMPLETED  # certificate revoked
        assert found[("Expired one", "teacher")] == Stage.COMPLETED  # certificate expired

    def test_targets_count_distinct_people_in_their_scope(self, world: World) -> None:
        progress = {
            p.target.pk: p for p in selectors.target_progress(world.manager, world.programme)
        }
        assert progress[world.main.pk].trained == 3  # tutor, teacher, both (once)
        assert progress[world.target_a.pk].trained == 3
        assert progress[world.tutors_a.pk].trained == 1
        assert progress[world.main.pk].expected_now == 4
        assert progress[world.main.pk].behind

    def test_the_filters_apply_to_the_target_cards(self, client: Client, world: World) -> None:
        tutors = selectors.Filters(role="tutor")
        kept = {
            p.target.pk for p in selectors.target_progress(world.manager, world.programme, tutors)
        }
        assert kept == {world.tutors_a.pk}  # the tutors' target only, not those for all staff
        teachers = selectors.Filters(role="teacher")
        assert selectors.target_progress(world.manager, world.programme, teachers) == []
        activate_totp(world.manager)
        client.force_login(world.manager)
        page = client.get(reverse("programme_dashboard", args=["iesr"]), {"role": "teacher"})
        assert "No target is set for the role or training area chosen." in page.content.decode()

    def test_observed_practice_when_the_rule_asks_for_it(self, world: World) -> None:
        from people.signals import observed_practice_changed

        TrainedRule.objects.filter(programme=world.programme, role="tutor").update(
            observed_sessions=2, min_average_percent=75
        )
        services.statuses_refresh(programme=world.programme)
        assert stages(world)[("Tutor trained", "tutor")] == TrainedStatus.Stage.COMPLETED
        observed_practice_changed.send(
            sender=None,
            person_id=world.tutor_trained.pk,
            observation_count=2,
            average_score=3.5,
            scale_max=4,
        )
        services.statuses_refresh(programme=world.programme)
        assert stages(world)[("Tutor trained", "tutor")] == TrainedStatus.Stage.CERTIFIED

    def test_a_new_certificate_refreshes_the_person_by_itself(
        self, world: World, django_capture_on_commit_callbacks: Any
    ) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            complete(world.teacher_b, world.teacher_course)
        assert stages(world)[("Teacher B", "teacher")] == TrainedStatus.Stage.CERTIFIED

    def test_the_funnel_counts_people_at_each_stage_or_further(self, world: World) -> None:
        statuses = TrainedStatus.objects.filter(programme=world.programme)
        assert selectors.funnel(statuses) == [(0, 7), (1, 7), (2, 5), (3, 5), (4, 3)]


class TestPages:
    def client_for(self, client: Client, person: Any) -> Client:
        activate_totp(person)
        client.force_login(person)
        return client

    def test_manager_sees_every_region_and_can_drill_down(
        self, client: Client, world: World
    ) -> None:
        client = self.client_for(client, world.manager)
        body = client.get(reverse("programme_dashboard", args=["iesr"])).content.decode()
        assert "Region A" in body
        assert "Region B" in body
        body = client.get(reverse("programme_region", args=["iesr", "region-a"])).content.decode()
        assert "School A1" in body
        assert "School B1" not in body
        body = client.get(reverse("programme_school", args=["iesr", "a1"])).content.decode()
        assert "Tutor trained" in body

    def test_the_funders_line_is_in_the_reading_language(
        self, client: Client, world: World
    ) -> None:
        Programme.objects.filter(pk=world.programme.pk).update(
            funders_kk="Қор бағдарламасы", funders_ru="Программа фонда", funders_en="Fund programme"
        )
        client = self.client_for(client, world.manager)
        for language, line, others in [
            ("ru", "Программа фонда", ["Fund programme", "Қор бағдарламасы"]),
            ("kk", "Қор бағдарламасы", ["Fund programme", "Программа фонда"]),
            ("en", "Fund programme", ["Программа фонда", "Қор бағдарламасы"]),
        ]:
            body = client.get(f"/{language}/programmes/iesr/").content.decode()
            assert line in body
            assert not any(other in body for other in others)

    def test_a_coordinator_sees_only_their_region(self, client: Client, world: World) -> None:
        coordinator = UserFactory()
        grant(coordinator, Role.REGIONAL_COORDINATOR, region=world.region_b)
        client = self.client_for(client, coordinator)
        response = client.get(reverse("programme_dashboard", args=["iesr"]))
        board = response.context["board"]
        assert [row.name for row in board.regions] == ["Region B"]
        assert board.targets == []  # no target is set for region B
        assert client.get(reverse("programme_region", args=["iesr", "region-a"])).status_code == 404
        assert client.get(reverse("programme_school", args=["iesr", "a1"])).status_code == 404

    def test_a_school_leader_sees_only_their_school(self, client: Client, world: World) -> None:
        leader = UserFactory()
        grant(leader, Role.SCHOOL_LEADER, school=world.a2)
        client.force_login(leader)
        response = client.get(reverse("programme_school", args=["iesr", "a2"]))
        assert response.status_code == 200
        assert "Teacher trained" in response.content.decode()
        assert client.get(reverse("programme_school", args=["iesr", "a1"])).status_code == 404

    def test_learners_do_not_see_dashboards(self, client: Client, world: World) -> None:
        client.force_login(world.teacher_trained)
        assert client.get(reverse("programme_dashboard", args=["iesr"])).status_code == 403

    def test_exports_are_safe_to_open(self, client: Client, world: World) -> None:
        world.teacher_trained.full_name = "=cmd|' /C calc'!A0"
        world.teacher_trained.save()
        client = self.client_for(client, world.manager)
        response = client.get(reverse("programme_school", args=["iesr", "a2"]), {"export": "csv"})
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        names = [row[0] for row in rows[1:]]
        assert "'=cmd|' /C calc'!A0" in names
        response = client.get(
            reverse("programme_dashboard", args=["iesr"]), {"export": "xlsx", "table": "targets"}
        )
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        assert client.get(reverse("programme_indicators", args=["iesr"])).status_code == 200

    def test_a_filtered_export_is_named_after_its_filter_and_states_it(
        self, client: Client, world: World
    ) -> None:
        client = self.client_for(client, world.manager)
        for url, table in (
            (reverse("programme_dashboard", args=["iesr"]), "regions"),
            (reverse("programme_dashboard", args=["iesr"]), "targets"),
            (reverse("programme_school", args=["iesr", "a2"]), ""),
        ):
            response = client.get(url, {"export": "csv", "table": table, "role": Role.TEACHER})
            assert response.status_code == 200
            assert '-teacher.csv"' in response["Content-Disposition"]
            rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
            assert rows[0] == ["Role", "Teacher"]
            assert rows[1] == []
            # Unfiltered, the table starts at once and the name carries no filter.
            plain = client.get(url, {"export": "csv", "table": table})
            assert "-teacher" not in plain["Content-Disposition"]
            assert next(csv.reader(io.StringIO(plain.content.decode("utf-8-sig"))))[0] != "Role"

    def test_the_chart_has_a_table_alternative(self, client: Client, world: World) -> None:
        client = self.client_for(client, world.manager)
        body = client.get(reverse("programme_dashboard", args=["iesr"])).content.decode()
        assert 'role="img"' in body
        assert "The chart as a table" in body

    def test_dashboard_queries_do_not_grow_with_people(
        self, client: Client, world: World, django_assert_max_num_queries: Any
    ) -> None:
        client = self.client_for(client, world.manager)
        url = reverse("programme_dashboard", args=["iesr"])
        client.get(url)
        # Growth of observed practice adds a constant three (the programme's schools, the
        # calibration rule, the scores); its own test adds observed staff.
        with django_assert_max_num_queries(23):
            client.get(url)
        for number in range(30):
            extra = UserFactory()
            grant(extra, "teacher", school=[world.a1, world.a2, world.b1][number % 3])
        services.statuses_refresh(programme=world.programme)
        with django_assert_max_num_queries(23):
            client.get(url)


def test_expected_by_follows_the_milestones() -> None:
    target = Target(number=300, deadline=date(2026, 12, 31))
    target.pk = None
    start = date(2026, 8, 15)
    # Without milestones the line is straight.
    assert target.expected_by(start, start) == 0
    assert target.expected_by(date(2026, 12, 31), start) == 300
