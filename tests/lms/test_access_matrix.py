"""The authorisation matrix.

Every URL pattern has a declared access policy (``lms.access``), and every product route
answers as declared: anonymous visitors are sent to sign in, each role gets through only
where its policy lets it, and an object outside the person's scope (another school, another
region) answers 403 or 404. Addresses that lead to personal data use identifiers nobody can
guess. The Wagtail admin and Wagtail's own sign-in are reachable only through the product's
sign-in page.

One world serves the whole module: two regions, three schools, a person in every role, a
course with its modules, enrolments, certificates and reflections, a supervision year per
school with a submitted and an open visit (observations, action points, attachments), a
programme, staff imports and a certificate job. Each test runs in a savepoint and leaves
the world as it found it.
"""

from __future__ import annotations

import functools
import importlib
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.db import transaction
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import NoReverseMatch, URLResolver, clear_url_caches, get_resolver, reverse
from django.utils import timezone, translation

from certificates import services as certificate_services
from certificates.models import Certificate, CertificateJob
from courses import services as course_services
from courses.models import CoursePage, Enrolment, ModulePage, Reflection
from lms import access
from people.models import Invitation, Region, RoleMembership, RoleOffer, School, User
from people.roles import Role
from people.services import _token_hash
from programmes.models import Programme, ReportSubscription, StaffImport
from supervision import report as supervision_report
from supervision import services as supervision_services
from supervision.models import (
    ActionPoint,
    Attachment,
    CalibrationAttempt,
    CalibrationExercise,
    DoubleCoding,
    Frequency,
    Observation,
    SupervisionYear,
    Visit,
)
from tests.factories import (
    PASSWORD,
    RegionFactory,
    SchoolFactory,
    TrainingAreaFactory,
    UserFactory,
    activate_totp,
    grant,
)
from tests.factories.courses import course_page, module_page
from tests.factories.supervision import (
    RubricFactory,
    add_point,
    make_exercise,
    make_visit,
    make_year,
    observe,
    png_file,
    published,
)

ANONYMOUS = "anonymous"
# One actor per role, named by the role; each holds that one role, at school A1, in region
# A, or nationally.
ROLES = [str(value) for value in Role.values]
ACTORS = [ANONYMOUS, *ROLES]
SIGNED_IN = frozenset(ROLES)
EVERYONE = frozenset(ACTORS)
NATIONAL = frozenset({Role.PROGRAMME_MANAGER.value, Role.ADMINISTRATOR.value})

# The objects a route may name: at the actors' own school A1, at another school of their
# region (A2), in another region (B1). ``None``: the route names no object.
VARIANTS = ("a1", "a2", "b1")

# What "gets through" means: the page, or a redirect that is not to the sign-in page.
OK = frozenset({200, 302})
# Learners' own actions may also be refused by the business rules (400) or find nothing of
# theirs to act on (404); neither depends on anyone else's data.
SELF = frozenset({200, 302, 400, 404})
DENIED = frozenset({403, 404})


# --- The world --------------------------------------------------------------------------------


@dataclass
class World:
    actors: dict[str, User]
    schools: dict[str, School]
    regions: dict[str, Region]
    learners: dict[str, User]  # the person whose records stand for each variant
    memberships: dict[str, RoleMembership]
    supervisors: dict[str, User]
    course: CoursePage
    module: ModulePage
    reflection_module: ModulePage
    enrolments: dict[str, Enrolment] = field(default_factory=dict)
    certificates: dict[str, Certificate] = field(default_factory=dict)
    reflections: dict[str, Reflection] = field(default_factory=dict)
    years: dict[str, SupervisionYear] = field(default_factory=dict)
    visits_done: dict[str, Visit] = field(default_factory=dict)
    visits_open: dict[str, Visit] = field(default_factory=dict)
    observations_done: dict[str, Observation] = field(default_factory=dict)
    observations_open: dict[str, Observation] = field(default_factory=dict)
    points_done: dict[str, ActionPoint] = field(default_factory=dict)
    points_open: dict[str, ActionPoint] = field(default_factory=dict)
    attachments_done: dict[str, Attachment] = field(default_factory=dict)
    attachments_open: dict[str, Attachment] = field(default_factory=dict)
    calibration_attempts: dict[str, CalibrationAttempt] = field(default_factory=dict)
    # Each submitted visit's co-observer: at A1 Supervisor A2, at A2 Supervisor A1 (an actor,
    # who does not follow A2), at B1 another supervisor of B1.
    co_observers: dict[str, User] = field(default_factory=dict)
    exercise: CalibrationExercise | None = None
    imports: dict[str, StaffImport] = field(default_factory=dict)
    report_subscriptions: dict[str, ReportSubscription] = field(default_factory=dict)
    offers: dict[str, RoleOffer] = field(default_factory=dict)
    programme: Programme | None = None
    job: CertificateJob | None = None
    invitation_token: str = ""
    sessions: dict[str, str] = field(default_factory=dict)
    # One client for the module: each new one would load the middleware again.
    client: Client = field(default_factory=lambda: Client(headers={"accept-language": "en"}))


def _person(role: str, name: str, **where: Any) -> User:
    person = UserFactory(full_name=name)
    grant(person, role, **where)
    return person


