"""Learning records for an external Learning Record Store: xAPI 1.0.3 statements for the
product's own events, kept in an outbox and sent when ``LRS_URL`` is set.

Layer 4: listens to the signals of courses and certificates; only the shell imports it.
"""
