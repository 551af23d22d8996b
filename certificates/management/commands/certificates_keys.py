"""Create the credential and PDF signing keys, show what is published, or rotate them.

    manage.py certificates_keys              create the keys that are missing (repeat-safe)
    manage.py certificates_keys --show       the DID, the published keys, the signer
    manage.py certificates_keys --rotate     a new credential key (the old one stays
                                             published) and a new PDF signing key; the
                                             status lists are signed again with the new key

Keys set in the environment are never written; rotating those is the operator's move
(the command says which variables to change).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from certificates.credentials import did, keys
from certificates.credentials.services import status_lists_publish


class Command(BaseCommand):
    help = "Create, show or rotate the keys that sign credentials and certificate PDFs."

    def add_arguments(self, parser: CommandParser) -> None:
        what = parser.add_mutually_exclusive_group()
        what.add_argument("--show", action="store_true", help="Show the published keys.")
        what.add_argument("--rotate", action="store_true", help="Rotate both keys.")
        parser.add_argument(
            "--only",
            choices=["credential", "pdf"],
            help="With --rotate: rotate only the credential key or only the PDF key.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["rotate"]:
                self._rotate(options["only"])
            elif not options["show"]:
                created = keys.create_missing()
                for name in created:
                    self.stdout.write(f"Created {keys.key_dir() / name}")
                if not created:
                    self.stdout.write("Every key is in place.")
            self._show()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error

    def _rotate(self, only: str | None) -> None:
        if only in (None, "credential"):
            old, new = keys.rotate_credential_key()
            self.stdout.write(
                f"Credential key rotated: {old} retired (still published), {new} now."
            )
            count = status_lists_publish()
            self.stdout.write(f"Status lists signed again: {count}.")
        if only in (None, "pdf"):
            keys.rotate_signing_key()
            self.stdout.write("PDF signing key and certificate replaced.")

    def _show(self) -> None:
        published = keys.credential_keys()
        self.stdout.write(f"DID: {did.site_did()} (document at {did.did_document_path()})")
        self.stdout.write(f"Current credential key: {published.current_id}")
        for value in published.retired:
            self.stdout.write(f"Retired, still published: {value}")
        signer = keys.signing_keys().certificate
        self.stdout.write(
            f"PDF signer: {signer.subject.rfc4514_string()}, "
            f"valid until {signer.not_valid_after_utc:%Y-%m-%d}"
        )