def _build_world() -> World:
    region_a: Region = RegionFactory(code="matrix-region-a", name_en="Region A")
    region_b: Region = RegionFactory(code="matrix-region-b", name_en="Region B")
    schools = {
        "a1": SchoolFactory(code="matrix-a1", region=region_a, name_en="School A1"),
        "a2": SchoolFactory(code="matrix-a2", region=region_a, name_en="School A2"),
        "b1": SchoolFactory(code="matrix-b1", region=region_b, name_en="School B1"),
    }
    a1 = schools["a1"]
    area = TrainingAreaFactory(code="matrix-area")
    actors = {
        Role.TUTOR: _person(Role.TUTOR, "Tutor A1", school=a1, training_area=area),
        Role.TEACHER: _person(Role.TEACHER, "Teacher A1", school=a1),
        Role.SPECIALIST: _person(Role.SPECIALIST, "Specialist A1", school=a1),
        Role.METHODOLOGIST: _person(Role.METHODOLOGIST, "Methodologist A1", school=a1),
        Role.SCHOOL_LEADER: _person(Role.SCHOOL_LEADER, "Leader A1", school=a1),
        Role.TRAINER: _person(Role.TRAINER, "Trainer"),
        Role.SUPERVISOR: _person(Role.SUPERVISOR, "Supervisor A1", school=a1),
        Role.REGIONAL_COORDINATOR: _person(
            Role.REGIONAL_COORDINATOR, "Coordinator A", region=region_a
        ),
        Role.PROGRAMME_MANAGER: _person(Role.PROGRAMME_MANAGER, "Manager"),
        Role.ADMINISTRATOR: _person(Role.ADMINISTRATOR, "Administrator"),
    }
    learners = {
        "a1": actors[Role.TUTOR],
        "a2": _person(Role.TEACHER, "Teacher A2", school=schools["a2"]),
        "b1": _person(Role.TEACHER, "Teacher B1", school=schools["b1"]),
    }
    supervisors = {
        "a1": actors[Role.SUPERVISOR],
        "a2": _person(Role.SUPERVISOR, "Supervisor A2", school=schools["a2"]),
        "b1": _person(Role.SUPERVISOR, "Supervisor B1", school=schools["b1"]),
    }
    coordinator_b = _person(Role.REGIONAL_COORDINATOR, "Coordinator B", region=region_b)

    course = course_page(
        "Inclusive lessons",
        modules=["First steps", "Next steps"],
        audiences=[("tutor", None, False), ("teacher", None, False)],
    )
    reflection_module = module_page(
        course, "Looking back", completion=ModulePage.Completion.REFLECTION, required=False
    )
    world = World(
        actors={str(role): person for role, person in actors.items()},
        schools=schools,
        regions={"a1": region_a, "a2": region_a, "b1": region_b},
        learners=learners,
        memberships={
            variant: RoleMembership.objects.get(person=person)
            for variant, person in learners.items()
        },
        supervisors=supervisors,
        course=course,
        module=ModulePage.objects.child_of(course).live().order_by("path").first(),
        reflection_module=reflection_module,
    )

    # Each learner finished the course, wrote a reflection and holds a certificate.
    for variant, learner in learners.items():
        enrolment = course_services.enrolment_create(actor=learner, person=learner, course=course)
        world.reflections[variant] = course_services.reflection_submit(
            person=learner,
            module=reflection_module,
            text="Next term I will plan every lesson with the support room.",
        )
        for module in ModulePage.objects.child_of(course).live().filter(is_required=True):
            course_services.module_mark_done(person=learner, module=module)
        enrolment.refresh_from_db()
        world.enrolments[variant] = enrolment
        world.certificates[variant] = certificate_services.certificate_issue(enrolment=enrolment)

    # A supervision year per school: a submitted visit and a later one being recorded, each
    # with an observation of the learner, an action point they own and a photo.
    rubric = RubricFactory()
    version = published(rubric)
    # A calibration exercise, and a submitted attempt at another by the supervisors of A1
    # and B1: only its supervisor opens an attempt.
    world.exercise = make_exercise(version)
    attempted = make_exercise(version, title="Already scored")
    for variant in ("a1", "b1"):
        attempt = supervision_services.attempt_start(actor=supervisors[variant], exercise=attempted)
        world.calibration_attempts[variant] = supervision_services.attempt_submit(
            actor=supervisors[variant],
            attempt=attempt,
            scores=dict.fromkeys(version.indicator_keys(), 3),
            today=timezone.localdate(),
        )
    for variant, school in schools.items():
        supervisor = supervisors[variant]
        learner = learners[variant]
        observed_role = Role.TUTOR if variant == "a1" else Role.TEACHER
        year = make_year(school, [supervisor], starts_on=date(2026, 9, 1))
        world.years[variant] = year
        for visits, observations, points, attachments, planned_on in (
            (
                world.visits_done,
                world.observations_done,
                world.points_done,
                world.attachments_done,
                date(2026, 9, 21),
            ),
            (
                world.visits_open,
                world.observations_open,
                world.points_open,
                world.attachments_open,
                date(2026, 10, 21),
            ),
        ):
            visit = make_visit(year, planned_on, state=Visit.State.IN_PROGRESS)
            observation = observe(visit, supervisor, learner, observed_role, rubric)
            points[variant] = add_point(visit, supervisor, learner)
            attachments[variant] = supervision_services.attachment_add(
                actor=supervisor,
                visit=visit,
                client_id=uuid.uuid4(),
                upload=png_file(),
                caption="The visual timetable",
                observation=observation,
            )
            visits[variant] = visit
            observations[variant] = observation
        Visit.objects.filter(pk=world.visits_done[variant].pk).update(state=Visit.State.SUBMITTED)

    world.co_observers = {
        "a1": supervisors["a2"],
        "a2": supervisors["a1"],
        "b1": _person(Role.SUPERVISOR, "Supervisor B2", school=schools["b1"]),
    }
    for variant, co_observer in world.co_observers.items():
        DoubleCoding.objects.create(visit=world.visits_done[variant], co_observer=co_observer)

    today = timezone.localdate()
    programme = Programme.objects.create(
        code="matrix-programme",
        name_kk="Бағдарлама",
        name_ru="Программа",
        name_en="Programme",
        starts_on=today - timedelta(days=60),
        ends_on=today + timedelta(days=200),
    )
    programme.regions.add(region_a, region_b)
    programme.save()
    world.programme = programme

    for variant, importer in (("a1", actors[Role.REGIONAL_COORDINATOR]), ("b1", coordinator_b)):
        world.imports[variant] = StaffImport.objects.create(
            created_by=importer,
            original_name=f"staff-{variant}.csv",
            file=f"imports/staff-{variant}.csv",
            status=StaffImport.Status.INVALID,
            problems=[{"row": 2, "column": "email", "message": "Not an address"}],
        )
    # A scheduled report of region A (by its coordinator) and one of region B.
    for variant, region, creator in (
        ("a1", region_a, actors[Role.REGIONAL_COORDINATOR]),
        ("b1", region_b, coordinator_b),
    ):
        world.report_subscriptions[variant] = ReportSubscription.objects.create(
            programme=programme,
            region=region,
            recipient_name=f"Funder {variant}",
            recipient_email=f"funder-{variant}@example.org",
            language="en",
            frequency=ReportSubscription.Frequency.MONTHLY,
            created_by=creator,
        )
    world.job = CertificateJob.objects.create(
        kind=CertificateJob.Kind.ISSUE_MISSING,
        course=course,
        requested_by=actors[Role.PROGRAMME_MANAGER],
    )

    # A role offered to each learner (by a leader of another school): only they answer it.
    for variant, learner in learners.items():
        world.offers[variant] = RoleOffer.objects.create(
            person=learner,
            role=Role.TEACHER,
            school=schools["b1" if variant != "b1" else "a2"],
            offered_by=coordinator_b,
            expires_at=timezone.now() + timedelta(days=7),
        )

    newcomer = UserFactory(full_name="Newcomer")
    newcomer.set_unusable_password()
    newcomer.save()
    world.invitation_token = "matrix-invitation-token-" + uuid.uuid4().hex
    Invitation.objects.create(
        person=newcomer,
        token_hash=_token_hash(world.invitation_token),
        expires_at=timezone.now() + timedelta(days=7),
    )

    # One signed-in session per actor, kept for the whole module.
    for actor, user in world.actors.items():
        client = Client()
        client.force_login(user)
        world.sessions[actor] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return world


@pytest.fixture(scope="module")
def world(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """Built once for the module inside a transaction that is rolled back at the end."""
    private = tmp_path_factory.mktemp("private")
    media = tmp_path_factory.mktemp("media")
    storages_setting = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(private), "base_url": None},
        },
    }
    with (
        override_settings(
            STORAGES=storages_setting, MEDIA_ROOT=str(media), SITE_URL="http://testserver"
        ),
        pytest.MonkeyPatch.context() as patch,
    ):
        # These file fields resolved their storage when the models were defined.
        patch.setattr(Attachment._meta.get_field("file"), "storage", storages["private"])
        patch.setattr(StaffImport._meta.get_field("file"), "storage", storages["private"])
        # Who may read a visit report is the question here, not how it is typeset.
        patch.setattr(supervision_report, "render_pdf", lambda html, **options: b"%PDF-1.7\n")
        with django_db_blocker.unblock(), transaction.atomic():
            with translation.override("en"):
                built = _build_world()
            yield built
            transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _no_mfa_requirement(settings: Any) -> None:
    """Programme roles need two-factor authentication; that has its own tests (and one
    case below). Here every role signs in with a password alone."""
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False


