"""A small but complete programme for the accessibility gate: a learner with courses in
Kazakh, Russian and English (a module with a captioned video, a knowledge check and a
reflection) and a certificate; a school with a supervisor, a visit being recorded and a
submitted visit waiting for the school leader's sign-off; a regional coordinator with a
programme dashboard and a staff import whose file has problems."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page
from wagtail.documents import get_document_model

from certificates.models import Certificate
from courses import services as course_services
from courses.models import CoursePage, ModulePage
from people.models import Region, RoleOffer, School, User
from people.roles import Role
from programmes import services as programme_services
from programmes.models import Programme, RequiredCourse, StaffImport, Target, TrainedRule
from supervision import services as supervision_services
from supervision.models import Rubric, Visit
from tests.factories import (
    PASSWORD,
    RegionFactory,
    SchoolFactory,
    TrainingAreaFactory,
    UserFactory,
    activate_totp,
    grant,
    totp_code,
)
from tests.factories.certificates import complete
from tests.factories.courses import course_page, module_page
from tests.factories.supervision import RubricFactory, make_year, published

from .conftest import axe_violations

LANGUAGES = ("kk", "ru", "en")
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

COURSE_TITLES = {
    "kk": "Аутизмі бар баланы қолдау",
    "ru": "Поддержка ребёнка с аутизмом",
    "en": "Supporting a child with autism",
}
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello.\n"

BAD_STAFF_CSV = (
    b"email,full_name,full_name_alt,language,role,school,region,training_area,specialism\n"
    b"not-an-email,Someone,,ru,teacher,a11y-school,,,\n"
    b"b@example.kz,B,,ru,wizard,a11y-school,,,\n"
    b"c@example.kz,C,,xx,teacher,no-such-school,,,\n"
)


def use_temporary_storage(settings: Any, tmp_path: Path) -> None:
    """Certificates, imports and uploaded documents go to a temporary folder."""
    settings.STORAGES = {
        **django_settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    settings.MEDIA_ROOT = str(tmp_path / "media")


def document(title: str, name: str, data: bytes) -> Any:
    model = get_document_model()
    item = model(title=title)
    item.file.save(name, ContentFile(data), save=False)
    item.save()
    return item


def video_body(language: str) -> list[dict[str, Any]]:
    video = document("Clip", "clip.mp4", b"\x00\x00\x00\x18ftypmp42")
    captions = document("Clip captions", "clip.vtt", VTT)
    return [
        {"type": "paragraph", "value": "<p>Watch the clip first.</p>", "id": str(uuid.uuid4())},
        {
            "type": "video",
            "value": {
                "title": "A morning routine",
                "video": video.pk,
                "captions": captions.pk,
                "captions_language": language,
                "poster": None,
                "transcript": "<p>The teacher shows the day's plan in pictures.</p>",
            },
            "id": str(uuid.uuid4()),
        },
    ]


@dataclass
class LearningCourse:
    course: CoursePage
    video: ModulePage
    check: ModulePage
    reflection: ModulePage


def learning_course(language: str, learner: User | None = None) -> LearningCourse:
    course = course_page(COURSE_TITLES[language], modules=[], language=language)
    found = LearningCourse(
        course=course,
        video=module_page(course, "Video", body=video_body(language)),
        check=module_page(course, "Check", completion=ModulePage.Completion.KNOWLEDGE_CHECK),
        reflection=module_page(course, "Practice", completion=ModulePage.Completion.REFLECTION),
    )
    if learner is not None:
        course_services.enrolment_create(actor=learner, person=learner, course=course)
    return found


@dataclass
class World:
    region: Region
    school: School
    learner: User
    courses: dict[str, LearningCourse]
    certificate: Certificate
    supervisor: User
    supervisor_secret: str
    leader: User
    recording: Visit
    submitted: Visit
    rubric: Rubric
    coordinator: User
    coordinator_secret: str
    programme: Programme
    staff_import: StaffImport
    offer: RoleOffer
    signed_in: dict[str, Page] = field(default_factory=dict)


def build_world() -> World:
    region = RegionFactory(code="a11y-region", name_en="Almaty region")
    school = SchoolFactory(region=region, code="a11y-school", name_en="School No. 41")
    area = TrainingAreaFactory(code="a11y-area")

    learner = UserFactory(
        full_name="Әйгерім Сейітова", full_name_alt="Aigerim Seiitova", preferred_language="en"
    )
    grant(learner, Role.TUTOR, school=school, training_area=area)
    courses = {language: learning_course(language, learner) for language in LANGUAGES}
    certified = course_page("Inclusive classroom basics", modules=1, language="en")
    complete(learner, certified)  # outside a test transaction the certificate comes at once
    certificate = Certificate.objects.get(person=learner)

    supervisor = UserFactory(full_name="Гүлнұр Тұрсынова")
    grant(supervisor, Role.SUPERVISOR, school=school)
    leader = UserFactory(full_name="Ерлан Омаров")
    grant(leader, Role.SCHOOL_LEADER, school=school)
    teacher = UserFactory(full_name="Айгүл Сейітова")
    grant(teacher, Role.TEACHER, school=school)
    rubric = RubricFactory()
    version = published(rubric)
    today = timezone.localdate()
    year = make_year(school, [supervisor], starts_on=today - timedelta(days=60))
    recording = Visit.objects.create(
        year=year,
        school=school,
        planned_on=today,
        supervisor=supervisor,
        state=Visit.State.IN_PROGRESS,
    )
    submitted = Visit.objects.create(
        year=year,
        school=school,
        planned_on=today - timedelta(days=14),
        supervisor=supervisor,
        state=Visit.State.IN_PROGRESS,
    )
    supervision_services.observation_save(
        actor=supervisor,
        visit=submitted,
        client_id=uuid.uuid4(),
        observed_person=teacher,
        observed_role=Role.TEACHER,
        rubric=rubric,
        scores=dict.fromkeys(version.indicator_keys(), 3),
        evidence="The pupil followed the visual timetable.",
    )
    supervision_services.action_point_save(
        actor=supervisor,
        visit=submitted,
        client_id=uuid.uuid4(),
        description="Put up a visual timetable",
        owner=teacher,
        due_on=today + timedelta(days=14),
    )
    supervision_services.visit_transition(
        actor=supervisor, visit=submitted, to_state=Visit.State.SUBMITTED
    )

    coordinator = UserFactory(full_name="Coordinator")
    grant(coordinator, Role.REGIONAL_COORDINATOR, region=region)
    programme = Programme.objects.create(
        code="a11y",
        name_kk="Инклюзия",
        name_ru="Инклюзия",
        name_en="Inclusion",
        starts_on=today - timedelta(days=60),
        ends_on=today + timedelta(days=200),
    )
    programme.regions.add(region)
    programme.save()  # parental many-to-many relations are written on save
    RequiredCourse.objects.create(programme=programme, role="tutor", course=certified)
    TrainedRule.objects.create(programme=programme, role="tutor")
    Target.objects.create(
        programme=programme, region=region, number=5, deadline=today + timedelta(days=90)
    )
    programme_services.statuses_refresh(programme=programme)
    staff_import = programme_services.staff_import_create(
        actor=coordinator, data=BAD_STAFF_CSV, filename="staff.csv"
    )
    assert staff_import.status == StaffImport.Status.INVALID

    return World(
        region=region,
        school=school,
        learner=learner,
        courses=courses,
        certificate=certificate,
        supervisor=supervisor,
        supervisor_secret=activate_totp(supervisor),
        leader=leader,
        recording=recording,
        submitted=submitted,
        rubric=rubric,
        coordinator=coordinator,
        coordinator_secret=activate_totp(coordinator),
        programme=programme,
        staff_import=staff_import,
        # A role the learner is asked to take on: on her home page, and its own page.
        offer=RoleOffer.objects.create(
            person=learner,
            role=Role.TEACHER,
            school=school,
            offered_by=leader,
            expires_at=timezone.now() + timedelta(days=30),
        ),
    )


def new_page(
    browser: Browser, *, viewport: dict[str, int] | None = None, **options: Any
) -> tuple[BrowserContext, Page]:
    """A fresh browser context, its pages under the product's content security policy."""
    context = browser.new_context(viewport=viewport or DESKTOP, locale="en-GB", **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def sign_in(page: Page, base: str, person: User, *, secret: str = "") -> None:
    """Sign in through the form, with the authenticator code when the person has one."""
    page.goto(f"{base}/en/accounts/login/")
    page.fill("input[name=login]", person.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()
    if secret:
        page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
        page.fill("input[name=code]", totp_code(secret))
        page.locator("main button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/[a-z]{2}/$"))


@dataclass
class Finding:
    page: str
    url: str
    problems: list[Any]


class Gate:
    """Visits pages and collects every finding, so that one run reports all of them."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.visited: list[tuple[str, str]] = []

    def check(self, name: str, page: Page, language: str) -> None:
        lang = page.locator("html").get_attribute("lang")
        problems: list[Any] = list(axe_violations(page))
        if lang != language:
            problems.append({"id": "lang", "help": f"html lang is {lang!r}, not {language!r}"})
        self.visited.append((name, language))
        if problems:
            self.findings.append(Finding(name, page.url, problems))

    def report(self) -> str:
        return "\n".join(f"{f.page} ({f.url}): {f.problems}" for f in self.findings)


def each_language(run: Callable[[str], None], languages: Iterable[str] = LANGUAGES) -> None:
    for language in languages:
        run(language)
