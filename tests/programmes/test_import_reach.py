"""A staff import never widens anyone's reach.

Below programme level, a file may add new people and update people already in the
importer's scope. An address that belongs to an account outside that scope is invited as a
new address would be: the preview and its counts read the same, the account gets no role
but a role offer by e-mail in its own language, and nothing about it reaches the importer
until the person accepts. Programme managers still give roles directly.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from certificates import services as certificate_services
from courses.models import CoursePage, Enrolment
from people.models import RoleMembership, RoleOffer, School, User
from people.roles import Role
from programmes import services
from programmes.models import Programme, RequiredCourse, StaffImport
from tests.factories import RegionFactory, SchoolFactory, UserFactory, grant
from tests.factories.certificates import complete
from tests.factories.courses import course_page

pytestmark = pytest.mark.django_db

HEADER = "email,full_name,full_name_alt,language,role,school,region,training_area,specialism"
TYPED_NAME = "Айгүл Нұрланқызы"


@dataclass
class Place:
    school: School
    other: School
    programme: Programme
    course: CoursePage
    leader: User
    coordinator: User
    manager: User
    colleague: User  # a teacher at the importer's school: in scope
    outsider: User  # a teacher in another region, with a certificate: out of scope
    outsider_code: str


@pytest.fixture(autouse=True)
def _setup(settings: Any, tmp_path: Path) -> None:
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False
    settings.SITE_URL = "http://testserver"
    settings.STORAGES = {
        **django_settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }


@pytest.fixture
def place(django_capture_on_commit_callbacks: Any) -> Place:
    region = RegionFactory(code="zhambyl")
    school = SchoolFactory(region=region, code="zhambyl-41", name_en="Zhambyl School 41")
    other = SchoolFactory(code="astana-72", name_en="Astana School 72")
    course = course_page("Inclusive lessons", modules=1, audiences=[("teacher", None, False)])
    programme = Programme.objects.create(
        code="qamqor",
        name_kk="Қамқор",
        name_ru="Камкор",
        name_en="Qamqor",
        starts_on=timezone.localdate() - timedelta(days=30),
        ends_on=timezone.localdate() + timedelta(days=300),
    )
    programme.regions.add(region, other.region)
    programme.save()
    RequiredCourse.objects.create(programme=programme, role=Role.TEACHER, course=course)

    def person(role: str, name: str, email: str, language: str = "en", **where: Any) -> User:
        user = UserFactory(full_name=name, email=email, preferred_language=language)
        grant(user, role, **where)
        return user

    outsider = person(
        Role.TEACHER, "Гүлнар Серікова", "gulnar@example.kz", language="kk", school=other
    )
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_services.certificate_issue(enrolment=complete(outsider, course))
    return Place(
        school=school,
        other=other,
        programme=programme,
        course=course,
        leader=person(Role.SCHOOL_LEADER, "Leader", "leader@example.kz", school=school),
        coordinator=person(
            Role.REGIONAL_COORDINATOR, "Coordinator", "coord@example.kz", region=region
        ),
        manager=person(Role.PROGRAMME_MANAGER, "Manager", "manager@example.kz"),
        colleague=person(Role.TEACHER, "Colleague", "colleague@example.kz", school=school),
        outsider=outsider,
        outsider_code=certificate.code,
    )


IMPORTERS = ["leader", "coordinator"]


def row(email: str, name: str = TYPED_NAME, role: str = "teacher") -> str:
    return f"{email},{name},,ru,{role},zhambyl-41,,,"


def csv_bytes(*rows: str) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode()


def preview(client: Client, actor: User, data: bytes) -> tuple[StaffImport, str]:
    """Upload through the page, as the importer does; the preview page and its import."""
    client.force_login(actor)
    upload = io.BytesIO(data)
    upload.name = "staff.csv"
    location = client.post(reverse("staff_import_new"), {"file": upload})["Location"]
    page = client.get(location).content.decode()
    public_id = location.rstrip("/").split("/")[-1]
    return StaffImport.objects.get(public_id=public_id), page


def neutral(page: str, staff_import: StaffImport) -> str:
    """The page without what differs between any two uploads: the import's id, the CSRF
    token."""
    page = page.replace(str(staff_import.public_id), "IMPORT")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def imported(actor: User, data: bytes, capture: Any, programme: Programme | None = None) -> Any:
    staff_import = services.staff_import_create(
        actor=actor, data=data, filename="staff.csv", programme=programme
    )
    assert staff_import.status == StaffImport.Status.VALID, staff_import.problems
    with capture(execute=True):
        staff_import = services.staff_import_start(actor=actor, staff_import=staff_import)
    assert staff_import.status == StaffImport.Status.DONE, staff_import.error
    return staff_import


def offer_link(message: mail.EmailMessage) -> str:
    match = re.search(r"http://testserver(/\w\w/account/roles-offered/[0-9a-f-]+/)", message.body)
    assert match, message.body
    return match.group(1)


@pytest.mark.parametrize("who", IMPORTERS)
def test_the_preview_reads_the_same_for_a_new_address_and_an_account_outside_scope(
    client: Client, place: Place, who: str
) -> None:
    actor = getattr(place, who)
    fresh, fresh_page = preview(client, actor, csv_bytes(row("someone@example.kz")))
    outside, outside_page = preview(client, actor, csv_bytes(row("gulnar@example.kz")))
    colleague, colleague_page = preview(client, actor, csv_bytes(row("colleague@example.kz")))

    assert fresh.summary == outside.summary == {"invite": 1, "update": 0}
    assert colleague.summary == {"invite": 0, "update": 1}
    assert neutral(fresh_page, fresh) == neutral(outside_page, outside)
    assert "1 person will be invited by e-mail." in outside_page
    assert "already registered" not in outside_page
    assert "1 person already in your list of people will be updated." in colleague_page


@pytest.mark.parametrize("who", IMPORTERS)
def test_an_account_outside_scope_is_asked_and_stays_out_of_sight(
    client: Client, place: Place, who: str, django_capture_on_commit_callbacks: Any
) -> None:
    actor = getattr(place, who)
    mail.outbox.clear()
    staff_import = imported(
        actor,
        csv_bytes(
            row("someone@example.kz"),
            row("colleague@example.kz", name="Colleague Corrected"),
            row("gulnar@example.kz", name="Not Her Name"),
        ),
        django_capture_on_commit_callbacks,
    )
    outsider = place.outsider
    outsider.refresh_from_db()

    # No role, no change to her details; a role offer and an e-mail in her language.
    assert not RoleMembership.objects.filter(person=outsider, school=place.school).exists()
    assert outsider.full_name == "Гүлнар Серікова"
    offer = RoleOffer.objects.get(person=outsider)
    assert (offer.role, offer.school, offer.offered_by) == (Role.TEACHER, place.school, actor)
    assert offer.is_open
    assert offer.expires_at > timezone.now()
    (message,) = [m for m in mail.outbox if m.to == ["gulnar@example.kz"]]
    assert message.subject == "Сізге «Мұғалім» рөлі ұсынылды"
    assert "/kk/account/roles-offered/" in message.body
    assert place.school.name_kk in message.body

    # The new person and the asked one are counted and listed alike, as typed.
    assert staff_import.summary["invited"] == 2
    assert staff_import.summary["updated"] == 1
    assert staff_import.summary["roles"] == 0
    assert staff_import.summary["waiting"] == [
        ["someone@example.kz", TYPED_NAME],
        ["gulnar@example.kz", "Not Her Name"],
    ]
    client.force_login(actor)
    page = client.get(reverse("staff_import_detail", args=[staff_import.public_id]))
    body = page.content.decode()
    assert "2 people invited." in body
    assert "Invited: waiting for the person to accept" in body
    assert "Not Her Name" in body
    assert "Гүлнар Серікова" not in body

    # Nothing about her reaches the importer.
    assert_out_of_sight(client, actor, place)


def assert_out_of_sight(client: Client, actor: User, place: Place) -> None:
    outsider = place.outsider
    client.force_login(actor)
    for name in ("person_detail", "training_record"):
        assert client.get(reverse(name, args=[outsider.public_id])).status_code == 404, name
    listing = client.get(reverse("person_list"), {"q": "gulnar"}).content.decode()
    assert "gulnar@example.kz" not in listing
    assert "Гүлнар" not in listing
    school_page = client.get(
        reverse("programme_school", args=[place.programme.code, place.school.code])
    ).content.decode()
    assert "Гүлнар" not in school_page
    staff = client.get(reverse("staff_list"), {"format": "xlsx"})
    emails = [
        r[0] for r in load_workbook(io.BytesIO(staff.content)).active.iter_rows(values_only=True)
    ]
    assert "gulnar@example.kz" not in emails
    register = client.get(reverse("certificate_register"), {"q": ""})
    if register.status_code == 200:  # coordinators see the register; leaders have none
        text = register.content.decode()
        assert "Гүлнар" not in text
        assert place.outsider_code not in text.replace("-", "")
    else:
        assert register.status_code == 403


@pytest.mark.parametrize("who", IMPORTERS)
def test_accepting_gives_the_role_enrols_and_makes_her_visible(
    client: Client, place: Place, who: str, django_capture_on_commit_callbacks: Any
) -> None:
    actor = getattr(place, who)
    second = course_page("Assessment for learning", modules=1, audiences=[("teacher", None, False)])
    RequiredCourse.objects.create(programme=place.programme, role=Role.TEACHER, course=second)
    mail.outbox.clear()
    imported(
        actor,
        csv_bytes(row("gulnar@example.kz")),
        django_capture_on_commit_callbacks,
        programme=place.programme,
    )
    link = offer_link(mail.outbox[-1])
    assert not Enrolment.objects.filter(person=place.outsider, course=second).exists()

    client.force_login(place.outsider)
    page = client.get(link)
    assert page.status_code == 200
    assert 'name="decision" value="accept"' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, {"decision": "accept"})
    assert response.status_code == 302
    membership = RoleMembership.objects.current().get(person=place.outsider, school=place.school)
    assert membership.role == Role.TEACHER
    assert membership.created_by == actor
    offer = RoleOffer.objects.get(person=place.outsider)
    assert offer.accepted_at is not None
    assert offer.membership == membership
    # Enrolled by the rules of the programme the import named, as the file's others were.
    assert Enrolment.objects.filter(person=place.outsider, course=second).exists()

    # Now she is staff of the school like any other: the checks that hid her find her.
    client.force_login(actor)
    assert client.get(reverse("person_detail", args=[place.outsider.public_id])).status_code == 200
    assert (
        "gulnar@example.kz" in client.get(reverse("person_list"), {"q": "gulnar"}).content.decode()
    )
    school_page = client.get(
        reverse("programme_school", args=[place.programme.code, place.school.code])
    )
    assert "Гүлнар" in school_page.content.decode()
    if who == "coordinator":
        assert "Гүлнар" in client.get(reverse("certificate_register")).content.decode()
    # A second click changes nothing.
    client.force_login(place.outsider)
    assert client.post(link, {"decision": "accept"}).status_code == 410
    assert RoleMembership.objects.filter(person=place.outsider, school=place.school).count() == 1


def test_declining_gives_nothing_and_keeps_her_out_of_sight(
    client: Client, place: Place, django_capture_on_commit_callbacks: Any
) -> None:
    imported(place.leader, csv_bytes(row("gulnar@example.kz")), django_capture_on_commit_callbacks)
    link = offer_link(mail.outbox[-1])
    client.force_login(place.outsider)
    assert client.post(link, {"decision": "decline"}).status_code == 302
    assert RoleOffer.objects.get(person=place.outsider).declined_at is not None
    assert not RoleMembership.objects.filter(person=place.outsider, school=place.school).exists()
    assert client.post(link, {"decision": "accept"}).status_code == 410
    assert not RoleMembership.objects.filter(person=place.outsider, school=place.school).exists()
    assert_out_of_sight(client, place.leader, place)


def test_an_expired_offer_cannot_be_accepted(
    client: Client, place: Place, django_capture_on_commit_callbacks: Any
) -> None:
    imported(place.leader, csv_bytes(row("gulnar@example.kz")), django_capture_on_commit_callbacks)
    link = offer_link(mail.outbox[-1])
    RoleOffer.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(place.outsider)
    response = client.post(link, {"decision": "accept"})
    assert response.status_code == 410
    assert "Бұл ұсыныстың мерзімі өтті." in response.content.decode()
    assert not RoleMembership.objects.filter(person=place.outsider, school=place.school).exists()

    # Imported again, she is asked again: the expired offer is closed, a new one waits.
    imported(place.leader, csv_bytes(row("gulnar@example.kz")), django_capture_on_commit_callbacks)
    assert RoleOffer.objects.filter(person=place.outsider).count() == 2
    assert RoleOffer.objects.waiting().filter(person=place.outsider).count() == 1


def test_nobody_else_can_accept_it(
    client: Client, place: Place, django_capture_on_commit_callbacks: Any
) -> None:
    imported(place.leader, csv_bytes(row("gulnar@example.kz")), django_capture_on_commit_callbacks)
    link = offer_link(mail.outbox[-1])
    for someone in (place.leader, place.colleague, place.manager):
        client.force_login(someone)
        assert client.get(link).status_code == 404
        assert client.post(link, {"decision": "accept"}).status_code == 404
    client.logout()
    signing_in = client.get(link)
    assert signing_in.status_code == 302
    assert "next=" in signing_in["Location"]
    assert not RoleMembership.objects.filter(person=place.outsider, school=place.school).exists()
    assert RoleOffer.objects.get(person=place.outsider).is_open


def test_a_programme_manager_still_gives_the_role_directly(
    place: Place, django_capture_on_commit_callbacks: Any
) -> None:
    mail.outbox.clear()
    staff_import = services.staff_import_create(
        actor=place.manager, data=csv_bytes(row("gulnar@example.kz")), filename="staff.csv"
    )
    assert staff_import.summary == {"invite": 0, "update": 1}
    with django_capture_on_commit_callbacks(execute=True):
        services.staff_import_start(actor=place.manager, staff_import=staff_import)
    assert (
        RoleMembership.objects.current()
        .filter(person=place.outsider, school=place.school, role=Role.TEACHER)
        .exists()
    )
    assert not RoleOffer.objects.exists()
    assert [m.to for m in mail.outbox] == []