# --- The cases ----------------------------------------------------------------------------------

Kwargs = Callable[[World, str | None], dict[str, Any]]
Data = Callable[[World, str | None], dict[str, Any]]


@dataclass(frozen=True)
class Case:
    """One product route: how to call it and who gets through, per object variant."""

    route: str
    allowed: dict[str | None, frozenset[str]]
    kwargs: Kwargs = lambda world, variant: {}
    method: str = "GET"
    data: Data | None = None
    ok: frozenset[int] = OK

    @property
    def variants(self) -> tuple[str | None, ...]:
        return tuple(self.allowed)


def declared(route: str) -> dict[str | None, frozenset[str]]:
    """Who gets through a route that names no object: as ``lms.access`` declares."""
    entry = access.ROUTES[route]
    if entry.policy == access.Policy.PUBLIC:
        return {None: EVERYONE}
    if entry.policy in (access.Policy.SIGNED_IN, access.Policy.SIGNED_IN_SCOPED):
        return {None: SIGNED_IN}
    return {None: frozenset(str(role) for role in entry.roles)}


def per_variant(
    a1: set[str] | frozenset[str],
    a2: set[str] | frozenset[str] | None = None,
    b1: set[str] | frozenset[str] = frozenset(),
    *,
    national: bool = True,
) -> dict[str | None, frozenset[str]]:
    extra = NATIONAL if national else frozenset()
    allowed: dict[str | None, frozenset[str]] = {"a1": frozenset(a1) | extra}
    if a2 is not None:
        allowed["a2"] = frozenset(a2) | extra
    allowed["b1"] = frozenset(b1) | extra
    return allowed


R = Role
TUTOR, LEADER, SUPERVISOR, COORDINATOR, TRAINER = (
    R.TUTOR.value,
    R.SCHOOL_LEADER.value,
    R.SUPERVISOR.value,
    R.REGIONAL_COORDINATOR.value,
    R.TRAINER.value,
)

# Who may read a person's records (people.scoping.visible_people): themselves, the school's
# leader and supervisor, the region's coordinator, trainers (learners only), national staff.
SEES_PERSON = per_variant(
    {TUTOR, LEADER, SUPERVISOR, COORDINATOR, TRAINER}, {COORDINATOR, TRAINER}, {TRAINER}
)
# Who may change a person (their own details, or every role they hold is theirs to grant).
CHANGES_PERSON = per_variant({TUTOR, LEADER, COORDINATOR}, {COORDINATOR})
GRANTS_AT_SCHOOL = per_variant({LEADER, COORDINATOR}, {COORDINATOR})
# Who sees a certificate: its holder, and programme staff who see the holder.
SEES_CERTIFICATE = per_variant(
    {TUTOR, TRAINER, SUPERVISOR, COORDINATOR}, {TRAINER, COORDINATOR}, {TRAINER}
)
# Who follows a school's supervision (supervision.access.capacities).
FOLLOWS_SCHOOL = per_variant({SUPERVISOR, LEADER, COORDINATOR}, {COORDINATOR})
# ... and the observed person, once the visit is submitted.
SEES_OBSERVATION = per_variant({TUTOR, SUPERVISOR, LEADER, COORDINATOR}, {COORDINATOR})
# Only the school's own supervisor records; national staff and coordinators read.
RECORDS = per_variant({SUPERVISOR}, set(), national=False)
PLANS_YEARS = per_variant({COORDINATOR}, {COORDINATOR})
# A scheduled report of a region: its coordinator and national staff.
MANAGES_REPORT = per_variant({COORDINATOR})
PLANS_VISITS = per_variant({SUPERVISOR, COORDINATOR}, {COORDINATOR})
# Programme figures of a school or region the reader sees.
SEES_SCHOOL_FIGURES = per_variant({SUPERVISOR, LEADER, COORDINATOR}, {COORDINATOR})
SEES_REGION_FIGURES = {
    "a1": frozenset({SUPERVISOR, LEADER, COORDINATOR}) | NATIONAL,
    "b1": NATIONAL,
}
# A staff import: its importer (coordinator A imported a1, coordinator B b1) and national staff.
OWNS_IMPORT = {"a1": frozenset({COORDINATOR}) | NATIONAL, "b1": NATIONAL}
NATIONAL_ONLY = {None: NATIONAL}
# A learner acts on their own learning only: enrolling in a course open to their roles (the
# course is for tutors and teachers), progressing in a course they are enrolled in.
COURSE_AUDIENCE = {None: frozenset({TUTOR, R.TEACHER.value})}
ENROLLED = {None: frozenset({TUTOR})}
ADMINISTRATOR_ON_ANYONE = {variant: frozenset({R.ADMINISTRATOR.value}) for variant in VARIANTS}
TRAINERS_ON_ANYONE = {variant: frozenset({TRAINER}) | NATIONAL for variant in ("a1", "b1")}
EVERYONE_ON_ANYONE = {"a1": EVERYONE}


def person(world: World, variant: str | None) -> dict[str, Any]:
    return {"public_id": world.learners[str(variant)].public_id}


def code(world: World, variant: str | None) -> dict[str, Any]:
    return {"code": world.certificates[str(variant)].grouped_code}


def public_id(attribute: str) -> Kwargs:
    return lambda world, variant: {"public_id": getattr(world, attribute)[variant].public_id}


def client_id() -> str:
    return str(uuid.uuid4())


