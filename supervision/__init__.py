"""Supervision: school years of visits, versioned rubrics, observations, action points,
sign-off, visit reports, reminders and recording offline; reads schools and staff from people.

Layer 2: imports ``people`` and ``core``; not ``courses`` (same layer) or anything above.
"""
