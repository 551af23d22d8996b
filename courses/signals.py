"""The signal by which courses announce completion to the apps above them.

``course_completed``
    Sent after the transaction that completed an enrolment commits. Argument:
    ``enrolment_id``. ``certificates`` listens and issues the certificate. A process that
    dies between commit and signal loses nothing: certificates also reconciles completed
    enrolments that have no certificate.
"""

from django.dispatch import Signal

course_completed = Signal()