CASES = [
    # lms
    Case("root", declared("root")),
    Case("health", declared("health")),
    Case("ready", declared("ready")),
    Case("home", declared("home")),
    Case(
        "language_set",
        declared("language_set"),
        method="POST",
        data=lambda w, v: {"language": "en", "next": "/en/"},
    ),
    Case(
        "sso_discover",
        declared("sso_discover"),
        method="POST",
        data=lambda w, v: {"email": "someone@not-covered.example"},
    ),
    # Without an answer the IdP posted in this browser, anyone gets the refusal page.
    Case(
        "sso_saml_finish",
        declared("sso_saml_finish"),
        kwargs=lambda w, v: {"organization_slug": "nobody"},
        ok=frozenset({403}),
    ),
    Case("my_data", declared("my_data")),
    Case("person_erase", ADMINISTRATOR_ON_ANYONE, person),
    # people
    Case("person_list", declared("person_list")),
    Case("person_create", declared("person_create")),
    Case("person_detail", SEES_PERSON, person),
    Case(
        "person_update",
        CHANGES_PERSON,
        person,
        method="POST",
        data=lambda w, v: {
            "full_name": w.learners[str(v)].full_name,
            "full_name_alt": "",
            "preferred_language": "en",
        },
    ),
    Case(
        "membership_grant",
        GRANTS_AT_SCHOOL,
        person,
        method="POST",
        data=lambda w, v: {
            "role": R.SPECIALIST.value,
            "specialism": "psychologist",
            "school": w.schools[str(v)].pk,
        },
    ),
    Case(
        "membership_end",
        GRANTS_AT_SCHOOL,
        lambda w, v: {**person(w, v), "membership_id": w.memberships[str(v)].pk},
        method="POST",
    ),
    Case("invitation_send", CHANGES_PERSON, person, method="POST"),
    Case(
        "invitation_accept",
        declared("invitation_accept"),
        lambda w, v: {"token": w.invitation_token},
    ),
    Case("profile", declared("profile")),
    Case("role_offer", {"a1": frozenset({TUTOR}), "b1": frozenset()}, public_id("offers")),
    # courses
    Case("my_learning", declared("my_learning")),
    Case(
        "course_enrol",
        COURSE_AUDIENCE,
        lambda w, v: {"page_id": w.course.pk},
        method="POST",
        ok=SELF,
    ),
    Case(
        "course_leave",
        ENROLLED,
        lambda w, v: {"page_id": w.course.pk},
        method="POST",
        ok=SELF,
    ),
    Case("cohort_enrol", declared("cohort_enrol"), lambda w, v: {"page_id": w.course.pk}),
    Case(
        "module_done",
        ENROLLED,
        lambda w, v: {"page_id": w.module.pk},
        method="POST",
        ok=SELF,
    ),
    Case(
        "module_check",
        ENROLLED,
        lambda w, v: {"page_id": w.module.pk},
        method="POST",
        data=lambda w, v: {"attempt": "1"},
        ok=SELF,
    ),
    Case(
        "module_reflection",
        ENROLLED,
        lambda w, v: {"page_id": w.reflection_module.pk},
        method="POST",
        data=lambda w, v: {"text": "I will plan each lesson with the support room teacher."},
        ok=SELF,
    ),
    Case("course_reports", declared("course_reports")),
    Case("course_report", declared("course_report"), lambda w, v: {"page_id": w.course.pk}),
    Case("reflection_queue", declared("reflection_queue")),
    Case(
        "reflection_review",
        TRAINERS_ON_ANYONE,
        public_id("reflections"),
        method="POST",
        data=lambda w, v: {"decision": "accept", "comment": ""},
    ),
    # certificates
    Case("my_certificates", declared("my_certificates")),
    Case("certificate_register", declared("certificate_register")),
    Case("certificate_jobs", declared("certificate_jobs")),
    Case("certificate_job", NATIONAL_ONLY, lambda w, v: {"public_id": w.job.public_id}),
    Case(
        "certificate_job_status",
        NATIONAL_ONLY,
        lambda w, v: {"public_id": w.job.public_id},
    ),
    Case("enrolment_certificate", SEES_CERTIFICATE, public_id("enrolments")),
    Case("certificate_detail", SEES_CERTIFICATE, code),
    Case("certificate_download", SEES_CERTIFICATE, code),
    Case("certificate_credential", SEES_CERTIFICATE, code),
    Case("certificate_revoke", dict.fromkeys(VARIANTS, NATIONAL), code),
    Case("certificate_reissue", dict.fromkeys(VARIANTS, NATIONAL), code),
    Case("certificate_verify_form", declared("certificate_verify_form")),
    Case("certificate_verify", EVERYONE_ON_ANYONE, code),
    Case("certificate_verify_form_root", declared("certificate_verify_form_root")),
    Case("certificate_verify_qr", EVERYONE_ON_ANYONE, code),
    Case("certificate_verify_qr_capitals", EVERYONE_ON_ANYONE, code),
    Case("certificate_verify_qr_json", EVERYONE_ON_ANYONE, code),
    Case("certificate_verify_file", declared("certificate_verify_file")),
    Case("certificate_credential_public", EVERYONE_ON_ANYONE, code),
    Case("credentials_did", declared("credentials_did")),
    Case(
        "credentials_status_list", declared("credentials_status_list"), lambda w, v: {"number": 1}
    ),
    # lti: without a platform's signed launch each answers with the refusal page (400).
    Case("lti_jwks", declared("lti_jwks")),
    Case("lti_login", declared("lti_login"), ok=frozenset({400})),
    Case("lti_launch", declared("lti_launch"), method="POST", ok=frozenset({400})),
    Case("lti_deep_link", declared("lti_deep_link"), method="POST", ok=frozenset({400})),
    Case(
        "lti_deep_link_choose",
        declared("lti_deep_link_choose"),
        method="POST",
        data=lambda w, v: {"launch_id": "lti1p3-launch-unknown", "page": "1"},
        ok=frozenset({400}),
    ),
    # supervision
    Case("supervision:index", declared("supervision:index")),
    Case("supervision:caseload", declared("supervision:caseload")),
    Case("supervision:school_list", declared("supervision:school_list")),
    Case("supervision:coverage", declared("supervision:coverage")),
    Case("supervision:action_point_list", declared("supervision:action_point_list")),
    Case("supervision:service_worker", declared("supervision:service_worker")),
    Case("supervision:offline", declared("supervision:offline")),
    Case("supervision:offline_manifest", declared("supervision:offline_manifest")),
    Case("supervision:practice_mine", declared("supervision:practice_mine")),
    Case(
        "supervision:practice_person",
        per_variant({SUPERVISOR, LEADER, COORDINATOR}, {COORDINATOR}),
        person,
    ),
    Case(
        "supervision:year_create",
        PLANS_YEARS,
        lambda w, v: {"school_code": w.schools[str(v)].code},
    ),
    Case("supervision:calibration_index", declared("supervision:calibration_index")),
    Case("supervision:calibration_register", declared("supervision:calibration_register")),
    Case("supervision:agreement_report", declared("supervision:agreement_report")),
    Case(
        "supervision:calibration_take",
        declared("supervision:calibration_take"),
        lambda w, v: {"public_id": w.exercise.public_id},
    ),
    # Each supervisor's own attempt only; nobody else opens it, national staff neither.
    Case(
        "supervision:calibration_result",
        {"a1": frozenset({SUPERVISOR}), "b1": frozenset()},
        public_id("calibration_attempts"),
    ),
    Case("supervision:double_coding_list", declared("supervision:double_coding_list")),
    # The pair's page: its two observers and the school's coordinators; the co-observer
    # (Supervisor A1 at A2) reaches it without reaching the visit's own page.
    Case(
        "supervision:double_coding_visit",
        per_variant({SUPERVISOR, COORDINATOR}, {SUPERVISOR, COORDINATOR}),
        public_id("visits_done"),
    ),
    Case(
        "supervision:double_coding_assign",
        PLANS_YEARS,
        public_id("visits_open"),
        method="POST",
        data=lambda w, v: {"co_observer": w.co_observers[str(v)].pk},
    ),
    Case("supervision:year_detail", FOLLOWS_SCHOOL, public_id("years")),
    Case(
        "supervision:year_update",
        PLANS_YEARS,
        public_id("years"),
        method="POST",
        data=lambda w, v: {
            "frequency": Frequency.MONTHLY.value,
            "supervisors": [w.supervisors[str(v)].pk],
        },
    ),
    Case(
        "supervision:visit_add",
        PLANS_VISITS,
        public_id("years"),
        method="POST",
        data=lambda w, v: {"planned_on": "2027-03-10"},
    ),
    Case("supervision:visit_detail", FOLLOWS_SCHOOL, public_id("visits_done")),
    Case(
        "supervision:visit_notes",
        RECORDS,
        public_id("visits_open"),
        method="POST",
        data=lambda w, v: {"notes-notes": "The support room was open all day."},
    ),
    Case("supervision:visit_report", FOLLOWS_SCHOOL, public_id("visits_done")),
    Case("supervision:observation_create", RECORDS, public_id("visits_open")),
    Case(
        "supervision:attachment_add",
        RECORDS,
        public_id("visits_open"),
        method="POST",
        data=lambda w, v: {
            "attachment-client_id": client_id(),
            "attachment-file": png_file(),
            "attachment-caption": "",
            "attachment-observation": "",
        },
    ),
    Case(
        "supervision:action_point_add",
        RECORDS,
        public_id("visits_open"),
        method="POST",
        data=lambda w, v: {
            "ap-client_id": client_id(),
            "ap-description": "Label the quiet corner",
            "ap-owner": w.learners[str(v)].pk,
            "ap-due_on": "2026-12-15",
        },
    ),
    Case(
        "supervision:action_point_review",
        RECORDS,
        lambda w, v: {
            "public_id": w.visits_open[str(v)].public_id,
            "point_id": w.points_done[str(v)].public_id,
        },
        method="POST",
        data=lambda w, v: {
            f"review-{w.points_done[str(v)].public_id}-outcome": "done",
            f"review-{w.points_done[str(v)].public_id}-note": "",
            f"review-{w.points_done[str(v)].public_id}-new_due_on": "",
        },
    ),
    Case(
        "supervision:visit_transition",
        RECORDS,
        lambda w, v: {"public_id": w.visits_open[str(v)].public_id, "action": "submit"},
        method="POST",
    ),
    Case("supervision:observation_detail", SEES_OBSERVATION, public_id("observations_done")),
    Case("supervision:observation_edit", RECORDS, public_id("observations_open")),
    Case(
        "supervision:observation_delete",
        RECORDS,
        public_id("observations_open"),
        method="POST",
    ),
    Case("supervision:attachment_download", SEES_OBSERVATION, public_id("attachments_done")),
    Case("supervision:attachment_delete", RECORDS, public_id("attachments_open"), method="POST"),
    Case("supervision:action_point_edit", RECORDS, public_id("points_open")),
    Case("supervision:action_point_delete", RECORDS, public_id("points_open"), method="POST"),
    # programmes
    Case("programme_index", declared("programme_index")),
    Case(
        "programme_dashboard",
        declared("programme_dashboard"),
        lambda w, v: {"code": w.programme.code},
    ),
    Case(
        "programme_indicators",
        declared("programme_indicators"),
        lambda w, v: {"code": w.programme.code},
    ),
    Case(
        "programme_region",
        SEES_REGION_FIGURES,
        lambda w, v: {"code": w.programme.code, "region_code": w.regions[str(v)].code},
    ),
    Case(
        "programme_school",
        SEES_SCHOOL_FIGURES,
        lambda w, v: {"code": w.programme.code, "school_code": w.schools[str(v)].code},
    ),
    Case("training_record", SEES_PERSON, person),
    Case("staff_import_new", declared("staff_import_new")),
    Case("staff_import_template", declared("staff_import_template")),
    Case("staff_list", declared("staff_list")),
    Case("staff_import_detail", OWNS_IMPORT, public_id("imports")),
    Case("staff_import_start", OWNS_IMPORT, public_id("imports"), method="POST"),
    Case(
        "programme_reports", declared("programme_reports"), lambda w, v: {"code": w.programme.code}
    ),
    Case(
        "programme_report_stop",
        MANAGES_REPORT,
        lambda w, v: {"public_id": w.report_subscriptions[str(v)].public_id},
        method="POST",
    ),
    Case(
        "report_unsubscribe",
        declared("report_unsubscribe"),
        lambda w, v: {"token": w.report_subscriptions["a1"].unsubscribe_token},
    ),
]
CASES_BY_ROUTE = {case.route: case for case in CASES}


