"""The places and people of the demo programme.

Deterministic and idempotent: every record is looked up by a natural key before it is
created, names come from a seeded generator, and a second run changes nothing. All names
are invented; nobody named in the programme's source documents appears.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people import services
from people.models import (
    Invitation,
    Region,
    RoleMembership,
    School,
    SupportRoom,
    TrainingArea,
    User,
)
from people.roles import Role, Specialism

from .loader import load

DEMO_PASSWORD = "Qamqor-demo-2026"  # noqa: S105  (printed for the demo; never a real account)
DEMO_DOMAIN = "qamqor.example"

PLACES = load("places")
NAMES = load("names")
# Places where more of the demo staff carry Russian names.
MORE_RUSSIAN_NAMES = set(NAMES["more_russian_names"])
LATIN: dict[str, str] = NAMES["latin"]
# The places the programme runs in, in their order.
PARTICIPATING: list[str] = list(PLACES["schools"])


def to_latin(text: str) -> str:
    result = []
    for char in text:
        latin = LATIN.get(char.lower())
        if latin is None:
            result.append(char)
        elif char.isupper():
            result.append(latin[:1].upper() + latin[1:])
        else:
            result.append(latin)
    return "".join(result)


def to_ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", to_latin(text).replace("ı", "i"))
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in ".-")).lower()


def feminine(surname: str) -> str:
    return surname + "а"


@dataclass(frozen=True)
class DemoPerson:
    key: str  # stable identity across runs, used to build the e-mail address
    full_name: str
    full_name_alt: str
    language: str


class NameSource:
    """Hands out distinct invented names in a fixed order."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.used: set[str] = set()

    def person(self, key: str, *, russian: bool, female: bool) -> DemoPerson:
        while True:
            names = NAMES["russian" if russian else "kazakh"]
            first = self.random.choice(names["female" if female else "male"])
            surname = self.random.choice(names["surnames"])
            if female:
                surname = feminine(surname)
            name = f"{first} {surname}"
            if name not in self.used:
                self.used.add(name)
                break
        language = "ru" if russian else self.random.choice(["kk", "kk", "ru"])
        return DemoPerson(key, name, to_latin(name), language)


TRAINER_EMAILS = (f"trainer@{DEMO_DOMAIN}", f"lead.trainer@{DEMO_DOMAIN}")


@dataclass
class DemoLogin:
    role: str
    email: str
    name: str
    where: str


@dataclass
class PeopleSeedResult:
    logins: list[DemoLogin]
    programme_start: date


def programme_start(today: date | None = None) -> date:
    """15 August of the current programme year: training starts then, supervision on
    1 September. The demo follows the calendar so that its visits are always current."""
    today = today or timezone.localdate()
    year = today.year if today >= date(today.year, 8, 15) else today.year - 1
    return date(year, 8, 15)


