"""Adding staff never widens anyone's reach: the add-person form, giving a role, and the
role offers an account outside the actor's scope receives instead.

The form answers the same for a new address and for an account outside the reader's scope,
so it tells nobody whether an address has an account; the account is asked by e-mail, in
its own language, and nothing about it reaches the school until it accepts.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from courses.models import Enrolment
from people import privacy, services, staffing
from people.models import RoleMembership, RoleOffer, User
from people.roles import Role
from people.services import MembershipSpec
from tests.factories import UserFactory, grant
from tests.factories.courses import course_page

from .conftest import World


@pytest.fixture(autouse=True)
def _no_mfa_requirement(settings: Any) -> None:
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def outsider(world: World) -> User:
    """A teacher in region B who reads Russian: outside region A's leaders and coordinator."""
    world.teacher_b1.preferred_language = "ru"
    world.teacher_b1.save(update_fields=["preferred_language"])
    return world.teacher_b1


ADDERS = ["leader_a1", "coordinator_a"]


def url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def add(client: Client, actor: User, email: str, capture: Any, **fields: Any) -> Any:
    client.force_login(actor)
    data = {
        "email": email,
        "full_name": "Мәдина Ержанова",
        "preferred_language": "kk",
        "role": Role.TEACHER,
        "school": fields.pop("school").pk,
        **fields,
    }
    with capture(execute=True):
        return client.post(url("person_create"), data, follow=True)


def answer_of(response: Any, email: str) -> tuple[Any, ...]:
    """What the reader is told (status, where they are sent, the messages, the form's
    errors), with the typed address taken out."""
    body = response.content.decode().replace(email, "ADDRESS")
    told = re.findall(r'<p class="message[^"]*">(.*?)</p>', body, re.S)
    errors = re.findall(r'<p class="field__error"[^>]*>(.*?)</p>', body, re.S)
    return (response.status_code, [r[0] for r in response.redirect_chain], told, errors)


def offer_link(email: str) -> str:
    (message,) = [m for m in mail.outbox if m.to == [email]]
    match = re.search(r"http://testserver(/\w\w/account/roles-offered/[0-9a-f-]+/)", message.body)
    assert match, message.body
    return match.group(1)


class TestAddPersonForm:
    @pytest.mark.parametrize("who", ADDERS)
    def test_a_new_address_and_an_account_outside_scope_get_the_same_answer(
        self,
        client: Client,
        world: World,
        outsider: User,
        who: str,
        django_capture_on_commit_callbacks: Any,
    ) -> None:
        actor = getattr(world, who)
        new = add(
            client,
            actor,
            "madina@example.org",
            django_capture_on_commit_callbacks,
            school=world.school_a1,
        )
        asked = add(
            client,
            actor,
            outsider.email,
            django_capture_on_commit_callbacks,
            school=world.school_a1,
        )
        new_answer, asked_answer = (
            answer_of(new, "madina@example.org"),
            answer_of(asked, outsider.email),
        )
        assert new_answer == asked_answer
        assert asked_answer[:3] == (
            200,
            [url("person_list")],
            ["An invitation was sent to Мәдина Ержанова at ADDRESS."],
        )

        # Behind the scenes: the new person has the role; the outsider only an offer, and
        # an e-mail in her own language, not the one typed in the form.
        assert RoleMembership.objects.filter(
            person__email="madina@example.org", school=world.school_a1
        ).exists()
        assert not RoleMembership.objects.filter(person=outsider, school=world.school_a1).exists()
        outsider.refresh_from_db()
        assert outsider.full_name == "Teacher B1"
        offer = RoleOffer.objects.get(person=outsider)
        assert (offer.role, offer.school, offer.offered_by) == (
            Role.TEACHER,
            world.school_a1,
            actor,
        )
        link = offer_link(outsider.email)
        assert link.startswith("/ru/")
        (message,) = [m for m in mail.outbox if m.to == [outsider.email]]
        with translation.override("ru"):
            assert world.school_a1.name_ru in message.body
        assert message.subject == "Вам предлагают роль «Учитель»"

        client.force_login(actor)
        assert client.get(url("person_detail", public_id=outsider.public_id)).status_code == 404
        assert "Teacher B1" not in client.get(url("person_list")).content.decode()

    @pytest.mark.parametrize("who", ADDERS)
    def test_refusals_read_the_same_too(
        self,
        client: Client,
        world: World,
        outsider: User,
        who: str,
        django_capture_on_commit_callbacks: Any,
    ) -> None:
        actor = getattr(world, who)
        answers = [
            answer_of(
                add(
                    client,
                    actor,
                    email,
                    django_capture_on_commit_callbacks,
                    school=world.school_a1,
                    role=Role.SPECIALIST,  # without a specialism
                ),
                email,
            )
            for email in ("nobody-yet@example.org", outsider.email)
        ]
        assert answers[0] == answers[1]
        assert answers[0][0] == 200
        assert any("specialism" in error for error in answers[0][3]), answers[0]
        assert not RoleOffer.objects.exists()
        assert mail.outbox == []

    def test_someone_already_in_scope_is_given_the_role(
        self, client: Client, world: World, django_capture_on_commit_callbacks: Any
    ) -> None:
        response = add(
            client,
            world.leader_a1,
            world.tutor_a1.email,
            django_capture_on_commit_callbacks,
            school=world.school_a1,
        )
        assert response.redirect_chain[-1][0] == url(
            "person_detail", public_id=world.tutor_a1.public_id
        )
        assert "already has an account; the role was given" in response.content.decode()
        assert (
            RoleMembership.objects.current()
            .filter(person=world.tutor_a1, role=Role.TEACHER, school=world.school_a1)
            .exists()
        )
        assert not RoleOffer.objects.exists()

    def test_a_programme_manager_gives_the_role_directly(
        self,
        client: Client,
        world: World,
        outsider: User,
        django_capture_on_commit_callbacks: Any,
    ) -> None:
        add(
            client,
            world.manager,
            outsider.email,
            django_capture_on_commit_callbacks,
            school=world.school_a1,
        )
        assert (
            RoleMembership.objects.current()
            .filter(person=outsider, role=Role.TEACHER, school=world.school_a1)
            .exists()
        )
        assert not RoleOffer.objects.exists()


