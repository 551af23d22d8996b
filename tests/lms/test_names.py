"""Names and printed titles cannot carry characters that reorder or hide letters:
bidirectional controls, zero-width and other format characters, control characters are
refused with a message saying which one, and names are composed (NFC), at every way in
(services, the product's forms, sign-up, the staff import, the Wagtail admin, places,
programmes, course and module titles, certificate templates and signatories)."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from certificates.models import CertificateSignatory, CertificateTemplate
from core import text
from people import services as people_services
from people.admin_views import PersonCreationForm, PersonEditForm
from people.forms import SignupForm
from people.models import Region, School, TrainingArea, User
from people.roles import Role
from programmes import imports
from programmes.models import Programme
from tests.factories import RegionFactory, SchoolFactory, UserFactory, grant
from tests.factories.courses import course_page, module_page

pytestmark = pytest.mark.django_db

# Each hides in a name and changes how it prints, or breaks what it is printed in.
REFUSED = {
    "RIGHT-TO-LEFT OVERRIDE": "\u202e",
    "LEFT-TO-RIGHT EMBEDDING": "\u202a",
    "POP DIRECTIONAL FORMATTING": "\u202c",
    "LEFT-TO-RIGHT ISOLATE": "\u2066",
    "POP DIRECTIONAL ISOLATE": "\u2069",
    "LEFT-TO-RIGHT MARK": "\u200e",
    "RIGHT-TO-LEFT MARK": "\u200f",
    "ARABIC LETTER MARK": "\u061c",
    "ZERO WIDTH SPACE": "\u200b",
    "ZERO WIDTH JOINER": "\u200d",
    "ZERO WIDTH NO-BREAK SPACE": "\ufeff",
    "SOFT HYPHEN": "\u00ad",
    "WORD JOINER": "\u2060",
    "NULL": "\x00",
    "ESCAPE": "\x1b",
    "DELETE": "\x7f",
    "PRIVATE USE": "\ue000",
}
# "Айгүл" with "й" typed as "и" and a combining breve, as some keyboards send it.
DECOMPOSED = "Аи\u0306гүл Сейітова"
COMPOSED = unicodedata.normalize("NFC", DECOMPOSED)
SPOOFED = "Әйгерім \u202eавотіеС"  # prints as "Әйгерім Сейітова"


@pytest.fixture
def place() -> dict[str, Any]:
    region = RegionFactory(code="zhambyl")
    school = SchoolFactory(region=region, code="zhambyl-41")
    coordinator = UserFactory()
    grant(coordinator, Role.REGIONAL_COORDINATOR, region=region)
    return {"region": region, "school": school, "actor": coordinator}


def teacher_at(place: dict[str, Any]) -> people_services.MembershipSpec:
    return people_services.MembershipSpec(role=Role.TEACHER, school=place["school"])


# --- The rule -------------------------------------------------------------------------------


@pytest.mark.parametrize("character", REFUSED.values(), ids=REFUSED.keys())
def test_every_invisible_or_control_character_is_refused_and_named(character: str) -> None:
    with pytest.raises(ValidationError) as error:
        text.clean_name(f"Әйгерім{character} Сейітова")
    message = error.value.messages[0]
    assert f"U+{ord(character):04X}" in message
    assert character not in message  # the message itself prints safely


def test_kazakh_russian_and_latin_names_pass_composed_with_single_spaces() -> None:
    assert text.clean_name("  Әйгерім   Ғалымқызы\tСейітова ") == "Әйгерім Ғалымқызы Сейітова"
    assert text.clean_name("Ирина Петрова-Сидорова") == "Ирина Петрова-Сидорова"
    assert text.clean_name("Seiitova O'Brien") == "Seiitova O'Brien"
    assert text.clean_name(DECOMPOSED) == COMPOSED
    assert len(text.clean_name(DECOMPOSED)) == len(DECOMPOSED) - 1


def test_a_certificate_text_keeps_its_paragraphs_but_not_a_bidi_control() -> None:
    body = "{name} курсын аяқтады.\n\nОқу көлемі — {hours}."
    assert text.clean_text(body, multiline=True) == body
    with pytest.raises(ValidationError):
        text.clean_text("курсын\u2067 аяқтады", multiline=True)


# --- People ---------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["full_name", "full_name_alt"])
def test_adding_a_person_with_a_spoofed_name_is_refused_and_nothing_is_saved(
    place: dict[str, Any], field: str
) -> None:
    names = {"full_name": "Әйгерім Сейітова", "full_name_alt": "Aigerim Seiitova", field: SPOOFED}
    with pytest.raises(ValidationError) as error:
        people_services.person_create(
            actor=place["actor"],
            email="new@example.kz",
            memberships=[teacher_at(place)],
            **names,
        )
    assert field in error.value.message_dict
    assert not User.objects.filter(email="new@example.kz").exists()


def test_a_person_is_added_and_corrected_with_composed_names(place: dict[str, Any]) -> None:
    person = people_services.person_create(
        actor=place["actor"],
        email="new@example.kz",
        full_name=DECOMPOSED,
        full_name_alt="",
        memberships=[teacher_at(place)],
    )
    assert person.full_name == COMPOSED
    with pytest.raises(ValidationError) as error:
        people_services.person_update(
            actor=place["actor"],
            person=person,
            full_name=SPOOFED,
            preferred_language="kk",
        )
    assert "full_name" in error.value.message_dict
    person.refresh_from_db()
    assert person.full_name == COMPOSED


def test_an_invitation_cannot_set_a_spoofed_name(
    place: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        person = people_services.person_create(
            actor=place["actor"],
            email="invited@example.kz",
            full_name="Invited Person",
            memberships=[teacher_at(place)],
        )
    link = next(word for word in mail.outbox[-1].body.split() if "/invitations/" in word)
    token = link.rstrip("/").rsplit("/", 1)[-1]
    with pytest.raises(ValidationError) as error:
        people_services.invitation_accept(
            token=token,
            password="a-long-Passphrase-2026",
            full_name="Invited Person",
            full_name_alt="Invited\u200bPerson",
            preferred_language="en",
        )
    assert "full_name_alt" in error.value.message_dict
    person.refresh_from_db()
    assert not person.has_usable_password()


def test_the_profile_form_points_at_the_name_and_changes_nothing(
    client: Client, place: dict[str, Any]
) -> None:
    person = UserFactory(full_name="Ирина Петрова")
    grant(person, Role.TEACHER, school=place["school"])
    client.force_login(person)
    response = client.post(
        reverse("profile"),
        {"full_name": "Ирина\u202e Петрова", "full_name_alt": "", "preferred_language": "ru"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "U+202E" in page
    assert 'aria-invalid="true"' in page
    person.refresh_from_db()
    assert person.full_name == "Ирина Петрова"


def test_the_add_person_page_refuses_a_spoofed_name(
    client: Client, place: dict[str, Any], settings: Any
) -> None:
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False
    client.force_login(place["actor"])
    response = client.post(
        reverse("person_create"),
        {
            "email": "new@example.kz",
            "full_name": SPOOFED,
            "full_name_alt": "",
            "preferred_language": "kk",
            "role": Role.TEACHER,
            "school": place["school"].pk,
        },
    )
    assert response.status_code == 200
    assert "U+202E" in response.content.decode()
    assert not User.objects.filter(email="new@example.kz").exists()


def test_open_sign_up_refuses_a_spoofed_name(rf: Any) -> None:
    form = SignupForm(
        data={
            "email": "self@example.kz",
            "password1": "a-long-Passphrase-2026",
            "password2": "a-long-Passphrase-2026",
            "full_name": "Self\u2066 Registered",
            "preferred_language": "kk",
        }
    )
    assert not form.is_valid()
    assert "U+2066" in " ".join(form.errors["full_name"])


def test_the_wagtail_admin_user_forms_refuse_a_spoofed_name_and_compose_others() -> None:
    data = {"email": "admin-made@example.kz", "full_name": SPOOFED, "preferred_language": "kk"}
    form = PersonCreationForm(data=data)
    assert not form.is_valid()
    assert "full_name" in form.errors
    person = UserFactory(full_name="Old Name")
    form = PersonEditForm(
        data={
            "email": person.email,
            "full_name": DECOMPOSED,
            "full_name_alt": "",
            "preferred_language": "kk",
            "is_active": "on",
        },
        instance=person,
    )
    assert form.is_valid(), form.errors
    assert form.save().full_name == COMPOSED


# --- The staff import -----------------------------------------------------------------------


def test_a_staff_list_row_with_a_spoofed_name_is_a_problem_of_that_row(
    place: dict[str, Any],
) -> None:
    table = [
        ["email", "full_name", "full_name_alt", "role", "school"],
        ["a@example.kz", "Әйгерім Сейітова", "", "teacher", "zhambyl-41"],
        ["b@example.kz", SPOOFED, "", "teacher", "zhambyl-41"],
        ["c@example.kz", "Ирина Петрова", "Irina\ufeffPetrova", "teacher", "zhambyl-41"],
        ["d@example.kz", DECOMPOSED, "", "teacher", "zhambyl-41"],
    ]
    checked = imports.check_table(table, actor=place["actor"])
    assert {(p.row, p.column) for p in checked.problems} == {(3, "full_name"), (4, "full_name_alt")}
    assert any("U+202E" in p.message for p in checked.problems)
    assert checked.rows[-1].full_name == COMPOSED


# --- Places, programmes, courses, certificates ----------------------------------------------


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (
            lambda: Region(code="r", name_kk="Жамбыл\u202e", name_ru="Жамбыл", name_en="Z"),
            "name_kk",
        ),
        (
            lambda: School(
                code="s",
                region=RegionFactory(),
                name_kk="№41 мектеп",
                name_ru="Школа\u200b №41",
                name_en="School 41",
            ),
            "name_ru",
        ),
        (
            lambda: School(
                code="s2",
                region=RegionFactory(),
                name_kk="№41",
                name_ru="№41",
                name_en="41",
                locality="Тараз\u200f",
            ),
            "locality",
        ),
        (lambda: TrainingArea(code="a", name_kk="А", name_ru="А", name_en="A\u2069"), "name_en"),
        (
            lambda: Programme(
                code="p",
                name_kk="Қамқорлық\ufeff",
                name_ru="Камкорлык",
                name_en="Qamqorlyq",
                starts_on=date(2026, 8, 15),
                ends_on=date(2027, 5, 31),
            ),
            "name_kk",
        ),
    ],
    ids=["region", "school", "locality", "training-area", "programme"],
)
def test_place_and_programme_names_are_refused_in_the_admin(make: Any, field: str) -> None:
    with pytest.raises(ValidationError) as error:
        make().full_clean()
    assert field in error.value.message_dict


def test_a_course_title_or_provider_with_a_bidi_control_cannot_be_saved() -> None:
    course = course_page("Supporting a child with autism")
    course.title = "Supporting a child\u202e with autism"
    with pytest.raises(ValidationError) as error:
        course.save_revision()
    assert "title" in error.value.message_dict
    course.refresh_from_db()
    course.provider = "Qamqorlyq\u2066 programme"
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "provider" in error.value.message_dict
    module = module_page(course, "Module 1b")
    module.title = "Module\u200b 1"
    with pytest.raises(ValidationError) as error:
        module.save()
    assert "title" in error.value.message_dict


def test_a_course_title_is_saved_composed() -> None:
    course = course_page(DECOMPOSED)
    course.refresh_from_db()
    assert course.title == COMPOSED


@pytest.mark.parametrize(
    "field", ["title_kk", "subtitle_ru", "body_en"], ids=["title", "subtitle", "body"]
)
def test_certificate_template_texts_are_refused_with_a_bidi_control(field: str) -> None:
    template = CertificateTemplate(
        name="T",
        language="learner",
        title_kk="Сертификат",
        title_ru="Сертификат",
        title_en="Certificate",
        body_kk="{name} курсын аяқтады.",
        body_ru="{name} завершил(а) курс.",
        body_en="{name} has completed the course.",
    )
    setattr(template, field, getattr(template, field) + "\u202e")
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    assert field in error.value.message_dict


@pytest.mark.parametrize("field", ["name", "position_ru"])
def test_signatory_names_and_positions_are_refused_with_a_bidi_control(field: str) -> None:
    signatory = CertificateSignatory(name="Дана Оразбекова", position_ru="Директор программы")
    setattr(signatory, field, getattr(signatory, field) + "\u2067")
    with pytest.raises(ValidationError) as error:
        signatory.clean()
    assert field in error.value.message_dict
