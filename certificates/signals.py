"""The signal by which certificates announce changes to the apps above them.

``certificate_changed``
    Sent after commit when a certificate is issued (also as a reissue's replacement),
    revoked, superseded, or revoked and blanked when its holder's data is erased.
    Arguments: ``certificate_id`` and ``person_id`` (int, or ``None`` once erased).
    ``programmes`` listens, because a valid certificate is what makes a person trained.
"""

from django.db import transaction
from django.dispatch import Signal

certificate_changed = Signal()


def announce_certificate_changed(certificate_id: int, person_id: int | None) -> None:
    """Send ``certificate_changed`` once the current transaction commits."""
    transaction.on_commit(
        lambda: certificate_changed.send(
            sender=None, certificate_id=certificate_id, person_id=person_id
        )
    )