def _params() -> Iterator[Any]:
    for case in CASES:
        for variant in case.variants:
            for actor in ACTORS:
                yield pytest.param(
                    case, actor, variant, id=f"{case.route}-{actor}-{variant or 'no-object'}"
                )


# --- Requests -----------------------------------------------------------------------------------


def _client(world: World, actor: str = ANONYMOUS) -> Client:
    """The module's client, signed in as ``actor`` (or anonymous), with no other cookie."""
    client = world.client
    client.cookies.clear()
    if actor != ANONYMOUS:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[actor]
    return client


def _path(name: str) -> str:
    with translation.override("en"):
        return reverse(name)


def _redirect_path(response: HttpResponse) -> str:
    return urlsplit(response.headers.get("Location", "")).path


@functools.cache
def _paths_of(name: str) -> frozenset[str]:
    """The address of a named page in every interface language."""
    paths = set()
    for language, _label in settings.LANGUAGES:
        with translation.override(language):
            paths.add(reverse(name))
    return frozenset(paths)


def _is_sign_in(response: HttpResponse) -> bool:
    return response.status_code == 302 and _redirect_path(response) in _paths_of("account_login")


def _describe(response: HttpResponse) -> str:
    if response.status_code in (301, 302):
        return f"{response.status_code} → {response.headers.get('Location')}"
    return str(response.status_code)


def _request(client: Client, case: Case, world: World, variant: str | None) -> HttpResponse:
    with translation.override("en"):
        url = reverse(case.route, kwargs=case.kwargs(world, variant))
    data = case.data(world, variant) if case.data else {}
    if case.method == "POST":
        return client.post(url, data)
    return client.get(url, data)


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "actor", "variant"), list(_params()))
def test_route_answers_each_role_as_declared(
    world: World, case: Case, actor: str, variant: str | None
) -> None:
    response = _request(_client(world, actor), case, world, variant)
    allowed = actor in case.allowed[variant]
    where = f"{case.route} as {actor}" + (f" on the {variant} object" if variant else "")
    if allowed:
        assert not _is_sign_in(response), f"{where}: sent to sign in"
        assert response.status_code in case.ok, (
            f"{where}: expected to get through ({sorted(case.ok)}), got {_describe(response)}"
        )
    elif actor == ANONYMOUS:
        assert _is_sign_in(response), (
            f"{where}: expected a redirect to sign in, got {_describe(response)}"
        )
    else:
        assert response.status_code in DENIED, (
            f"{where}: expected 403 or 404, got {_describe(response)}"
        )


# --- The declaration covers every pattern ---------------------------------------------------------


def _undeclared(patterns: list[access.Pattern]) -> list[str]:
    return sorted(
        f"{pattern.name or '(unnamed)'} at {pattern.path}"
        for pattern in patterns
        if access.access_for(pattern) is None
    )


def test_every_url_pattern_has_a_declared_policy() -> None:
    patterns = access.url_patterns()
    assert len(patterns) > 300  # the walk reaches into the included admin and allauth
    assert not _undeclared(patterns), "URL patterns without an access policy in lms.access"


