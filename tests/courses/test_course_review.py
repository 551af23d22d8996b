"""One review for a course: the course and its changed modules are approved once, by a lead
trainer who did not submit them."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.models import CoursePage, CourseReviewTask, ModulePage
from courses.services.review import approve_course_review
from courses.setup import LEAD_TRAINERS
from people.roles import Role
from tests.factories import UserFactory, activate_totp, admin_in_english, grant
from tests.factories.courses import course_page

pytestmark = pytest.mark.django_db


def person_in_admin(lead: bool = False, superuser: bool = False) -> tuple[Client, Any]:
    person = UserFactory(is_superuser=superuser)
    grant(person, Role.TRAINER)
    if lead:
        person.groups.add(Group.objects.get(name=LEAD_TRAINERS))
    activate_totp(person)
    admin_in_english(person)
    client = Client()
    client.force_login(person)
    return client, person


def submitted_course(trainer: Any) -> tuple[CoursePage, list[ModulePage]]:
    """A live course whose title and first module were changed, then submitted."""
    course = course_page(modules=2)
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    course.title = "Supporting a child with autism, revised"
    course.save_revision(user=trainer)
    modules[0].title = "Module 1, revised"
    modules[0].save_revision(user=trainer)
    course.get_workflow().start(course, trainer)
    return course, modules


def workflow_states(page: Any) -> Any:
    return WorkflowState.objects.filter(base_content_type__model="page", object_id=str(page.pk))


def action_url(course: CoursePage, action: str) -> str:
    state = workflow_states(course).get(status=WorkflowState.STATUS_IN_PROGRESS)
    return reverse(
        "wagtailadmin_pages:workflow_action", args=(course.pk, action, state.current_task_state.pk)
    )


def refused(response: Any) -> bool:
    """Wagtail answers a refused workflow action by sending the person to the admin's home."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def test_the_service_refuses_self_approval_with_a_message() -> None:
    _client, lead = person_in_admin(lead=True)
    course, _modules = submitted_course(lead)
    task_state = workflow_states(course).get().current_task_state
    with pytest.raises(PermissionDenied, match="another lead trainer"):
        approve_course_review(task_state, lead)
    course.refresh_from_db()
    assert course.title == "Supporting a child with autism"


def test_the_review_task_is_the_course_review_task() -> None:
    course = course_page(modules=0)
    tasks = [task.specific for task in course.get_workflow().tasks]
    assert [type(task) for task in tasks] == [CourseReviewTask]


def test_submitting_a_course_makes_one_review() -> None:
    _client, trainer = person_in_admin()
    course, modules = submitted_course(trainer)
    assert workflow_states(course).filter(status=WorkflowState.STATUS_IN_PROGRESS).count() == 1
    for module in modules:
        assert not workflow_states(module).exists()


def test_a_lead_approves_the_course_and_its_changed_modules_together() -> None:
    _client, trainer = person_in_admin()
    course, modules = submitted_course(trainer)
    lead_client, _lead = person_in_admin(lead=True)
    response = lead_client.post(action_url(course, "approve"), {"comment": "Clear."})
    assert response.status_code in (200, 302)
    course.refresh_from_db()
    assert course.title == "Supporting a child with autism, revised"
    assert not course.has_unpublished_changes
    first, second = (ModulePage.objects.get(pk=module.pk) for module in modules)
    assert first.title == "Module 1, revised"
    assert first.live
    assert not first.has_unpublished_changes
    assert second.live
    assert second.title == "Module 2"


def test_the_submitter_cannot_approve_their_own_course() -> None:
    client, lead = person_in_admin(lead=True)
    course, modules = submitted_course(lead)
    response = client.post(action_url(course, "approve"), {"comment": "Looks good to me."})
    assert refused(response)
    course.refresh_from_db()
    assert course.title == "Supporting a child with autism"
    assert ModulePage.objects.get(pk=modules[0].pk).title == "Module 1"
    task = course.get_workflow().tasks.first().specific
    assert [name for name, _label, _modal in task.get_actions(course, lead)] == ["reject"]


@override_settings(LMS_SUPERUSER_SELF_APPROVAL=True)
def test_a_superuser_may_approve_their_own_course_when_the_installation_allows() -> None:
    client, admin = person_in_admin(lead=True, superuser=True)
    course, _modules = submitted_course(admin)
    response = client.post(action_url(course, "approve"), {"comment": "Tiny installation."})
    assert response.status_code in (200, 302)
    course.refresh_from_db()
    assert course.title == "Supporting a child with autism, revised"


