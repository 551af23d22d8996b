"""The roles a person can hold, and what each role is attached to.

Learner roles are the school staff who take courses. Programme roles are the staff of the
programme who author, supervise, coordinate and manage. A person may hold several roles at
once (a methodologist who also supervises holds two memberships).
"""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    TUTOR = "tutor", _("Tutor (teaching assistant)")
    TEACHER = "teacher", _("Teacher")
    SPECIALIST = "specialist", _("Specialist")
    METHODOLOGIST = "methodologist", _("Methodologist")
    SCHOOL_LEADER = "school_leader", _("School leader")
    TRAINER = "trainer", _("Trainer")
    SUPERVISOR = "supervisor", _("Supervisor")
    REGIONAL_COORDINATOR = "regional_coordinator", _("Regional coordinator")
    PROGRAMME_MANAGER = "programme_manager", _("Programme manager")
    ADMINISTRATOR = "administrator", _("Administrator")


class Specialism(models.TextChoices):
    PSYCHOLOGIST = "psychologist", _("Psychologist")
    SPEECH_THERAPIST = "speech_therapist", _("Speech therapist")
    SPECIAL_EDUCATOR = "special_educator", _("Special educator (defectologist)")
    SOCIAL_PEDAGOGUE = "social_pedagogue", _("Social pedagogue")


LEARNER_ROLES = frozenset(
    {Role.TUTOR, Role.TEACHER, Role.SPECIALIST, Role.METHODOLOGIST, Role.SCHOOL_LEADER}
)
PROGRAMME_ROLES = frozenset(
    {
        Role.TRAINER,
        Role.SUPERVISOR,
        Role.REGIONAL_COORDINATOR,
        Role.PROGRAMME_MANAGER,
        Role.ADMINISTRATOR,
    }
)

# Where a membership of each role is held. A role held "at a school" needs a school; "in a
# region" needs a region; "national" needs neither. A methodologist supports one school or
# a whole district, so either is allowed.
AT_SCHOOL = "school"
IN_REGION = "region"
NATIONAL = "national"

ROLE_PLACES: dict[str, frozenset[str]] = {
    Role.TUTOR: frozenset({AT_SCHOOL}),
    Role.TEACHER: frozenset({AT_SCHOOL}),
    Role.SPECIALIST: frozenset({AT_SCHOOL}),
    Role.METHODOLOGIST: frozenset({AT_SCHOOL, IN_REGION}),
    Role.SCHOOL_LEADER: frozenset({AT_SCHOOL}),
    Role.TRAINER: frozenset({NATIONAL}),
    Role.SUPERVISOR: frozenset({AT_SCHOOL}),
    Role.REGIONAL_COORDINATOR: frozenset({IN_REGION}),
    Role.PROGRAMME_MANAGER: frozenset({NATIONAL}),
    Role.ADMINISTRATOR: frozenset({NATIONAL}),
}

# Django groups that carry the Wagtail admin permissions of a role. Membership in the group
# follows the role: granting the role adds the person, ending the last such role removes them.
ROLE_GROUPS: dict[str, str] = {
    Role.TRAINER: "Trainers",
    Role.PROGRAMME_MANAGER: "Programme managers",
}


def role_group(name: str) -> Any:
    """The Django group of a role in ``ROLE_GROUPS``, opening the Wagtail admin as the role
    does; made again, with that access, where it is missing (a flushed database, an
    installation that deleted it), so that granting the role always opens the admin."""
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group
