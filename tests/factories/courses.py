"""Course pages for tests, built the way Wagtail builds them (add_child, then publish)."""

from __future__ import annotations

import uuid
from typing import Any

from wagtail.models import Locale, Page, Site

from courses.models import CourseAudience, CourseCatalogue, CoursePage, ModulePage
from courses.setup import ensure_authoring_setup
from people.models import TrainingArea


def ensure_site() -> None:
    """Wagtail's root page and default site, which a flushed (transactional) test database
    has lost, then the catalogue and authoring set-up on top."""
    if not Site.objects.filter(is_default_site=True).exists():
        locale, _created = Locale.objects.get_or_create(language_code="kk")
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=locale)
        home = root.add_child(instance=Page(title="Home", slug="home", locale=locale))
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    ensure_authoring_setup()


def catalogue(language: str = "kk") -> CourseCatalogue:
    ensure_site()
    return CourseCatalogue.objects.get(locale__language_code=language)


def check_value(
    questions: list[tuple[str, str, list[tuple[str, bool]]]],
    *,
    pass_mark: int = 100,
    attempts: int = 3,
) -> dict[str, Any]:
    """Raw knowledge-check data: questions as (text, kind, [(answer, correct), ...])."""
    return {
        "title": "Check",
        "pass_mark": pass_mark,
        "attempts_allowed": attempts,
        "questions": [
            {
                "type": "item",
                "id": str(uuid.uuid4()),
                "value": {
                    "text": text,
                    "kind": kind,
                    "options": [
                        {
                            "type": "item",
                            "id": str(uuid.uuid4()),
                            "value": {
                                "text": answer,
                                "is_correct": correct,
                                "feedback": f"Because {answer}",
                            },
                        }
                        for answer, correct in options
                    ],
                },
            }
            for text, kind, options in questions
        ],
    }


SIMPLE_CHECK = [
    ("Two plus two?", "single", [("Four", True), ("Five", False)]),
    ("Which are even?", "multiple", [("Two", True), ("Four", True), ("Three", False)]),
]


def module_page(
    course: CoursePage,
    title: str,
    *,
    completion: str = ModulePage.Completion.MARKED_DONE,
    required: bool = True,
    body: list[dict[str, Any]] | None = None,
    publish: bool = True,
) -> ModulePage:
    if body is None:
        body = [{"type": "paragraph", "value": f"<p>About {title}.</p>", "id": str(uuid.uuid4())}]
        if completion == ModulePage.Completion.KNOWLEDGE_CHECK:
            body.append(
                {
                    "type": "knowledge_check",
                    "value": check_value(SIMPLE_CHECK),
                    "id": str(uuid.uuid4()),
                }
            )
        if completion == ModulePage.Completion.REFLECTION:
            body.append(
                {
                    "type": "reflection",
                    "value": {
                        "prompt": "What will you change?",
                        "guidance": "",
                        "min_length": 20,
                        "max_length": 200,
                    },
                    "id": str(uuid.uuid4()),
                }
            )
    module = ModulePage(
        title=title,
        completion=completion,
        is_required=required,
        estimated_minutes=10,
        body=body,
        locale=course.locale,
    )
    course.add_child(instance=module)
    if publish:
        module.save_revision().publish()
    return module


def course_page(
    title: str = "Supporting a child with autism",
    *,
    modules: int | list[str] = 3,
    audiences: list[tuple[str, TrainingArea | None, bool]] | None = None,
    language: str = "kk",
    **fields: Any,
) -> CoursePage:
    parent = catalogue(language)
    course = CoursePage(
        title=title,
        summary=f"A course about {title}.",
        academic_hours=8,
        provider="Qamqorlyq programme",
        locale=parent.locale,
        **fields,
    )
    for role, area, required in audiences if audiences is not None else [("tutor", None, False)]:
        course.audiences.add(CourseAudience(role=role, training_area=area, required=required))
    parent.add_child(instance=course)
    course.save_revision().publish()
    titles = (
        modules if isinstance(modules, list) else [f"Module {n}" for n in range(1, modules + 1)]
    )
    for title_ in titles:
        module_page(course, title_)
    return course
