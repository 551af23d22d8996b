"""Make a new signing key for the LTI tool; the one before stays published for a while."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from lti import keys


class Command(BaseCommand):
    help = (
        "Make a new LTI tool signing key and retire all but it and the one before. Run it "
        "after DJANGO_SECRET_KEY changes: stored keys are encrypted with the old one."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        key = keys.tool_key_rotate()
        self.stdout.write(f"New LTI tool key {key.kid}")
