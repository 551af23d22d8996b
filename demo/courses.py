"""The courses of the demo programme and a cohort that started on 15 August.

Eight short courses (one per tutor area, and one each for teachers, specialists,
methodologists and school leaders) written in Kazakh, with Russian and English
translations, one data file each in ``demo/data/courses/``. Every learner is enrolled in
the courses their role requires, and has got as far as a deterministic draw puts them:
not started, part-way, waiting for a trainer to review their reflection, or completed on
a date since 15 August. Progress goes through the same services a learner's clicks do;
only the dates are moved into the past.

Idempotent: a course, module, translation or enrolment that exists is left as it is.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth.models import Group
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from courses import services
from courses.models import (
    Cohort,
    CourseAudience,
    CourseCatalogue,
    CoursePage,
    Enrolment,
    KnowledgeCheckAttempt,
    ModuleCompletion,
    ModulePage,
    Reflection,
)
from courses.setup import LEAD_TRAINERS, ensure_authoring_setup
from people.models import RoleMembership, TrainingArea, User

from .loader import LANGUAGES, load
from .people import PeopleSeedResult

ID_NAMESPACE = uuid.UUID("6f1c6c0e-1a8e-4d4b-9a52-2f1b7c3e9d10")

# Share of learners at each stage, by a draw in [0, 100).
NOT_STARTED, PART_WAY, AWAITING_REVIEW = 15, 45, 60  # the rest have completed

COURSES_DATA = load("courses")


def courses() -> list[dict[str, Any]]:
    """The demo's courses in the order they are built: each file's content with its key
    (the file's name, and the course's address) and the programme's training centre."""
    return [
        {"key": key, "provider": COURSES_DATA["provider"], **load(f"courses/{key}")}
        for key in COURSES_DATA["courses"]
    ]


def block_id(*parts: str) -> str:
    """Block ids are derived from the content's keys, so that every translation of a module
    shares them: a knowledge-check answer means the same whatever language it was read in."""
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(parts)))


def draw(*parts: str) -> int:
    return int(hashlib.sha256("/".join(parts).encode()).hexdigest()[:8], 16) % 100


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


# --- Building pages from the content ---------------------------------------------------------


def _list(items: list[Any], *parts: str) -> list[dict[str, Any]]:
    return [
        {"type": "item", "value": value, "id": block_id(*parts, str(index))}
        for index, value in enumerate(items)
    ]


def module_body(course_key: str, module: dict[str, Any], language: str) -> list[dict[str, Any]]:
    """A module's StreamField in one language, from its blocks in the data file."""
    body = []
    for index, block in enumerate(module["body"]):
        kind = block["type"]
        base = (course_key, module["key"], str(index))
        value: Any
        if kind == "heading":
            value = {"text": block["text"][language], "level": "h2"}
        elif kind == "paragraph":
            value = block["text"][language]
        elif kind == "callout":
            value = {"kind": block["kind"], "text": block["text"][language]}
        elif kind == "knowledge_check":
            questions = []
            for q_index, question in enumerate(block["questions"]):
                options = [
                    {
                        "text": option["text"][language],
                        "is_correct": option["is_correct"],
                        "feedback": option["feedback"][language],
                    }
                    for option in question["options"]
                ]
                questions.append(
                    {
                        "text": question["text"][language],
                        "kind": question["kind"],
                        "options": _list(options, *base, "q", str(q_index), "o"),
                    }
                )
            value = {
                "title": block["title"][language],
                "questions": _list(questions, *base, "q"),
                "pass_mark": block["pass_mark"],
                "attempts_allowed": block["attempts_allowed"],
            }
        elif kind == "reflection":
            value = {
                "prompt": block["prompt"][language],
                "guidance": block["guidance"][language],
                "min_length": block["min_length"],
                "max_length": block["max_length"],
            }
        else:
            raise ValueError(f"{course_key}/{module['key']}: unknown block {kind!r}")
        body.append({"type": kind, "value": value, "id": block_id(*base)})
    return body


def _publish(page: Page) -> None:
    page.save_revision().publish()


def localize(original: Page, written: Page, locale: Locale) -> Page:
    """Translate ``original`` into ``locale`` the way a trainer does in the admin, with the
    text of ``written`` (an unsaved page of the same structure in that language), and
    publish the translation.

    The translation is wagtail-localize's: the admin shows it in the translation editor,
    and "Sync translated pages" carries later changes of the original into it.
    """
    source, _created = TranslationSource.get_or_create_from_instance(original)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    texts: dict[str, list[str]] = defaultdict(list)
    for segment in extract_segments(written):
        if isinstance(segment, StringSegmentValue):
            texts[segment.path].append(segment.string.data)
    seen: dict[str, int] = defaultdict(int)
    segments = source.stringsegment_set.select_related("string", "context").order_by("order")
    for segment in segments:
        path = segment.context.path
        index = seen[path]
        seen[path] += 1
        if index >= len(texts[path]):
            raise ValueError(f"{written.slug}: no {locale.language_code} text for {path}")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": texts[path][index],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translation.save_target(publish=False)
    page = original.get_translation(locale)
    revision = page.get_latest_revision()
    if revision is not None:
        revision.publish()
    return page


