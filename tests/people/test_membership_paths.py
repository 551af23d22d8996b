"""Every path that gives a role goes through the one rule that decides between giving it
and asking the person (``people.staffing.role_give`` / ``staff_add``).

The code is read for every place that writes a role membership and every call of the
services that do, so that a new page, import or task cannot give a role past the rule
unnoticed: it fails here until it goes through ``role_give`` or ``staff_add``, or is added
below with the reason it is safe. Then each way of adding staff is tried, as a school
leader, on an account outside their scope: none of them gives it a role.
"""

from __future__ import annotations

import ast
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from people import services, staffing
from people.models import RoleMembership, RoleOffer, User
from people.roles import Role
from people.services import MembershipSpec
from programmes import services as programme_services
from tests.product import product_apps

from .conftest import World

ROOT = Path(__file__).resolve().parents[2]
APPS = product_apps()
WRITES = {"create", "get_or_create", "update_or_create", "bulk_create"}
GRANTING = {"_membership_create", "membership_grant", "person_create"}

# Where a membership row may be written, and why that is safe.
MEMBERSHIP_WRITERS = {
    # The one write; its callers are checked below.
    ("people/services/memberships.py", "_membership_create"),
    # The demo loader builds invented people; it is a management command, not a page.
    ("demo/people.py", "grant"),
}
# Who may call the services that give roles.
ALLOWED_CALLERS = {
    # A new person: nobody to reach yet, and the roles are checked against the place.
    ("people/services/accounts.py", "person_create", "_membership_create"),
    # Checks the rule itself (may_give_role_directly) unless the person accepted an offer.
    ("people/services/memberships.py", "membership_grant", "_membership_create"),
    # An organisation's identity provider asserts the role; federation has checked that the
    # provider may give it at that school (its region, schools and roles) before calling.
    ("people/external.py", "membership_grant_external", "_membership_create"),
    # The choice: membership_grant only when may_give_role_directly says so.
    ("people/staffing.py", "role_give", "membership_grant"),
    # The person's own acceptance of an offer made to them.
    ("people/staffing.py", "role_offer_accept", "membership_grant"),
    # A new address only (an existing one goes through role_give).
    ("people/staffing.py", "staff_add", "person_create"),
}


def _sources() -> list[tuple[str, ast.Module]]:
    found = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            found.append((path.relative_to(ROOT).as_posix(), ast.parse(path.read_text())))
    return found


def _enclosing_functions(tree: ast.Module) -> list[tuple[ast.AST, str]]:
    """Every node with the name of the function it is in (``<module>`` at the top)."""
    found: list[tuple[ast.AST, str]] = []

    def walk(node: ast.AST, name: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = (
                child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else name
            )
            found.append((child, inner))
            walk(child, inner)

    walk(tree, "<module>")
    return found


def _called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return ""


def _writes_membership(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Name) and func.id == "RoleMembership":
        return True
    if not (isinstance(func, ast.Attribute) and func.attr in WRITES):
        return False
    source = ast.unparse(func.value)
    return "RoleMembership" in source or source.endswith("memberships")


def membership_writes_and_grants() -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    writers: set[tuple[str, str]] = set()
    callers: set[tuple[str, str, str]] = set()
    for path, tree in _sources():
        for node, function in _enclosing_functions(tree):
            if not isinstance(node, ast.Call):
                continue
            if _writes_membership(node):
                writers.add((path, function))
            if _called_name(node) in GRANTING:
                callers.add((path, function, _called_name(node)))
    return writers, callers


def test_memberships_are_written_in_one_place_and_given_through_the_rule() -> None:
    writers, callers = membership_writes_and_grants()
    assert writers == MEMBERSHIP_WRITERS
    assert callers - ALLOWED_CALLERS == set(), (
        "a new way of giving roles: call people.staffing.role_give or staff_add instead"
    )
    # The scan finds what it looks for: each allowed call is really there.
    assert callers == ALLOWED_CALLERS


def test_the_scan_notices_a_path_that_skips_the_rule() -> None:
    tree = ast.parse(
        "def import_row(actor, person, spec):\n"
        "    services.membership_grant(actor=actor, person=person, spec=spec)\n"
        "def quick(person):\n"
        "    person.memberships.create(role='teacher')\n"
    )
    nodes = [
        (node, name) for node, name in _enclosing_functions(tree) if isinstance(node, ast.Call)
    ]
    assert {name for node, name in nodes if _writes_membership(node)} == {"quick"}
    assert {name for node, name in nodes if _called_name(node) in GRANTING} == {"import_row"}


# --- Each way of adding staff, tried on an account outside the actor's scope ---------------


@pytest.fixture(autouse=True)
def _no_mfa_requirement(settings: Any) -> None:
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False


def _form(client: Client, world: World, person: User) -> None:
    client.force_login(world.leader_a1)
    client.post(
        reverse("person_create"),
        {
            "email": person.email,
            "full_name": "Typed Name",
            "preferred_language": "en",
            "role": Role.TEACHER,
            "school": world.school_a1.pk,
        },
    )


def _role_form(client: Client, world: World, person: User) -> None:
    client.force_login(world.leader_a1)
    client.post(
        reverse("membership_grant", kwargs={"public_id": person.public_id}),
        {"role": Role.TEACHER, "school": world.school_a1.pk},
    )


def _import(client: Client, world: World, person: User) -> None:
    header = "email,full_name,full_name_alt,language,role,school,region,training_area,specialism"
    data = f"{header}\n{person.email},Typed Name,,en,teacher,{world.school_a1.code},,,\n"
    staff_import = programme_services.staff_import_create(
        actor=world.leader_a1, data=data.encode(), filename="staff.csv"
    )
    programme_services.staff_import_start(actor=world.leader_a1, staff_import=staff_import)


def _import_page(client: Client, world: World, person: User) -> None:
    header = "email,full_name,full_name_alt,language,role,school,region,training_area,specialism"
    upload = io.BytesIO(
        f"{header}\n{person.email},Typed Name,,en,teacher,{world.school_a1.code},,,\n".encode()
    )
    upload.name = "staff.csv"
    client.force_login(world.leader_a1)
    location = client.post(reverse("staff_import_new"), {"file": upload})["Location"]
    client.post(location.rstrip("/") + "/start/")


def _services(client: Client, world: World, person: User) -> None:
    spec = MembershipSpec(Role.TEACHER, school=world.school_a1)
    with pytest.raises(PermissionDenied):
        services.membership_grant(actor=world.leader_a1, person=person, spec=spec)
    with pytest.raises(ValidationError):
        services.person_create(
            actor=world.leader_a1, email=person.email, full_name="Typed", memberships=[spec]
        )
    staffing.role_give(actor=world.leader_a1, person=person, spec=spec)
    staffing.staff_add(
        actor=world.leader_a1, email=person.email, full_name="Typed", memberships=[spec]
    )


@pytest.mark.parametrize(
    "way", [_form, _role_form, _import, _import_page, _services], ids=lambda way: way.__name__
)
def test_no_way_of_adding_staff_gives_a_role_outside_scope(
    client: Client, world: World, way: Any
) -> None:
    outsider = world.teacher_b1
    before = set(RoleMembership.objects.values_list("pk", flat=True))
    way(client, world, outsider)
    assert not RoleMembership.objects.exclude(pk__in=before).filter(person=outsider).exists()
    assert not RoleMembership.objects.filter(person=outsider, school=world.school_a1).exists()
    if way is not _role_form:  # that form cannot even find her (404)
        assert RoleOffer.objects.filter(person=outsider, school=world.school_a1).exists()