class TestGivingARole:
    def test_the_role_form_cannot_reach_someone_outside_scope(
        self, client: Client, world: World, outsider: User
    ) -> None:
        client.force_login(world.leader_a1)
        response = client.post(
            url("membership_grant", public_id=outsider.public_id),
            {"role": Role.TEACHER, "school": world.school_a1.pk},
        )
        assert response.status_code == 404
        assert not RoleMembership.objects.filter(person=outsider, school=world.school_a1).exists()

    @pytest.mark.parametrize("who", ADDERS)
    def test_the_service_refuses_and_role_give_asks_instead(
        self,
        world: World,
        outsider: User,
        who: str,
        django_capture_on_commit_callbacks: Any,
    ) -> None:
        actor = getattr(world, who)
        spec = MembershipSpec(Role.TEACHER, school=world.school_a1)
        with pytest.raises(PermissionDenied):
            services.membership_grant(actor=actor, person=outsider, spec=spec)
        assert not RoleMembership.objects.filter(person=outsider, school=world.school_a1).exists()
        with django_capture_on_commit_callbacks(execute=True):
            offer = staffing.role_give(actor=actor, person=outsider, spec=spec)
        assert isinstance(offer, RoleOffer)
        # Asked twice, she gets one offer and one e-mail.
        with django_capture_on_commit_callbacks(execute=True):
            again = staffing.role_give(actor=actor, person=outsider, spec=spec)
        assert again == offer
        assert [m.to for m in mail.outbox] == [[outsider.email]]
        # Someone already in scope gets the role at once.
        granted = staffing.role_give(
            actor=actor,
            person=world.tutor_a1,
            spec=MembershipSpec(Role.TEACHER, school=world.school_a1),
        )
        assert isinstance(granted, RoleMembership)

    def test_only_a_stored_acceptance_lets_the_grant_past_the_rule(
        self, world: World, outsider: User
    ) -> None:
        spec = MembershipSpec(Role.TEACHER, school=world.school_a1)
        made_up = RoleOffer(
            person=outsider,
            role=Role.TEACHER,
            school=world.school_a1,
            accepted_at=timezone.now(),
            expires_at=timezone.now() + timedelta(days=1),
        )
        with pytest.raises(PermissionDenied):
            services.membership_grant(
                actor=world.leader_a1, person=outsider, spec=spec, offer=made_up
            )
        waiting = staffing.role_offer_create(actor=world.leader_a1, person=outsider, spec=spec)
        with pytest.raises(PermissionDenied):
            services.membership_grant(
                actor=world.leader_a1, person=outsider, spec=spec, offer=waiting
            )
        assert not RoleMembership.objects.filter(person=outsider, school=world.school_a1).exists()

    def test_a_place_outside_scope_is_refused_before_anyone_is_asked(
        self, world: World, outsider: User
    ) -> None:
        with pytest.raises(PermissionDenied):
            staffing.role_give(
                actor=world.leader_a1,
                person=outsider,
                spec=MembershipSpec(Role.TEACHER, school=world.school_a2),
            )
        assert not RoleOffer.objects.exists()


