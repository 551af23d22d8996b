"""Authoring in the Wagtail admin: a trainer writes a course and submits it, a lead trainer
approves it, and only then is it published."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.models import CoursePage, ModulePage
from courses.setup import LEAD_TRAINERS
from people.roles import Role
from tests.factories import UserFactory, activate_totp, admin_in_english, grant
from tests.factories.courses import catalogue, course_page

pytestmark = pytest.mark.django_db


def admin_client(role: str = Role.TRAINER, lead: bool = False) -> tuple[Client, Any]:
    person = UserFactory()
    grant(person, role)
    if lead:
        person.groups.add(Group.objects.get(name=LEAD_TRAINERS))
    activate_totp(person)
    admin_in_english(person)
    client = Client()
    client.force_login(person)
    return client, person


def course_form(title: str) -> dict[str, Any]:
    return nested_form_data(
        {
            "title": title,
            "slug": "adapting-lessons",
            "summary": "How to adapt a lesson for a child with special educational needs.",
            "description": rich_text("<p>Practical steps for the classroom.</p>"),
            "academic_hours": "6",
            "provider": "Qamqorlyq programme",
            "awards_certificate": "on",
            "audiences": inline_formset([{"role": "teacher", "training_area": "", "required": ""}]),
            "completion_rule": CoursePage.CompletionRule.REQUIRED_MODULES,
            "observed_practice_count": "0",
            "observed_practice_min_average": "0",
            "comments": inline_formset([]),
        }
    )


def test_trainer_creates_and_submits_lead_trainer_approves_and_it_is_published() -> None:
    trainer_client, _trainer = admin_client()
    parent = catalogue()
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "coursepage", parent.pk))
    assert trainer_client.get(add_url).status_code == 200

    response = trainer_client.post(
        add_url, {**course_form("Adapting lessons"), "action-submit": "Submit"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    course = CoursePage.objects.get(slug="adapting-lessons")
    assert not course.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(course.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Course review"

    # A trainer cannot publish directly.
    edit_url = reverse("wagtailadmin_pages:edit", args=(course.pk,))
    trainer_client.post(edit_url, {**course_form("Adapting lessons"), "action-publish": "Publish"})
    course.refresh_from_db()
    assert not course.live

    lead_client, _lead = admin_client(lead=True)
    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=(course.pk, "approve", task_state.pk)
    )
    response = lead_client.post(approve_url, {"comment": "Clear and practical."})
    assert response.status_code in (200, 302)
    course.refresh_from_db()
    assert course.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_trainer_adds_a_module_with_a_knowledge_check() -> None:
    client, _trainer = admin_client()
    course = course_page(modules=0)
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "modulepage", course.pk))
    question = {
        "text": "What helps a child with autism most before a change of activity?",
        "kind": "single",
        "options": streamfield(
            [
                (
                    "item",
                    {
                        "text": "A warning and a picture of what comes next",
                        "is_correct": "on",
                        "feedback": "Yes.",
                    },
                ),
                (
                    "item",
                    {"text": "Surprise", "is_correct": "", "feedback": "Surprises raise anxiety."},
                ),
            ]
        ),
    }
    data = nested_form_data(
        {
            "title": "Check your understanding",
            "slug": "check",
            "is_required": "on",
            "estimated_minutes": "10",
            "completion": ModulePage.Completion.KNOWLEDGE_CHECK,
            "body": streamfield(
                [
                    (
                        "knowledge_check",
                        {
                            "title": "Check",
                            "questions": streamfield([("item", question)]),
                            "pass_mark": "80",
                            "attempts_allowed": "3",
                        },
                    )
                ]
            ),
            "comments": inline_formset([]),
            "action-submit": "Submit",
        }
    )
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    module = ModulePage.objects.get(slug="check")
    assert module.knowledge_check is not None
    assert len(module.knowledge_check.value["questions"]) == 1


def test_a_module_completed_by_a_check_without_one_is_refused() -> None:
    client, _trainer = admin_client()
    course = course_page(modules=0)
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "modulepage", course.pk))
    data = nested_form_data(
        {
            "title": "No check here",
            "slug": "no-check",
            "is_required": "on",
            "estimated_minutes": "10",
            "completion": ModulePage.Completion.KNOWLEDGE_CHECK,
            "body": streamfield([("paragraph", rich_text("<p>Text only.</p>"))]),
            "comments": inline_formset([]),
            "action-submit": "Submit",
        }
    )
    response = client.post(add_url, data)
    assert response.status_code == 200
    assert "needs exactly one" in response.content.decode()
    assert not ModulePage.objects.filter(slug="no-check").exists()


def test_learners_cannot_open_the_admin() -> None:
    client = Client()
    person = UserFactory()
    from tests.factories import SchoolFactory

    grant(person, Role.TEACHER, school=SchoolFactory())
    client.force_login(person)
    response = client.get(reverse("wagtailadmin_explore", args=(catalogue().pk,)))
    assert response.status_code in (302, 403)