def test_every_declaration_names_an_existing_pattern() -> None:
    patterns = access.url_patterns()
    names = {pattern.name for pattern in patterns}
    assert sorted(set(access.ROUTES) - names) == [], "declared routes that do not exist"
    unused = [
        prefix
        for prefix in access.PREFIXES
        if prefix not in access.DEBUG_ONLY_PREFIXES
        and not any(pattern.path.startswith(prefix) for pattern in patterns)
    ]
    assert unused == [], "declared prefixes under which no pattern is mounted"


def test_a_missing_declaration_is_reported() -> None:
    stray = access.Pattern(
        name="stray", path="stray/", converters={}, view_module="lms.views", localised=True
    )
    assert _undeclared([stray]) == ["stray at stray/"]


def test_patterns_added_under_debug_are_declared() -> None:
    """Under DEBUG, ``lms.urls`` also serves uploaded files; those patterns need a policy."""
    import lms.urls

    try:
        with override_settings(DEBUG=True):
            module = importlib.reload(lms.urls)
            patterns = access.url_patterns(URLResolver(get_resolver().pattern, module))
        assert not _undeclared(patterns)
        for prefix in access.DEBUG_ONLY_PREFIXES:
            assert any(pattern.path.startswith(prefix) for pattern in patterns), prefix
    finally:
        importlib.reload(lms.urls)
        clear_url_caches()


def _in_the_admin(pattern: access.Pattern) -> bool:
    entry = access.access_for(pattern)
    return entry is not None and entry.policy == access.Policy.ADMIN_ONLY


def test_every_product_route_is_in_the_matrix() -> None:
    # Pages a product app adds to the Wagtail admin (the course reviews) are walked with the
    # rest of the admin below; who may act there has its own tests (tests/courses).
    product = {
        pattern.name
        for pattern in access.url_patterns()
        if pattern.name and pattern.app in access.PRODUCT_APPS and not _in_the_admin(pattern)
    }
    assert sorted(product - set(CASES_BY_ROUTE)) == [], "product routes the matrix does not request"
    assert sorted(set(CASES_BY_ROUTE) - product) == []


@pytest.mark.parametrize("case", CASES, ids=[case.route for case in CASES])
def test_the_matrix_follows_the_declaration(case: Case) -> None:
    """The people a case lets through are those the declared policy names."""
    entry = access.ROUTES[case.route]
    for variant, allowed in case.allowed.items():
        if entry.policy == access.Policy.PUBLIC:
            assert allowed == EVERYONE, variant
            continue
        assert ANONYMOUS not in allowed, variant
        if entry.policy == access.Policy.ROLE:
            assert allowed <= {str(role) for role in entry.roles}, variant
    if entry.policy in (access.Policy.SIGNED_IN_SCOPED, access.Policy.ROLE) and entry.personal:
        assert set(case.variants) >= {"a1", "b1"} or case.variants == (None,), (
            "a route naming personal data is requested on another region's object too"
        )


def test_declared_roles_are_roles() -> None:
    for name, entry in access.ROUTES.items():
        if entry.policy == access.Policy.ROLE:
            assert entry.roles, name
            assert entry.roles <= set(Role.values), name
        else:
            assert not entry.roles, name


# --- Identifiers of personal data cannot be guessed ---------------------------------------------


def _guessable(pattern: access.Pattern, entry: access.Access) -> list[str]:
    """Parameters of ``pattern`` that could be guessed although it leads to personal data."""
    unguessable = {
        name
        for name, converter in pattern.converters.items()
        if converter == "uuid" or name in entry.unguessable
    }
    problems = []
    for name, converter in pattern.converters.items():
        if name in unguessable or name in entry.actions:
            continue
        if name in entry.nested and unguessable:
            continue  # looked up within the object the unguessable identifier names
        problems.append(f"{pattern.name}: <{converter}:{name}>")
    for name in (*entry.unguessable, *entry.nested, *entry.actions):
        if name not in pattern.converters:
            problems.append(f"{pattern.name}: declares {name}, which it does not have")
    return problems


def test_personal_data_is_reached_by_unguessable_identifiers() -> None:
    checked, problems = 0, []
    for pattern in access.url_patterns():
        entry = access.access_for(pattern)
        if entry is None or entry.policy == access.Policy.ADMIN_ONLY:
            continue  # the admin is for trainers, managers and administrators only
        if entry.policy == access.Policy.SIGNED_IN_SCOPED:
            assert pattern.converters, f"{pattern.name} is scoped but names no object"
        if entry.personal:
            checked += 1
            problems += _guessable(pattern, entry)
    assert checked > 40
    assert problems == []


def test_a_guessable_identifier_is_reported() -> None:
    entry = access.scoped("A person's record.")
    numbered = access.Pattern(
        name="person_by_number",
        path="people/<int:pk>/",
        converters={"pk": "int"},
        view_module="people.views",
        localised=True,
    )
    assert _guessable(numbered, entry) == ["person_by_number: <int:pk>"]
    nested_alone = access.scoped("A role.", nested=("pk",))
    assert _guessable(numbered, nested_alone) == ["person_by_number: <int:pk>"]


# --- The admin and every sign-in go through the product's sign-in page --------------------------

DUMMY = {"int": "1", "str": "x", "slug": "x", "path": "x", "uuid": str(uuid.UUID(int=1))}


def _sample_path(pattern: access.Pattern) -> str | None:
    """An address that reaches ``pattern``, with made-up values for its parameters."""
    if pattern.name:
        kwargs = {name: DUMMY.get(converter, "1") for name, converter in pattern.converters.items()}
        try:
            return reverse(pattern.name, kwargs=kwargs)
        except NoReverseMatch:
            pass
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "1", pattern.path)
    path = re.sub(r"<(\w+):\w+>", lambda match: DUMMY.get(match.group(1), "x"), path)
    path = path.replace(".*", "x").replace("\\.", ".").replace("\\d+", "1")
    return "/" + path


def _admin_patterns() -> list[tuple[access.Pattern, str]]:
    found = []
    for pattern in access.url_patterns():
        entry = access.access_for(pattern)
        if entry is not None and entry.policy == access.Policy.ADMIN_ONLY:
            path = _sample_path(pattern)
            assert path is not None, pattern
            found.append((pattern, path))
    return found


def _followed(client: Client, response: HttpResponse) -> HttpResponse:
    """Follow redirects within the site (the admin's own sign-in address, a language
    prefix added to an unknown address) until the sign-in page or a final answer."""
    for _hop in range(3):
        if response.status_code not in (301, 302) or _is_sign_in(response):
            break
        target = response.headers["Location"]
        if urlsplit(target).netloc:
            break
        response = client.get(target)
    return response


def _admin_answers(client: Client) -> Iterator[tuple[str, HttpResponse]]:
    admin = _admin_patterns()
    assert len(admin) > 200
    for pattern, path in admin:
        yield f"{pattern.name or pattern.path} ({path})", _followed(client, client.get(path))


@pytest.mark.django_db
def test_the_admin_sends_anonymous_visitors_to_the_product_sign_in(world: World) -> None:
    wrong = [
        f"{where}: {_describe(response)}"
        for where, response in _admin_answers(_client(world))
        if not (_is_sign_in(response) or response.status_code == 404)
    ]
    assert wrong == [], "\n".join(wrong)