def is_localized(original: Page, locale: Locale) -> bool:
    return Translation.objects.filter(
        source__object_id=original.translation_key, target_locale=locale
    ).exists()


@dataclass
class CourseSeeder:
    out: OutputWrapper
    people: PeopleSeedResult

    def __post_init__(self) -> None:
        self.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
        self.areas = {area.code: area for area in TrainingArea.objects.all()}
        self.start = self.people.programme_start
        self.today = timezone.localdate()

    def catalogue(self, language: str) -> CourseCatalogue:
        catalogue = CourseCatalogue.objects.filter(locale=self.locales[language]).first()
        if catalogue is None:
            raise RuntimeError("The course catalogue is missing; run migrate first.")
        return catalogue

    def course(self, spec: dict[str, Any]) -> CoursePage:
        key = spec["key"]
        course = CoursePage.objects.filter(slug=key, locale=self.locales["kk"]).first()
        if course is None:
            course = CoursePage(
                title=spec["title"]["kk"],
                slug=key,
                summary=spec["summary"]["kk"],
                description=spec["description"]["kk"],
                academic_hours=spec["academic_hours"],
                provider=spec["provider"]["kk"],
                sequential=spec["sequential"],
                locale=self.locales["kk"],
            )
            for audience in spec["audiences"]:
                area = audience.get("training_area")
                course.audiences.add(
                    CourseAudience(
                        role=audience["role"],
                        training_area=self.areas[area] if area else None,
                        required=audience["required"],
                    )
                )
            self.catalogue("kk").add_child(instance=course)
            _publish(course)
        for module_spec in spec["modules"]:
            self.module(course, key, module_spec)
        for language in ("ru", "en"):
            self.translate_course(course, spec, language)
        return course

    def module(self, course: CoursePage, course_key: str, spec: dict[str, Any]) -> ModulePage:
        module = ModulePage.objects.child_of(course).filter(slug=spec["key"]).first()
        if module is None:
            module = ModulePage(
                title=spec["title"]["kk"],
                slug=spec["key"],
                estimated_minutes=spec["estimated_minutes"],
                completion=spec["completion"],
                body=module_body(course_key, spec, "kk"),
                locale=course.locale,
            )
            course.add_child(instance=module)
            _publish(module)
        return module

    def translate_course(self, course: CoursePage, spec: dict[str, Any], language: str) -> None:
        """Translations made with wagtail-localize; one made before it was in use is
        taken over by it, keeping its page (and so its address)."""
        locale = self.locales[language]
        if not is_localized(course, locale):
            written = CoursePage(
                title=spec["title"][language],
                slug=course.slug,
                summary=spec["summary"][language],
                description=spec["description"][language],
                provider=spec["provider"][language],
            )
            localize(course, written, locale)
        for module_spec in spec["modules"]:
            original = ModulePage.objects.child_of(course).get(slug=module_spec["key"])
            if is_localized(original, locale):
                continue
            written_module = ModulePage(
                title=module_spec["title"][language],
                slug=original.slug,
                body=module_body(spec["key"], module_spec, language),
            )
            localize(original, written_module, locale)

    # -- learners -------------------------------------------------------------------------------

    def learners(self, spec: dict[str, Any]) -> list[User]:
        people: dict[int, User] = {}
        for audience in spec["audiences"]:
            memberships = RoleMembership.objects.current().filter(role=audience["role"])
            if area := audience.get("training_area"):
                memberships = memberships.filter(training_area__code=area)
            for person in User.objects.filter(pk__in=memberships.values("person_id")).order_by(
                "email"
            ):
                people[person.pk] = person
        return list(people.values())

    def cohort(self, course: CoursePage, spec: dict[str, Any], manager: User) -> None:
        cohort, created = Cohort.objects.get_or_create(
            course=course,
            starts_on=self.start,
            defaults={
                "name": f"{spec['title']['en']} — {self.start:%d.%m.%Y}",
                "role": spec["audiences"][0]["role"],
                "created_by": manager,
            },
        )
        if created:
            Cohort.objects.filter(pk=cohort.pk).update(created_at=at(self.start, 9))
        for person in self.learners(spec):
            if Enrolment.objects.filter(person=person, course=course).exists():
                continue
            enrolment = services.enrolment_create(
                actor=manager,
                person=person,
                course=course,
                source=Enrolment.Source.COHORT,
                cohort=cohort,
            )
            self.progress(enrolment, course, spec)

    def progress(self, enrolment: Enrolment, course: CoursePage, spec: dict[str, Any]) -> None:
        """Take the learner as far as their draw says, through the services."""
        person = enrolment.person
        stage = draw(person.email, spec["key"])
        days = max((self.today - self.start).days - 2, 1)
        finished_on = self.start + timedelta(days=5 + draw(person.email, "day") % days)
        finished_on = min(finished_on, self.today - timedelta(days=1))
        modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
        if stage < NOT_STARTED:
            reach = 0
        elif stage < PART_WAY:
            reach = 1 + draw(person.email, "reach") % max(len(modules) - 1, 1)
        else:
            reach = len(modules)
        trainer = User.objects.filter(groups__name=LEAD_TRAINERS).order_by("pk").first()
        for index, module in enumerate(modules[:reach]):
            if module.completion in (
                ModulePage.Completion.MARKED_DONE,
                ModulePage.Completion.VIEWED,
            ):
                services.module_mark_done(person=person, module=module)
            elif module.completion == ModulePage.Completion.KNOWLEDGE_CHECK:
                self.pass_check(person, module)
            elif module.completion == ModulePage.Completion.REFLECTION:
                reflection = services.reflection_submit(
                    person=person, module=module, text=self.reflection_text(person, spec)
                )
                if stage >= AWAITING_REVIEW and trainer is not None:
                    services.reflection_review(actor=trainer, reflection=reflection, accept=True)
            # Spread the learner's work between enrolment and the day they finished.
            step = (finished_on - self.start) * (index + 1) / max(len(modules), 1)
            when = at(self.start + step, 9 + index)
            ModuleCompletion.objects.filter(enrolment=enrolment, module=module).update(
                completed_at=when
            )
            KnowledgeCheckAttempt.objects.filter(enrolment=enrolment, module=module).update(
                submitted_at=when
            )
            Reflection.objects.filter(enrolment=enrolment, module=module).update(
                submitted_at=when, reviewed_at=when + timedelta(days=2)
            )
        enrolment.refresh_from_db()
        last = at(finished_on, 17) if reach else None
        Enrolment.objects.filter(pk=enrolment.pk).update(
            enrolled_at=at(self.start, 9),
            last_activity_at=last,
            completed_at=(last + timedelta(days=2)) if enrolment.is_completed and last else None,
            modules_completed_at=last if enrolment.modules_completed_at else None,
        )

    def pass_check(self, person: User, module: ModulePage) -> None:
        """Some learners need a second attempt; everyone who gets this far passes."""
        check = module.knowledge_check
        questions = services.check_questions(check.value)
        correct = {q["id"]: sorted(q["correct"]) for q in questions}
        number = 1
        if draw(person.email, module.slug) < 35:
            wrong = dict(correct)
            first = questions[0]
            wrong[first["id"]] = sorted(first["options"] - first["correct"])[:1] or sorted(
                first["correct"]
            )
            attempt = services.knowledge_check_submit(
                person=person, module=module, answers=wrong, attempt_number=number
            )
            number += 1
            if attempt.passed:
                return
        services.knowledge_check_submit(
            person=person, module=module, answers=correct, attempt_number=number
        )

    def reflection_text(self, person: User, spec: dict[str, Any]) -> str:
        language = person.preferred_language if person.preferred_language in LANGUAGES else "ru"
        return COURSES_DATA["reflection"][language].format(course=spec["title"][language])


@transaction.atomic
def seed(out: OutputWrapper, people: PeopleSeedResult) -> None:
    ensure_authoring_setup()
    # The demo trainer writes and submits; a separate lead trainer approves (separation of
    # duties: nobody approves their own course).
    lead = User.objects.get(email="lead.trainer@qamqor.example")
    lead.groups.add(Group.objects.get(name=LEAD_TRAINERS))
    manager = User.objects.get(email="manager@qamqor.example")
    seeder = CourseSeeder(out, people)
    for spec in courses():
        course = seeder.course(spec)
        seeder.cohort(course, spec, manager)
    completed = Enrolment.objects.filter(status=Enrolment.Status.COMPLETED).count()
    out.write(
        f"Courses: {CoursePage.objects.filter(locale__language_code='kk').count()} "
        f"(in kk, ru, en), {Enrolment.objects.count()} enrolments, {completed} completed."
    )