def test_a_superuser_cannot_approve_their_own_course_by_default() -> None:
    client, admin = person_in_admin(lead=True, superuser=True)
    course, _modules = submitted_course(admin)
    response = client.post(action_url(course, "approve"), {"comment": "Mine."})
    assert refused(response)
    course.refresh_from_db()
    assert course.title == "Supporting a child with autism"


def test_returning_a_course_publishes_nothing() -> None:
    _client, trainer = person_in_admin()
    course, modules = submitted_course(trainer)
    lead_client, _lead = person_in_admin(lead=True)
    response = lead_client.post(action_url(course, "reject"), {"comment": "Add an example."})
    assert response.status_code in (200, 302)
    course.refresh_from_db()
    assert course.title == "Supporting a child with autism"
    assert course.has_unpublished_changes
    assert ModulePage.objects.get(pk=modules[0].pk).title == "Module 1"
    state = workflow_states(course).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


# A module is never reviewed alone: submitting one submits its course.


def module_form(title: str, slug: str) -> dict[str, Any]:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "is_required": "on",
            "estimated_minutes": "10",
            "completion": ModulePage.Completion.MARKED_DONE,
            "body": streamfield([("paragraph", rich_text("<p>Seating near the door.</p>"))]),
            "comments": inline_formset([]),
            "action-submit": "Submit",
        }
    )


def test_submitting_a_new_module_in_the_admin_submits_its_course() -> None:
    client, _trainer = person_in_admin()
    course = course_page(modules=1)
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "modulepage", course.pk))
    response = client.post(add_url, module_form("Seating plans", "seating"), follow=True)
    assert response.status_code == 200
    assert "is reviewed with its course" in response.content.decode()
    module = ModulePage.objects.get(slug="seating")
    assert not module.live
    assert not workflow_states(module).exists()
    assert workflow_states(course).get().status == WorkflowState.STATUS_IN_PROGRESS

    lead_client, _lead = person_in_admin(lead=True)
    lead_client.post(action_url(course, "approve"), {"comment": ""})
    module.refresh_from_db()
    assert module.live


def test_a_module_submitted_while_its_course_is_in_review_joins_that_review() -> None:
    _client, trainer = person_in_admin()
    course, modules = submitted_course(trainer)
    modules[1].title = "Module 2, revised"
    modules[1].save_revision(user=trainer)
    modules[1].get_workflow().start(modules[1], trainer)
    assert workflow_states(course).count() == 1
    assert not workflow_states(modules[1]).exists()

    lead_client, _lead = person_in_admin(lead=True)
    lead_client.post(action_url(course, "approve"), {"comment": ""})
    titles = [m.title for m in ModulePage.objects.child_of(course).live().order_by("path")]
    assert titles == ["Module 1, revised", "Module 2, revised"]


def test_a_module_submitted_after_changes_were_requested_resumes_the_course_review() -> None:
    _client, trainer = person_in_admin()
    course, modules = submitted_course(trainer)
    lead_client, _lead = person_in_admin(lead=True)
    lead_client.post(action_url(course, "reject"), {"comment": "Add an example."})
    assert workflow_states(course).get().status == WorkflowState.STATUS_NEEDS_CHANGES
    modules[0].title = "Module 1, with an example"
    modules[0].save_revision(user=trainer)
    modules[0].get_workflow().start(modules[0], trainer)
    state = workflow_states(course).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == "in_progress"


# The review page: the whole course, a preview of each module, one decision.


def review_url(course: CoursePage) -> str:
    state = workflow_states(course).get(status=WorkflowState.STATUS_IN_PROGRESS)
    return reverse("courses_admin:review", args=(state.current_task_state.pk,))