@pytest.mark.django_db
def test_the_admin_is_closed_to_learners(world: World) -> None:
    wrong = [
        f"{where}: {_describe(response)}"
        for where, response in _admin_answers(_client(world, TUTOR))
        if response.status_code < 300 or response.status_code >= 500
    ]
    assert wrong == [], "\n".join(wrong)


@pytest.mark.django_db
@pytest.mark.parametrize("actor", ROLES)
def test_the_admin_opens_only_for_authoring_and_national_roles(world: World, actor: str) -> None:
    response = _client(world, actor).get(reverse("wagtailadmin_home"))
    if actor in {TRAINER, *NATIONAL}:
        assert response.status_code == 200
    else:
        assert response.status_code != 200, _describe(response)
        assert response.status_code < 500, _describe(response)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/login/", "/en/_util/login/"])
def test_other_sign_in_forms_lead_to_the_product_sign_in(world: World, path: str) -> None:
    """Wagtail's admin and front-end sign-in forms would take a password alone: no
    throttling, no second factor. Both lead to the product's sign-in page instead."""
    manager = world.actors[R.PROGRAMME_MANAGER.value]
    activate_totp(manager)
    client = _client(world)
    assert _is_sign_in(client.get(path))
    response = client.post(path, {"username": manager.email, "password": PASSWORD})
    assert _is_sign_in(response)
    assert "_auth_user_id" not in client.session
    assert _is_sign_in(client.get(_path("person_list")))


@pytest.mark.django_db
def test_course_pages_need_sign_in(world: World) -> None:
    url = world.course.url
    assert url
    assert url.startswith("/kk/")
    assert _is_sign_in(_client(world).get(url))
    assert _client(world, TUTOR).get(url).status_code == 200


@pytest.mark.django_db
def test_course_documents_need_sign_in(world: World) -> None:
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model()(title="Lesson plan")
    document.file.save("lesson-plan.txt", ContentFile(b"Plan every lesson."), save=True)
    response = _client(world).get(document.url)
    assert _is_sign_in(response), _describe(response)
    response = _client(world, TUTOR).get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Plan every lesson."


# --- Two-factor authentication for programme roles ------------------------------------------------


@pytest.mark.django_db
def test_a_programme_role_without_two_factor_is_sent_to_set_it_up(
    world: World, settings: Any
) -> None:
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = True
    setup = _paths_of("mfa_activate_totp")
    for role in (SUPERVISOR, COORDINATOR, R.PROGRAMME_MANAGER.value):
        response = _client(world, role).get(_path("supervision:index"))
        assert response.status_code == 302, role
        assert _redirect_path(response) in setup, role
    assert _client(world, TUTOR).get(_path("supervision:index")).status_code == 200
    activate_totp(world.actors[SUPERVISOR])
    assert _client(world, SUPERVISOR).get(_path("supervision:index")).status_code == 200


# --- Lists show only what is in scope -----------------------------------------------------------

PEOPLE = {"a1": "Tutor A1", "a2": "Teacher A2", "b1": "Teacher B1"}
SCHOOLS = {"a1": "School A1", "a2": "School A2", "b1": "School B1"}
REGIONS = {"a1": "Region A", "b1": "Region B"}
ALL_OF = {"a1", "a2", "b1"}
NATIONWIDE = {R.PROGRAMME_MANAGER.value: ALL_OF, R.ADMINISTRATOR.value: ALL_OF}
PEOPLE_IN_SCOPE = {
    LEADER: {"a1"},
    SUPERVISOR: {"a1"},
    COORDINATOR: {"a1", "a2"},
    TRAINER: ALL_OF,
    **NATIONWIDE,
}
NO_ONE: dict[str, set[str]] = {R.PROGRAMME_MANAGER.value: set(), R.ADMINISTRATOR.value: set()}
SCHOOLS_FOLLOWED = {LEADER: {"a1"}, SUPERVISOR: {"a1"}, COORDINATOR: {"a1", "a2"}, **NATIONWIDE}


@dataclass(frozen=True)
class ListCase:
    """A page that lists things: who reads it, and which variants' markers each must see."""

    route: str
    markers: dict[str, str] | Callable[[World], dict[str, str]]
    sees: dict[str, set[str]]
    kwargs: Kwargs = lambda world, variant: {}
    query: dict[str, str] = field(default_factory=dict)

    def markers_in(self, world: World) -> dict[str, str]:
        return self.markers(world) if callable(self.markers) else self.markers


LIST_CASES = [
    ListCase("person_list", PEOPLE, PEOPLE_IN_SCOPE),
    ListCase("course_report", PEOPLE, PEOPLE_IN_SCOPE, lambda w, v: {"page_id": w.course.pk}),
    ListCase(
        "course_report",
        PEOPLE,
        PEOPLE_IN_SCOPE,
        lambda w, v: {"page_id": w.course.pk},
        {"export": "csv"},
    ),
    ListCase(
        "certificate_register",
        PEOPLE,
        {SUPERVISOR: {"a1"}, COORDINATOR: {"a1", "a2"}, TRAINER: ALL_OF, **NATIONWIDE},
    ),
    ListCase(
        "certificate_register",
        PEOPLE,
        {SUPERVISOR: {"a1"}, COORDINATOR: {"a1", "a2"}, TRAINER: ALL_OF, **NATIONWIDE},
        query={"export": "csv"},
    ),
    ListCase("reflection_queue", PEOPLE, {TRAINER: ALL_OF, **NATIONWIDE}),
    ListCase(
        "staff_list",
        PEOPLE,
        {LEADER: {"a1"}, COORDINATOR: {"a1", "a2"}, **NATIONWIDE},
        query={"format": "csv"},
    ),
    ListCase(
        "supervision:action_point_list",
        PEOPLE,
        {TUTOR: {"a1"}, R.TEACHER.value: set(), TRAINER: set(), **SCHOOLS_FOLLOWED},
    ),
    ListCase("supervision:school_list", SCHOOLS, SCHOOLS_FOLLOWED),
    ListCase("supervision:caseload", SCHOOLS, {SUPERVISOR: {"a1"}}),
    ListCase("supervision:coverage", SCHOOLS, {COORDINATOR: {"a1", "a2"}, **NATIONWIDE}),
    ListCase(
        "supervision:offline_manifest",
        lambda w: {v: str(visit.public_id) for v, visit in w.visits_open.items()},
        {SUPERVISOR: {"a1"}, LEADER: set(), COORDINATOR: set(), TUTOR: set(), **NO_ONE},
    ),
    ListCase(
        "programme_region",  # region A, whose schools are A1 and A2
        SCHOOLS,
        {
            LEADER: {"a1"},
            SUPERVISOR: {"a1"},
            COORDINATOR: {"a1", "a2"},
            R.PROGRAMME_MANAGER.value: {"a1", "a2"},
            R.ADMINISTRATOR.value: {"a1", "a2"},
        },
        lambda w, v: {"code": w.programme.code, "region_code": w.regions["a1"].code},
    ),
    # The admin's audit log lists only what the reader may edit there: not certificates,
    # which name their holders (administrators see everything).
    ListCase(
        "wagtailadmin_reports:site_history_results",
        PEOPLE,
        {TRAINER: set(), R.PROGRAMME_MANAGER.value: set(), R.ADMINISTRATOR.value: ALL_OF},
    ),
    ListCase(
        "programme_dashboard",
        REGIONS,
        {LEADER: {"a1"}, SUPERVISOR: {"a1"}, COORDINATOR: {"a1"}, **NATIONWIDE},
        lambda w, v: {"code": w.programme.code},
    ),
]


