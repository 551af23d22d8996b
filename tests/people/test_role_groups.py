"""A role's group opens the Wagtail admin as the role does, even where the group was lost
(a flushed database, an installation that deleted it) and made again."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from courses.setup import TRAINERS
from people.roles import Role
from tests.factories import UserFactory, grant
from tests.factories.courses import ensure_site

pytestmark = pytest.mark.django_db


def opens_the_admin(group: Group) -> bool:
    return group.permissions.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).exists()


def test_granting_a_role_whose_group_was_lost_still_opens_the_admin() -> None:
    Group.objects.filter(name=TRAINERS).delete()
    trainer = UserFactory()
    grant(trainer, Role.TRAINER)
    assert trainer.has_perm("wagtailadmin.access_admin")


def test_the_authoring_setup_makes_the_trainers_group_with_admin_access() -> None:
    Group.objects.filter(name=TRAINERS).delete()
    ensure_site()
    assert opens_the_admin(Group.objects.get(name=TRAINERS))


def test_ending_the_role_closes_the_admin() -> None:
    from people.models import RoleMembership
    from people.services import membership_end

    trainer = UserFactory()
    grant(trainer, Role.TRAINER)
    membership = RoleMembership.objects.get(person=trainer, role=Role.TRAINER)
    administrator = UserFactory()
    grant(administrator, Role.ADMINISTRATOR)
    membership_end(actor=administrator, membership=membership)
    trainer = type(trainer).objects.get(pk=trainer.pk)
    assert not trainer.has_perm("wagtailadmin.access_admin")
