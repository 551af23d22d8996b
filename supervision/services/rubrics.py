"""Rubric versions: freezing a rubric as trainers left it, so that observations keep the
version they were made with."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from people.models import User

from ..models import Rubric, RubricVersion


@transaction.atomic
def rubric_publish(*, actor: User | None, rubric: Rubric) -> RubricVersion:
    """Freeze the rubric as it is now into a new version, if it changed since the last one.

    Repeat-safe: an unchanged rubric returns its latest version. Observations already
    made keep the version they were made with. ``actor`` is ``None`` only when an
    observation needs a version of a rubric that was never published from the admin.
    """
    if actor is not None and not actor.has_perm("supervision.change_rubric"):
        raise PermissionDenied(_("You cannot publish rubrics."))
    rubric = Rubric.objects.select_for_update().get(pk=rubric.pk)
    # Saving gives every domain and indicator a stored id, which scores refer to.
    rubric.save()
    rubric.refresh_from_db()
    content = rubric.snapshot()
    latest = rubric.versions.order_by("-number").first()
    if latest is not None and latest.content == content:
        return latest
    version = RubricVersion.objects.create(
        rubric=rubric,
        number=(latest.number + 1) if latest else 1,
        content=content,
        created_by=actor,
    )
    log(
        rubric,
        "supervision.rubric.publish",
        user=actor,
        data={"version": version.number, "rubric_version": version.pk},
    )
    return version