def _list_params() -> Iterator[Any]:
    for case in LIST_CASES:
        label = case.route + ("-" + "-".join(case.query.values()) if case.query else "")
        for actor in case.sees:
            yield pytest.param(case, actor, id=f"{label}-{actor}")


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "actor"), list(_list_params()))
def test_lists_show_only_what_is_in_scope(world: World, case: ListCase, actor: str) -> None:
    with translation.override("en"):
        url = reverse(case.route, kwargs=case.kwargs(world, None))
    response = _client(world, actor).get(url, case.query)
    assert response.status_code == 200, _describe(response)
    body = response.content.decode()
    markers = case.markers_in(world)
    shown = {variant for variant, marker in markers.items() if marker in body}
    expected = case.sees[actor] & set(markers)
    assert shown == expected, (
        f"{case.route} as {actor}: shows {sorted(shown)}, expected {sorted(expected)}"
    )


# --- Personal data is never stored by a browser or a proxy --------------------------------------


def _cache_directives(response: HttpResponse) -> set[str]:
    header = response.headers.get("Cache-Control", "")
    return {part.strip().split("=")[0].lower() for part in header.split(",") if part.strip()}


def _never_stored(response: HttpResponse) -> bool:
    return {"no-store", "private"} <= _cache_directives(response)


def _store_params(*, personal: bool) -> Iterator[Any]:
    """Each case (routes marked personal, or the others), on each object, as the first
    person its policy lets through: signed in, and anonymous too where that is allowed."""
    for case in CASES:
        if access.ROUTES[case.route].personal != personal:
            continue
        for variant, allowed in case.allowed.items():
            actors = [actor for actor in ACTORS if actor in allowed and actor != ANONYMOUS][:1]
            if ANONYMOUS in allowed:
                actors.append(ANONYMOUS)
            for actor in actors:
                yield pytest.param(
                    case, actor, variant, id=f"{case.route}-{actor}-{variant or 'no-object'}"
                )


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "actor", "variant"), list(_store_params(personal=True)))
def test_every_route_marked_personal_is_never_stored(
    world: World, case: Case, actor: str, variant: str | None
) -> None:
    response = _request(_client(world, actor), case, world, variant)
    assert response.status_code in case.ok, _describe(response)
    assert _never_stored(response), response.headers.get("Cache-Control")


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "actor", "variant"), list(_store_params(personal=False)))
def test_every_answer_to_a_signed_in_person_is_never_stored(
    world: World, case: Case, actor: str, variant: str | None
) -> None:
    """Pages of one's own (learning, certificates, the home page) carry personal data too;
    only content the same for everyone (``lms.access.SHARED_CONTENT``) is kept, privately."""
    response = _request(_client(world, actor), case, world, variant)
    assert response.status_code in case.ok, _describe(response)
    directives = _cache_directives(response)
    if case.route in access.SHARED_CONTENT:
        if actor != ANONYMOUS:
            assert "private" in directives, directives
            assert "no-store" not in directives, directives
    elif actor != ANONYMOUS:
        assert _never_stored(response), response.headers.get("Cache-Control")


@dataclass(frozen=True)
class Download:
    route: str
    actor: str
    kwargs: Kwargs = lambda world, variant: {}
    query: dict[str, str] = field(default_factory=dict)


MANAGER = R.PROGRAMME_MANAGER.value
DOWNLOADS = [
    Download("my_data", TUTOR),
    Download("certificate_download", TUTOR, lambda w, v: code(w, "a1")),
    Download("certificate_verify_qr_json", ANONYMOUS, lambda w, v: code(w, "a1")),
    Download("certificate_credential", TUTOR, lambda w, v: code(w, "a1")),
    Download("certificate_credential_public", ANONYMOUS, lambda w, v: code(w, "a1")),
    Download(
        "supervision:visit_report", SUPERVISOR, lambda w, v: public_id("visits_done")(w, "a1")
    ),
    Download(
        "supervision:attachment_download",
        SUPERVISOR,
        lambda w, v: public_id("attachments_done")(w, "a1"),
    ),
    *(
        Download("course_report", MANAGER, lambda w, v: {"page_id": w.course.pk}, {"export": fmt})
        for fmt in ("csv", "xlsx")
    ),
    *(Download("certificate_register", MANAGER, query={"export": fmt}) for fmt in ("csv", "xlsx")),
    *(Download("staff_list", COORDINATOR, query={"format": fmt}) for fmt in ("csv", "xlsx")),
    Download("staff_import_template", COORDINATOR),
    Download(
        "programme_dashboard", MANAGER, lambda w, v: {"code": w.programme.code}, {"export": "csv"}
    ),
    Download(
        "programme_indicators", MANAGER, lambda w, v: {"code": w.programme.code}, {"export": "xlsx"}
    ),
    Download(
        "programme_region",
        MANAGER,
        lambda w, v: {"code": w.programme.code, "region_code": w.regions["a1"].code},
        {"export": "xlsx"},
    ),
    Download(
        "programme_school",
        MANAGER,
        lambda w, v: {"code": w.programme.code, "school_code": w.schools["a1"].code},
        {"export": "csv"},
    ),
    Download("training_record", MANAGER, lambda w, v: person(w, "a1"), {"export": "csv"}),
    Download("wagtailadmin_reports:site_history", R.ADMINISTRATOR.value, query={"export": "csv"}),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "download",
    DOWNLOADS,
    ids=[f"{d.route}-{'-'.join(d.query.values()) or 'file'}" for d in DOWNLOADS],
)
def test_every_download_and_export_is_never_stored(world: World, download: Download) -> None:
    with translation.override("en"):
        path = reverse(download.route, kwargs=download.kwargs(world, None))
    response = _client(world, download.actor).get(path, download.query)
    assert response.status_code == 200, _describe(response)
    is_file = "Content-Disposition" in response.headers or response["Content-Type"].startswith(
        ("application/pdf", "application/json", "image/")
    )
    assert is_file, response["Content-Type"]
    assert _never_stored(response), response.headers.get("Cache-Control")


def test_shared_content_names_routes_that_carry_no_personal_data() -> None:
    names = {pattern.name for pattern in access.url_patterns()}
    for name in access.SHARED_CONTENT:
        assert name in names, name
        assert not access.ROUTES[name].personal, name


@pytest.mark.django_db
def test_static_files_and_course_documents_stay_cacheable(world: World) -> None:
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    client = _client(world, TUTOR)
    static = client.get(settings.STATIC_URL + "css/main.css")
    assert static.status_code == 200
    assert "no-store" not in _cache_directives(static)
    assert "public" in _cache_directives(static)

    document = get_document_model()(title="Lesson plan")
    document.file.save("lesson-plan.txt", ContentFile(b"Plan every lesson."), save=True)
    served = client.get(document.url)
    assert served.status_code == 200
    directives = _cache_directives(served)
    assert "private" in directives, directives
    assert "no-store" not in directives, directives