class TestAnswering:
    @pytest.fixture
    def offer(
        self, world: World, outsider: User, django_capture_on_commit_callbacks: Any
    ) -> RoleOffer:
        with django_capture_on_commit_callbacks(execute=True):
            offer = staffing.role_offer_create(
                actor=world.leader_a1,
                person=outsider,
                spec=MembershipSpec(Role.TEACHER, school=world.school_a1),
            )
        assert offer is not None
        return offer

    def test_she_sees_her_open_offers_on_her_home_page_and_profile(
        self, client: Client, outsider: User, offer: RoleOffer
    ) -> None:
        client.force_login(outsider)
        link = url("role_offer", public_id=offer.public_id)
        for page in ("home", "profile"):
            assert link in client.get(url(page)).content.decode(), page
        RoleOffer.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
        for page in ("home", "profile"):
            assert link not in client.get(url(page)).content.decode(), page

    def test_accepting_is_audited_and_enrols_by_the_rules(
        self,
        client: Client,
        world: World,
        outsider: User,
        offer: RoleOffer,
        django_capture_on_commit_callbacks: Any,
    ) -> None:
        required = course_page(
            "Inclusive classrooms", modules=1, audiences=[("teacher", None, True)]
        )
        client.force_login(outsider)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                url("role_offer", public_id=offer.public_id), {"decision": "accept"}
            )
        assert response.status_code == 302
        membership = RoleMembership.objects.current().get(person=outsider, school=world.school_a1)
        actions = list(
            ModelLogEntry.objects.filter(object_id=str(outsider.pk))
            .order_by("timestamp", "pk")
            .values_list("action", "user_id", "data")
        )
        assert [(a, u) for a, u, _d in actions] == [
            ("people.role_offer.create", world.leader_a1.pk),
            ("people.membership.grant", world.leader_a1.pk),
            ("people.role_offer.accept", outsider.pk),
        ]
        assert actions[1][2]["offer"] == offer.pk
        assert actions[2][2]["membership"] == membership.pk
        assert Enrolment.objects.filter(person=outsider, course=required).exists()

    def test_declining_is_audited_and_gives_nothing(
        self, client: Client, world: World, outsider: User, offer: RoleOffer
    ) -> None:
        client.force_login(outsider)
        response = client.post(
            url("role_offer", public_id=offer.public_id), {"decision": "decline"}
        )
        assert response.status_code == 302
        assert ModelLogEntry.objects.filter(
            object_id=str(outsider.pk), action="people.role_offer.decline"
        ).exists()
        assert not RoleMembership.objects.filter(person=outsider, school=world.school_a1).exists()
        client.force_login(world.leader_a1)
        assert client.get(url("person_detail", public_id=outsider.public_id)).status_code == 404

    def test_an_offer_whose_sender_lost_the_right_cannot_be_accepted(
        self, client: Client, world: World, outsider: User, offer: RoleOffer
    ) -> None:
        services.membership_end(
            actor=world.administrator,
            membership=RoleMembership.objects.get(person=world.leader_a1),
        )
        client.force_login(outsider)
        response = client.post(url("role_offer", public_id=offer.public_id), {"decision": "accept"})
        assert response.status_code == 410
        assert "can no longer give this role" in response.content.decode()
        assert not RoleMembership.objects.filter(person=outsider, school=world.school_a1).exists()

    def test_only_she_can_answer(
        self, client: Client, world: World, outsider: User, offer: RoleOffer
    ) -> None:
        with pytest.raises(PermissionDenied):
            staffing.role_offer_accept(person=world.teacher_a2, offer=offer)
        for someone in (world.leader_a1, world.administrator, world.teacher_a2):
            client.force_login(someone)
            link = url("role_offer", public_id=offer.public_id)
            assert client.post(link, {"decision": "accept"}).status_code == 404
        assert not RoleMembership.objects.filter(person=outsider, school=world.school_a1).exists()

    def test_a_choice_must_be_made(self, client: Client, outsider: User, offer: RoleOffer) -> None:
        client.force_login(outsider)
        response = client.post(url("role_offer", public_id=offer.public_id), {"decision": "maybe"})
        assert response.status_code == 400
        assert RoleOffer.objects.get(pk=offer.pk).is_open

    def test_her_data_lists_the_offers_and_erasing_removes_them(
        self, world: World, outsider: User, offer: RoleOffer
    ) -> None:
        exported = privacy.export(outsider)
        assert [o["role"] for o in exported["roles_offered"]] == [Role.TEACHER.label]
        privacy.erase(outsider, world.administrator)
        assert not RoleOffer.objects.exists()

    def test_a_closed_account_is_not_asked(
        self, world: World, outsider: User, django_capture_on_commit_callbacks: Any
    ) -> None:
        outsider.is_active = False
        outsider.save(update_fields=["is_active"])
        with django_capture_on_commit_callbacks(execute=True):
            addition = staffing.staff_add(
                actor=world.leader_a1,
                email=outsider.email,
                full_name="Someone",
                memberships=[MembershipSpec(Role.TEACHER, school=world.school_a1)],
            )
        assert addition == staffing.Addition(person=None, invited=True)
        assert not RoleOffer.objects.exists()
        assert mail.outbox == []


@pytest.mark.django_db
def test_a_person_visible_through_another_role_is_given_the_role_directly(world: World) -> None:
    teacher = UserFactory()
    grant(teacher, Role.SUPERVISOR, school=world.school_a1)
    membership = staffing.role_give(
        actor=world.leader_a1,
        person=teacher,
        spec=MembershipSpec(Role.TEACHER, school=world.school_a1),
    )
    assert isinstance(membership, RoleMembership)
