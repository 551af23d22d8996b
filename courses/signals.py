"""The signal by which courses announce completion to the apps above them.

``course_completed``
    Sent after the transaction that completed an enrolment commits. Argument:
    ``enrolment_id``. ``certificates`` listens and issues the certificate. A process that
    dies between commit and signal loses nothing: certificates also reconciles completed
    enrolments that have no certificate.

``learner_progress_changed``
    Sent after commit whenever something courses owns that decides whether a person is
    trained changes: an enrolment is created, left or taken up again, its progress or
    status is recomputed, or the person's observed practice is recorded. Arguments:
    ``person_id`` (int). ``programmes`` listens and refreshes the person's stored training
    statuses. Last activity alone does not send it.
"""

from django.dispatch import Signal

course_completed = Signal()
learner_progress_changed = Signal()