def test_the_review_page_previews_each_changed_module_and_approves_once() -> None:
    _client, trainer = person_in_admin()
    course, modules = submitted_course(trainer)
    lead_client, _lead = person_in_admin(lead=True)

    home = lead_client.get(reverse("wagtailadmin_home")).content.decode()
    assert review_url(course) in home

    page = lead_client.get(review_url(course)).content.decode()
    assert reverse("wagtailadmin_pages:view_draft", args=(modules[0].pk,)) in page
    assert reverse("wagtailadmin_pages:view_draft", args=(course.pk,)) in page
    assert (
        reverse("wagtailadmin_pages:revisions_compare", args=(modules[0].pk, "live", "latest"))
        in page
    )
    assert reverse("wagtailadmin_pages:view_draft", args=(modules[1].pk,)) not in page
    assert "No changes" in page
    assert "with its 1 new or changed module." in page
    assert "Module 1, revised" in page  # the draft's title, the one being reviewed
    assert "Supporting a child with autism, revised" in page

    response = lead_client.post(review_url(course), {"action": "approve", "comment": ""})
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.title == "Supporting a child with autism, revised"
    assert ModulePage.objects.get(pk=modules[0].pk).title == "Module 1, revised"
    assert workflow_states(course).get().status == WorkflowState.STATUS_APPROVED


def test_requesting_changes_needs_a_comment_and_publishes_nothing() -> None:
    _client, trainer = person_in_admin()
    course, _modules = submitted_course(trainer)
    lead_client, _lead = person_in_admin(lead=True)
    url = review_url(course)
    response = lead_client.post(url, {"action": "reject", "comment": "  "})
    assert response.status_code == 200
    assert "Say what to change" in response.content.decode()
    assert workflow_states(course).get().status == WorkflowState.STATUS_IN_PROGRESS

    lead_client.post(url, {"action": "reject", "comment": "Add an example."})
    course.refresh_from_db()
    assert course.title == "Supporting a child with autism"
    assert workflow_states(course).get().status == WorkflowState.STATUS_NEEDS_CHANGES


def test_the_submitter_is_told_why_they_cannot_approve() -> None:
    client, lead = person_in_admin(lead=True)
    course, _modules = submitted_course(lead)
    page = client.get(review_url(course)).content.decode()
    assert "another lead trainer approves it" in page
    assert 'value="approve"' not in page

    response = client.post(review_url(course), {"action": "approve", "comment": ""})
    assert response.status_code == 200
    assert "another lead trainer approves it" in response.content.decode()
    course.refresh_from_db()
    assert course.title == "Supporting a child with autism"

    edit = client.get(reverse("wagtailadmin_pages:edit", args=(course.pk,))).content.decode()
    assert "You submitted this course, so another lead trainer approves it." in edit


def test_a_review_is_seen_only_by_lead_trainers_and_the_person_who_submitted() -> None:
    submitter_client, trainer = person_in_admin()
    course, _modules = submitted_course(trainer)
    url = review_url(course)
    assert submitter_client.get(url).status_code == 200
    assert 'value="approve"' not in submitter_client.get(url).content.decode()
    other_client, _other = person_in_admin()
    assert other_client.get(url, follow=True).status_code == 404
    assert other_client.post(url, {"action": "approve"}, follow=True).status_code == 404
    listing = other_client.get(reverse("courses_admin:reviews"), follow=True)
    assert listing.status_code == 200
    assert "No course is waiting for review." in listing.content.decode()
    course.refresh_from_db()
    assert course.title == "Supporting a child with autism"


# The submit button says what happens, in the admin's language (the workflow's stored name
# would read in English everywhere).


def test_the_submit_button_says_the_course_is_reviewed() -> None:
    client, trainer = person_in_admin()
    course = course_page(modules=1)
    module = ModulePage.objects.child_of(course).get()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(course.pk,))).content.decode()
    assert "Submit the course for review" in edit
    assert "Submit to Course review" not in edit
    add = reverse("wagtailadmin_pages:add", args=("courses", "modulepage", course.pk))
    assert "Submit with the course for review" in client.get(add).content.decode()
    module_edit = reverse("wagtailadmin_pages:edit", args=(module.pk,))
    assert "Submit with the course for review" in client.get(module_edit).content.decode()

    course.save_revision(user=trainer)
    course.get_workflow().start(course, trainer)
    lead_client, _lead = person_in_admin(lead=True)
    lead_client.post(action_url(course, "reject"), {"comment": "Add an example."})
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(course.pk,))).content.decode()
    assert "Resubmit the course for review" in edit


def test_the_submit_button_speaks_russian_in_the_russian_admin() -> None:
    from wagtail.users.models import UserProfile

    client, trainer = person_in_admin()
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "ru"
    profile.save()
    course = course_page(modules=0)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(course.pk,))).content.decode()
    assert "Отправить курс на проверку" in edit
