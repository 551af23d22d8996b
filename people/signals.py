"""Signals that let sibling apps react to each other without importing one another.

``observed_practice_changed``
    Sent by ``supervision`` after an observation of a person is submitted, corrected or
    withdrawn. Arguments: ``person_id`` (int), ``observation_count`` (number of submitted
    observations of the person), ``average_score`` (their mean score on the rubric scale,
    or ``None`` if there are none), ``scale_max`` (the top of the scale those scores
    use) and ``last_observed_on`` (the day of the latest of those observations, or
    ``None``). ``courses`` listens, because a course can require observed practice before
    it counts as completed; ``certificates`` listens, because a renewal can require
    observed practice inside its window.

``roles_changed``
    Sent after commit whenever a person gains or loses a role. Argument: ``person_id``.
    ``courses`` listens, to enrol the person in courses their new roles require.

``role_offer_accepted``
    Sent after commit when a person accepts a role offered to them (``staffing``), after
    ``roles_changed``. Arguments: ``offer_id`` and ``person_id`` (int). The offer's
    ``origin`` names what made it; ``programmes`` listens, to enrol the person by the rules
    of the programme a staff import named.
"""

from django.dispatch import Signal

observed_practice_changed = Signal()
roles_changed = Signal()
role_offer_accepted = Signal()
