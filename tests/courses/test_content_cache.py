"""Course outlines and module bodies come from the shared cache until the content changes:
a publish, an unpublish, a move or a deletion shows on the next request, and what is the
learner's own (completions, locks, knowledge-check attempts) is never shared."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import Page

from courses import outline, services
from courses.models import CoursePage, ModulePage
from people.roles import Role
from tests.factories import SchoolFactory, UserFactory, grant
from tests.factories.courses import course_page, module_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache(settings: Any) -> Any:
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False
    cache.clear()
    yield
    cache.clear()


def learner() -> Any:
    person = UserFactory()
    grant(person, Role.TUTOR, school=SchoolFactory())
    return person


def client_for(person: Any) -> Client:
    client = Client()
    client.force_login(person)
    return client


def modules_of(course: CoursePage) -> list[ModulePage]:
    return list(ModulePage.objects.child_of(course).order_by("path"))


def titles(client: Client, course: CoursePage) -> list[str]:
    return [row.module.title for row in client.get(course.url).context["outline"].modules]


def test_the_outline_is_cached_and_a_publish_shows_the_new_title() -> None:
    course = course_page(modules=2)
    client = client_for(learner())
    assert titles(client, course) == ["Module 1", "Module 2"]

    # A change that bypasses every service and signal is not seen: the outline is cached.
    first = modules_of(course)[0]
    Page.objects.filter(pk=first.pk).update(title="Changed behind the cache")
    assert titles(client, course) == ["Module 1", "Module 2"]

    first = ModulePage.objects.get(pk=first.pk)
    first.title = "Routines"
    first.save_revision().publish()
    assert titles(client, course) == ["Routines", "Module 2"]
    module = client.get(modules_of(course)[1].url)
    assert module.context["state"].previous.title == "Routines"


def test_unpublishing_a_module_takes_it_off_the_outline() -> None:
    course = course_page(modules=3)
    client = client_for(learner())
    assert len(titles(client, course)) == 3
    modules_of(course)[1].unpublish()
    assert titles(client, course) == ["Module 1", "Module 3"]


def test_a_new_module_and_a_deleted_one_show_at_once() -> None:
    course = course_page(modules=2)
    client = client_for(learner())
    assert len(titles(client, course)) == 2
    module_page(course, "Added later")
    assert titles(client, course) == ["Module 1", "Module 2", "Added later"]
    modules_of(course)[0].delete()
    assert titles(client, course) == ["Module 2", "Added later"]


def test_the_module_body_is_cached_per_revision_and_a_publish_shows_the_new_text() -> None:
    course = course_page(modules=1)
    module = modules_of(course)[0]
    person = learner()
    services.enrolment_create(actor=person, person=person, course=course)
    client = client_for(person)
    assert "About Module 1." in client.get(module.url).content.decode()

    module = ModulePage.objects.get(pk=module.pk)
    module.body = [{"type": "paragraph", "value": "<p>New reading.</p>", "id": str(uuid.uuid4())}]
    module.save_revision()  # a draft: learners still read the live text
    body = client.get(module.url).content.decode()
    assert "About Module 1." in body
    assert "New reading." not in body

    ModulePage.objects.get(pk=module.pk).get_latest_revision().publish()
    body = client.get(module.url).content.decode()
    assert "New reading." in body
    assert "About Module 1." not in body


def test_completions_and_locks_are_each_learners_own() -> None:
    course = course_page(modules=2, sequential=True)
    first, second = modules_of(course)
    ahead, behind = learner(), learner()
    for person in (ahead, behind):
        services.enrolment_create(actor=person, person=person, course=course)
    services.module_mark_done(person=ahead, module=first)

    rows = client_for(ahead).get(course.url).context["outline"].modules
    assert [(row.completed, bool(row.locked_reason)) for row in rows] == [
        (True, False),
        (False, False),
    ]
    rows = client_for(behind).get(course.url).context["outline"].modules
    assert [(row.completed, bool(row.locked_reason)) for row in rows] == [
        (False, False),
        (False, True),
    ]
    assert client_for(behind).get(second.url).context["state"].locked


def test_a_knowledge_check_in_a_cached_body_shows_each_learner_their_own_attempt() -> None:
    course = course_page(modules=[])
    module = module_page(course, "Check", completion=ModulePage.Completion.KNOWLEDGE_CHECK)
    tried, fresh = learner(), learner()
    for person in (tried, fresh):
        services.enrolment_create(actor=person, person=person, course=course)
    fresh_client = client_for(fresh)
    assert "About Check." in fresh_client.get(module.url).content.decode()  # cached now

    # Every question answered with an option that is not correct: a failed attempt.
    questions = services.check_questions(module.knowledge_check.value)
    wrong = {q["id"]: [next(iter(q["options"] - q["correct"]))] for q in questions}
    services.knowledge_check_submit(person=tried, module=module, answers=wrong, attempt_number=1)

    body = client_for(tried).get(module.url).content.decode()
    fresh_body = fresh_client.get(module.url).content.decode()
    assert "About Check." in body
    assert "check-result--failed" in body
    assert "check-result--failed" not in fresh_body


def test_replacing_a_document_or_saving_a_page_moves_the_content_version_on() -> None:
    before = outline.content_version()
    Document.objects.create(title="Handout", file=ContentFile(b"%PDF-1.4", name="handout.pdf"))
    after_document = outline.content_version()
    assert after_document > before
    course = course_page(modules=0)
    assert outline.content_version() > after_document
    version = outline.content_version()
    course.save_revision().publish()
    assert outline.content_version() > version
