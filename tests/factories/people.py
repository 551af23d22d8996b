"""Factories of places, accounts and roles. Passwords are set with a fast hasher (see
conftest)."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress

from people.models import Region, RoleMembership, School, SupportRoom, TrainingArea, User
from people.roles import Role

PASSWORD = "correct-horse-battery"


class RegionFactory(factory.django.DjangoModelFactory[Region]):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"region-{n}")
    name_kk = factory.Sequence(lambda n: f"Облыс {n}")
    name_ru = factory.Sequence(lambda n: f"Область {n}")
    name_en = factory.Sequence(lambda n: f"Region {n}")


class SchoolFactory(factory.django.DjangoModelFactory[School]):
    class Meta:
        model = School
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"school-{n}")
    region = factory.SubFactory(RegionFactory)
    name_kk = factory.Sequence(lambda n: f"№{n} мектеп")
    name_ru = factory.Sequence(lambda n: f"Школа №{n}")
    name_en = factory.Sequence(lambda n: f"School No. {n}")

    @factory.post_generation
    def support_room(obj: School, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            SupportRoom.objects.create(school=obj)


class TrainingAreaFactory(factory.django.DjangoModelFactory[TrainingArea]):
    class Meta:
        model = TrainingArea
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"area-{n}")
    name_kk = factory.Sequence(lambda n: f"Бағыт {n}")
    name_ru = factory.Sequence(lambda n: f"Направление {n}")
    name_en = factory.Sequence(lambda n: f"Area {n}")


class UserFactory(factory.django.DjangoModelFactory[User]):
    """A person who has signed up: usable password and a verified primary address."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Әйгерім Сейітова {n}")
    preferred_language = "en"
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(obj: User, create: bool, extracted: bool | None, **kwargs: object) -> None:
        if create:
            EmailAddress.objects.create(
                user=obj, email=obj.email, primary=True, verified=extracted is not False
            )


def grant(
    person: User,
    role: str,
    *,
    school: School | None = None,
    region: Region | None = None,
    training_area: TrainingArea | None = None,
    specialism: str = "",
) -> RoleMembership:
    """Give a role directly, bypassing the service's scope checks (for arranging tests)."""
    from people.services import _sync_groups

    if role == Role.TUTOR and training_area is None:
        training_area = TrainingAreaFactory()
    if role == Role.SPECIALIST and not specialism:
        specialism = "psychologist"
    membership = RoleMembership.objects.create(
        person=person,
        role=role,
        school=school,
        region=region,
        training_area=training_area,
        specialism=specialism,
    )
    _sync_groups(person)
    return membership


def person_with_role(role: str, **where: object) -> User:
    person = UserFactory()
    grant(person, role, **where)
    return person


def activate_totp(person: User) -> str:
    """Give ``person`` an authenticator app; returns its secret for ``totp_code``."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(person, secret)
    return secret


def totp_code(secret: str) -> str:
    """The code the person's authenticator app shows now."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def admin_in_english(person: User) -> None:
    """The Wagtail admin speaks each person's admin language, Kazakh unless they choose;
    tests that read its messages choose English."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
