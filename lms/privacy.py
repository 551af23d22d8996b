"""A person's data: everything about them as a download, and erasure.

Each app that keeps personal data defines ``privacy.py`` with:

- ``export(person) -> dict``: what it holds about the person, as JSON-ready data;
- ``export_files(person) -> list[tuple[str, bytes]]`` (optional): files to include, such as
  certificate PDFs;
- ``erase(person, actor) -> None``: remove or anonymise the personal part of its records,
  keeping what aggregate figures and the validity of issued certificates depend on.

The shell asks them in layer order for an export, and in the reverse order to erase (the
apps above people first, people last), all in one transaction.
"""

from __future__ import annotations

import importlib
import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal
from types import ModuleType
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from people import scoping
from people.models import User

PROVIDERS = (
    "people.privacy",
    "courses.privacy",
    "certificates.privacy",
    "supervision.privacy",
    "programmes.privacy",
    "lti.privacy",
    "xapi.privacy",
)


def _providers() -> list[tuple[str, ModuleType]]:
    modules = []
    for name in PROVIDERS:
        try:
            modules.append((name.split(".")[0], importlib.import_module(name)))
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
    return modules


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    return str(value)


def personal_data_export(*, person: User) -> bytes:
    """A ZIP with ``data.json`` (everything each app holds about the person) and their files
    (certificate PDFs). Reads only; nothing is changed."""
    data: dict[str, Any] = {"exported_at": timezone.now(), "person": str(person.public_id)}
    files: list[tuple[str, bytes]] = []
    for app, module in _providers():
        data[app] = module.export(person)
        if hasattr(module, "export_files"):
            files += module.export_files(person)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(data, ensure_ascii=False, indent=2, default=_json_default)
        )
        for name, content in files:
            archive.writestr(name, content)
    return buffer.getvalue()


@transaction.atomic
def person_erase(*, actor: User, person: User, reason: str) -> User:
    """Erase a person's personal data, for an administrator, with a reason.

    Names, addresses, free text about them and their files go; records that figures and
    certificate checks rest on stay, anonymous: their progress still counts where it
    counted, and their certificates are revoked as erased, so that a code still verifies
    to "revoked" rather than to nothing. Repeat-safe: a second erasure changes nothing.
    The erasure is audited (without the erased data).
    """
    if not scoping.scope_for(actor).is_administrator:
        raise PermissionDenied(_("Only administrators can erase a person's data."))
    if actor.pk == person.pk:
        raise PermissionDenied(_("You cannot erase your own account."))
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the erasure.")})
    person = User.objects.select_for_update().get(pk=person.pk)
    if person.erased_at is not None:
        return person
    for _app, module in reversed(_providers()):
        module.erase(person, actor)
    log(person, "people.person.erase", user=actor, data={"reason": reason})
    return person