class PeopleSeeder:
    def __init__(self, out: OutputWrapper) -> None:
        self.out = out
        self.names = NameSource(seed=2020)
        self.password_hash = make_password(DEMO_PASSWORD)
        self.start = programme_start()
        self.logins: list[DemoLogin] = []
        self.areas: list[TrainingArea] = []
        self.system_actor: User | None = None
        self.emails_used: set[str] = set()

    # -- records ----------------------------------------------------------------------------

    def email_for(self, demo: DemoPerson) -> str:
        """``firstname.surname@``, with a number only if two names read the same in ASCII."""
        local = ".".join(to_ascii(word) for word in demo.full_name.split())
        candidate, number = local, 1
        while candidate in self.emails_used:
            number += 1
            candidate = f"{local}{number}"
        self.emails_used.add(candidate)
        return f"{candidate}@{DEMO_DOMAIN}"

    def person(self, demo: DemoPerson, *, email: str | None = None, signed_up: bool = True) -> User:
        email = email or self.email_for(demo)
        person, created = User.objects.get_or_create(
            email=email,
            defaults={
                "full_name": demo.full_name,
                "full_name_alt": demo.full_name_alt,
                "preferred_language": demo.language,
                "date_joined": timezone.make_aware(datetime.combine(self.start, time(9))),
                "password": self.password_hash if signed_up else "!demo-not-signed-up",
            },
        )
        if created:
            EmailAddress.objects.create(user=person, email=email, primary=True, verified=signed_up)
            if not signed_up:
                Invitation.objects.create(
                    person=person,
                    token_hash=f"demo-{person.pk:059d}",
                    expires_at=timezone.make_aware(
                        datetime.combine(self.start + timedelta(days=14), time(18))
                    ),
                )
        return person

    def grant(
        self,
        person: User,
        role: str,
        *,
        school: School | None = None,
        region: Region | None = None,
        training_area: TrainingArea | None = None,
        specialism: str = "",
    ) -> None:
        _membership, created = RoleMembership.objects.get_or_create(
            person=person,
            role=role,
            school=school,
            region=region,
            ended_on=None,
            defaults={
                "training_area": training_area,
                "specialism": specialism,
                "started_on": self.start - timedelta(days=14),
            },
        )
        if created:
            services._sync_groups(person)

    def list_login(self, role: str, person: User, where: object = "") -> None:
        """Add a demo account to the list ``seed_demo`` prints; signs nobody in."""
        self.logins.append(
            DemoLogin(str(Role(role).label), person.email, person.full_name, str(where))
        )

    # -- the demo ---------------------------------------------------------------------------

    @transaction.atomic
    def run(self) -> PeopleSeedResult:
        regions = self.seed_regions()
        self.seed_training_areas()
        schools = self.seed_schools(regions)
        self.seed_programme_staff(regions, schools)
        for index, school in enumerate(schools):
            self.seed_school_staff(index, school)
        self.seed_regional_methodologists(regions, schools)
        return PeopleSeedResult(logins=self.logins, programme_start=self.start)

    def seed_regions(self) -> dict[str, Region]:
        regions = {}
        for region in PLACES["regions"]:
            name = region["name"]
            regions[region["code"]], _ = Region.objects.get_or_create(
                code=region["code"],
                defaults={
                    "kind": region["kind"],
                    "name_kk": name["kk"],
                    "name_ru": name["ru"],
                    "name_en": name["en"],
                },
            )
        return regions

    def seed_training_areas(self) -> None:
        for order, spec in enumerate(PLACES["training_areas"], start=1):
            name = spec["name"]
            area, _ = TrainingArea.objects.get_or_create(
                code=spec["code"],
                defaults={
                    "name_kk": name["kk"],
                    "name_ru": name["ru"],
                    "name_en": name["en"],
                    "sort_order": order,
                },
            )
            self.areas.append(area)

    def seed_schools(self, regions: dict[str, Region]) -> list[School]:
        schools = []
        for region_code, entries in PLACES["schools"].items():
            for entry in entries:
                number, kind, town = entry["number"], entry["kind"], entry["town"]
                names = {
                    language: f"{pattern.format(n=number)} ({town[language]})"
                    for language, pattern in PLACES["school_kinds"][kind].items()
                }
                school, _ = School.objects.get_or_create(
                    code=f"{region_code}-{number}",
                    defaults={
                        "region": regions[region_code],
                        "name_kk": names["kk"],
                        "name_ru": names["ru"],
                        "name_en": names["en"],
                        "locality": town["en"],
                        "is_rural": entry["rural"],
                    },
                )
                SupportRoom.objects.get_or_create(
                    school=school,
                    defaults={
                        "opened_on": self.start - timedelta(days=30 + number % 20),
                        "sen_places": 40,
                        "sen_children_included": 6 + (number * 7) % 25,
                    },
                )
                schools.append(school)
        return schools

    def seed_programme_staff(self, regions: dict[str, Region], schools: list[School]) -> None:
        names = self.names
        admin = self.person(
            names.person("admin", russian=False, female=False), email=f"admin@{DEMO_DOMAIN}"
        )
        self.grant(admin, Role.ADMINISTRATOR)
        self.list_login(Role.ADMINISTRATOR, admin)
        self.system_actor = admin

        for index in range(2):
            manager = self.person(
                names.person(f"manager{index}", russian=index == 1, female=True),
                email=f"manager@{DEMO_DOMAIN}" if index == 0 else None,
            )
            self.grant(manager, Role.PROGRAMME_MANAGER)
            if index == 0:
                self.list_login(Role.PROGRAMME_MANAGER, manager)

        for index in range(4):
            trainer = self.person(
                names.person(f"trainer{index}", russian=index == 2, female=index != 3),
                email=TRAINER_EMAILS[index] if index < len(TRAINER_EMAILS) else None,
            )
            self.grant(trainer, Role.TRAINER)
            if index == 0:
                self.list_login(Role.TRAINER, trainer)
            elif index == 1:
                # A second trainer reviews and approves what the demo trainer submits.
                self.list_login(Role.TRAINER, trainer, _("lead trainer, approves courses"))

        for index, code in enumerate(PARTICIPATING):
            coordinator = self.person(
                names.person(
                    f"coord-{code}", russian=code in MORE_RUSSIAN_NAMES, female=index % 3 != 0
                ),
                email=f"coordinator@{DEMO_DOMAIN}" if index == 0 else None,
            )
            self.grant(coordinator, Role.REGIONAL_COORDINATOR, region=regions[code])
            if index == 0:
                self.list_login(Role.REGIONAL_COORDINATOR, coordinator, regions[code])

    def supervisor_for(self, index: int, code: str) -> User:
        return self.person(
            self.names.person(
                f"sup-{code}", russian=code in MORE_RUSSIAN_NAMES, female=index % 4 != 1
            ),
            email=f"supervisor@{DEMO_DOMAIN}" if index == 0 else None,
        )

    def seed_regional_methodologists(
        self, regions: dict[str, Region], schools: list[School]
    ) -> None:
        """A methodologist per place who also supervises its two schools; in half of the
        places supervision is done by a separate supervisor instead."""
        for index, code in enumerate(PARTICIPATING):
            methodologist = self.person(
                self.names.person(f"meth-{code}", russian=code in MORE_RUSSIAN_NAMES, female=True),
                email=f"methodologist@{DEMO_DOMAIN}" if index == 0 else None,
            )
            self.grant(methodologist, Role.METHODOLOGIST, region=regions[code])
            if index == 0:
                self.list_login(Role.METHODOLOGIST, methodologist, regions[code])
            supervisor = methodologist if index % 2 else self.supervisor_for(index, code)
            for school in (s for s in schools if s.region_id == regions[code].pk):
                self.grant(supervisor, Role.SUPERVISOR, school=school)
            if index == 0:
                self.list_login(Role.SUPERVISOR, supervisor, regions[code])

    def seed_school_staff(self, index: int, school: School) -> None:
        code = school.code
        region_code = school.region.code
        russian_share = 0.45 if region_code in MORE_RUSSIAN_NAMES else 0.15
        rnd = random.Random(code)  # the school's own generator keeps each school stable

        def someone(
            key: str, *, female: bool = True, signed_up: bool = True, email: str | None = None
        ) -> User:
            demo = self.names.person(
                f"{code}-{key}", russian=rnd.random() < russian_share, female=female
            )
            return self.person(demo, email=email, signed_up=signed_up)

        first = index == 0
        leader = someone(
            "director",
            female=rnd.random() < 0.7,
            email=f"school.leader@{DEMO_DOMAIN}" if first else None,
        )
        self.grant(leader, Role.SCHOOL_LEADER, school=school)
        deputy = someone("deputy")
        self.grant(deputy, Role.SCHOOL_LEADER, school=school)
        if first:
            self.list_login(Role.SCHOOL_LEADER, leader, school)

        for number in range(6):
            tutor = someone(
                f"tutor{number}",
                female=rnd.random() < 0.85,
                signed_up=number != 5,
                email=f"tutor@{DEMO_DOMAIN}" if first and number == 0 else None,
            )
            area = self.areas[(number + index) % len(self.areas)]
            self.grant(tutor, Role.TUTOR, school=school, training_area=area)
            if first and number == 0:
                self.list_login(Role.TUTOR, tutor, school)

        for number in range(7):
            teacher = someone(
                f"teacher{number}",
                female=rnd.random() < 0.8,
                signed_up=number != 6,
                email=f"teacher@{DEMO_DOMAIN}" if first and number == 0 else None,
            )
            self.grant(teacher, Role.TEACHER, school=school)
            if first and number == 0:
                self.list_login(Role.TEACHER, teacher, school)

        specialisms = [
            Specialism.PSYCHOLOGIST,
            Specialism.SPEECH_THERAPIST,
            Specialism.SPECIAL_EDUCATOR if index % 2 == 0 else Specialism.SOCIAL_PEDAGOGUE,
        ]
        for number, specialism in enumerate(specialisms):
            specialist = someone(
                f"specialist{number}",
                female=rnd.random() < 0.9,
                email=f"specialist@{DEMO_DOMAIN}" if first and number == 0 else None,
            )
            self.grant(specialist, Role.SPECIALIST, school=school, specialism=specialism)
            if first and number == 0:
                self.list_login(Role.SPECIALIST, specialist, school)

        methodologist = someone("methodologist")
        self.grant(methodologist, Role.METHODOLOGIST, school=school)


def seed(out: OutputWrapper) -> PeopleSeedResult:
    return PeopleSeeder(out).run()
