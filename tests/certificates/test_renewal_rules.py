"""Which renewal rule governs a certificate: a programme's required course, then the
course's own rule, then the rule of the template that lists the course, then the default
template's. Checked in the admin with messages, and in the opening and the states."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from certificates import renewal, renewal_states
from certificates.models import Certificate, Renewal, RenewalPath, RenewalRule, today_in_almaty
from certificates.renewal_rules import RuleBook, governed_certificates, rule_for
from courses.models import CoursePage
from programmes.models import Programme, RequiredCourse
from tests.factories import UserFactory
from tests.factories.courses import course_page

from .conftest import World
from .test_renewal import certified, expire_in, refresher  # noqa: F401  (fixtures)


def rule_of(
    courses: list[CoursePage], *, course: Any = None, template: Any = None, **fields: Any
) -> RenewalRule:
    rule = RenewalRule.objects.create(course=course, template=template, **fields)
    rule.path_courses.set(courses)
    return rule


def programme_for(world: World) -> Programme:
    programme = Programme.objects.create(
        code="renewal-programme",
        name_en="Renewal programme",
        starts_on=date(2020, 1, 1),
        ends_on=date(2030, 1, 1),
    )
    programme.regions.add(world.region_a)
    programme.save()  # a programme's places are saved with it (a parental relation)
    return programme


def test_a_template_rule_governs_the_courses_it_lists(
    world: World,
    refresher: CoursePage,  # noqa: F811
    certified: Certificate,  # noqa: F811
) -> None:
    rule = rule_of([refresher], template=certified.template, window_months=3)
    expire_in(certified, 60)
    assert rule_for(certified) == rule
    assert renewal.renewals_open() == 1
    opened = Renewal.objects.get(certificate=certified)
    assert opened.rule == rule
    assert opened.enrolment is not None
    assert opened.enrolment.course == refresher


def test_the_course_rule_wins_over_its_templates(
    world: World,
    refresher: CoursePage,  # noqa: F811
    certified: Certificate,  # noqa: F811
) -> None:
    rule_of([refresher], template=certified.template, window_months=1)
    own = rule_of([refresher], course=world.course, window_months=6)
    expire_in(certified, 60)
    # Due by the course's six-month window, though the template's one-month window is shut.
    assert rule_for(certified) == own
    [state] = renewal_states.annotate([certified])
    assert state.renewal_state == renewal_states.RenewalState.DUE
    assert renewal.renewals_open() == 1
    assert Renewal.objects.get().rule == own


def test_the_default_template_rule_covers_only_courses_no_template_lists(
    world: World,
    refresher: CoursePage,  # noqa: F811
    certified: Certificate,  # noqa: F811
) -> None:
    from certificates.models import CertificateTemplate

    default = CertificateTemplate.objects.get(is_default=True)
    rule = rule_of([refresher], template=default)
    expire_in(certified, 60)
    # The course is listed by a template without a rule: the default's rule is not its.
    assert rule_for(certified) is None
    assert not governed_certificates().filter(pk=certified.pk).exists()
    certified.template.courses = []
    certified.template.save()
    assert rule_for(certified) == rule
    assert governed_certificates().filter(pk=certified.pk).exists()


def test_a_programme_requirement_rule_wins_for_the_role_it_names(
    world: World,
    finish: Any,
    refresher: CoursePage,  # noqa: F811
    certified: Certificate,  # noqa: F811
) -> None:
    short = course_page("Autism: short refresher", modules=1, audiences=[("tutor", None, False)])
    own = rule_of([refresher], course=world.course, window_months=1)
    required = rule_of([short], window_months=6, validity_years=3)
    programme = programme_for(world)
    RequiredCourse.objects.create(
        programme=programme, role="tutor", course=world.course, renewal_rule=required
    )
    finish(world.teacher, world.course)
    teachers = Certificate.objects.get(person=world.teacher)
    expire_in(certified, 60)
    expire_in(teachers, 60)
    # The tutor holds the required role: the programme's rule; the teacher: the course's.
    assert rule_for(certified) == required
    assert rule_for(teachers) == own
    book = RuleBook.load([world.tutor.pk, world.teacher.pk])
    assert book.source(world.tutor.pk, world.course.translation_key) == "requirement"
    assert book.source(world.teacher.pk, world.course.translation_key) == "course"
    states = renewal_states.states_by_person([world.tutor.pk, world.teacher.pk])
    assert states == {world.tutor.pk: "due", world.teacher.pk: "current"}
    assert renewal.renewals_open() == 1
    opened = Renewal.objects.get()
    assert (opened.certificate, opened.rule) == (certified, required)
    assert opened.enrolment is not None
    assert opened.enrolment.course == short
    # Completing it renews with the programme rule's validity, from the old expiry.
    finish(world.tutor, short)
    renewed = Certificate.objects.get(renews=certified)
    assert renewed.expires_on == certified.expires_on.replace(year=certified.expires_on.year + 3)


def test_between_two_requirements_the_earlier_window_wins(
    world: World,
    refresher: CoursePage,  # noqa: F811
    certified: Certificate,  # noqa: F811
) -> None:
    narrow = rule_of([refresher], window_months=2)
    wide = rule_of([refresher], window_months=9)
    first, second = (
        programme_for(world),
        Programme.objects.create(
            code="second", name_en="Second", starts_on=date(2020, 1, 1), ends_on=date(2030, 1, 1)
        ),
    )
    second.schools.add(world.school_a)
    second.save()
    RequiredCourse.objects.create(
        programme=first, role="tutor", course=world.course, renewal_rule=narrow
    )
    RequiredCourse.objects.create(
        programme=second, role="tutor", course=world.course, renewal_rule=wide
    )
    assert rule_for(certified) == wide


def test_someone_who_left_the_role_falls_back_to_the_course_rule(
    world: World,
    refresher: CoursePage,  # noqa: F811
    certified: Certificate,  # noqa: F811
) -> None:
    from people.models import RoleMembership

    own = rule_of([refresher], course=world.course)
    required = rule_of([refresher], window_months=9)
    RequiredCourse.objects.create(
        programme=programme_for(world), role="tutor", course=world.course, renewal_rule=required
    )
    assert rule_for(certified) == required
    RoleMembership.objects.filter(person=world.tutor).update(ended_on=today_in_almaty())
    assert rule_for(certified) == own


def test_the_admin_refuses_a_rule_for_both_a_course_and_a_template(
    world: World,
    refresher: CoursePage,  # noqa: F811
    certified: Certificate,  # noqa: F811
    client: Any,
) -> None:
    admin = UserFactory(is_superuser=True, is_staff=True, preferred_language="en")
    client.force_login(admin)
    url = reverse("wagtailsnippets_certificates_renewalrule:add")
    data = {
        "course": world.course.pk,
        "template": certified.template_id,
        "validity_years": 5,
        "window_months": 6,
        "grace_months": 12,
        "path": RenewalPath.REFRESHER,
        "path_courses": [refresher.pk],
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "not both" in response.content.decode()
    assert not RenewalRule.objects.exists()
    response = client.post(url, {**data, "course": ""})
    assert response.status_code == 302
    rule = RenewalRule.objects.get()
    assert rule.template_id == certified.template_id
    assert rule.course is None
    assert (
        "Template: Test template"
        in client.get(reverse("wagtailsnippets_certificates_renewalrule:list")).content.decode()
    )


def test_a_required_course_refuses_a_rule_it_cannot_use(
    world: World,
    refresher: CoursePage,  # noqa: F811
) -> None:
    other = course_page("Another course", modules=1, audiences=[("tutor", None, False)])
    programme = programme_for(world)
    itself = rule_of([world.course])
    elsewhere = rule_of([refresher], course=other)
    for rule, message in ((itself, "itself"), (elsewhere, "This rule renews “Another course”")):
        required = RequiredCourse(
            programme=programme, role="tutor", course=world.course, renewal_rule=rule
        )
        with pytest.raises(ValidationError) as raised:
            required.clean()
        assert message in " ".join(raised.value.message_dict["renewal_rule"])
    fine = RequiredCourse(
        programme=programme, role="tutor", course=world.course, renewal_rule=rule_of([refresher])
    )
    fine.clean()


def test_the_admin_list_shows_a_rule_whose_path_was_unpublished(
    world: World,
    refresher: CoursePage,  # noqa: F811
    client: Any,
) -> None:
    rule_of([refresher], course=world.course)
    refresher.unpublish()
    admin = UserFactory(is_superuser=True, is_staff=True, preferred_language="en")
    client.force_login(admin)
    page = client.get(reverse("wagtailsnippets_certificates_renewalrule:list")).content.decode()
    assert "is not published. Publish it or choose another course." in page


def test_nothing_opens_past_the_grace_period_of_the_winning_rule(
    world: World,
    refresher: CoursePage,  # noqa: F811
    certified: Certificate,  # noqa: F811
) -> None:
    rule_of([refresher], template=certified.template, grace_months=24)
    rule_of([refresher], course=world.course, grace_months=0)
    expire_in(certified, -10)
    assert renewal.renewals_open(today=today_in_almaty() + timedelta(days=0)) == 0


def test_a_path_course_unpublished_mid_renewal_is_not_linked_and_the_person_is_told(
    world: World,
    refresher: CoursePage,  # noqa: F811
    certified: Certificate,  # noqa: F811
) -> None:
    from django.template.loader import render_to_string
    from django.utils import translation

    rule_of([refresher], course=world.course)
    expire_in(certified, 60)
    assert renewal.renewals_open() == 1
    [linked] = renewal_states.annotate([Certificate.objects.get(pk=certified.pk)])
    assert linked.renewal_path == refresher
    refresher.unpublish()
    [shown] = renewal_states.annotate([Certificate.objects.get(pk=certified.pk)])
    assert shown.renewal_path is None
    assert shown.renewal_path_withdrawn
    with translation.override("en"):
        html = render_to_string("certificates/includes/my_renewals.html", {"certificates": [shown]})
    assert "The renewal course is not available at the moment." in html
    assert "Open the renewal course" not in html
