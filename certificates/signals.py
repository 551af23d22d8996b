"""The signal by which certificates announce changes to the apps above them.

``certificate_changed``
    Sent after commit when a certificate is issued (also as a reissue's replacement),
    revoked, superseded, or revoked and blanked when its holder's data is erased.
    Arguments: ``certificate_id`` and ``person_id`` (int, or ``None`` once erased).
    ``programmes`` listens, because a valid certificate is what makes a person trained.

``certificate_event``
    Sent synchronously, inside the transaction that issues a certificate (also a reissue's
    replacement) or revokes one, so a listener's writes commit or roll back with it
    (``xapi`` writes an outbox row). Arguments: ``kind`` (``"issued"`` or ``"revoked"``),
    ``certificate`` (the saved ``Certificate``) and ``at`` (the aware datetime). Not sent
    when a certificate is revoked because its holder's data is erased.
"""

from django.db import transaction
from django.dispatch import Signal

certificate_changed = Signal()
certificate_event = Signal()


def announce_certificate_changed(certificate_id: int, person_id: int | None) -> None:
    """Send ``certificate_changed`` once the current transaction commits."""
    transaction.on_commit(
        lambda: certificate_changed.send(
            sender=None, certificate_id=certificate_id, person_id=person_id
        )
    )
