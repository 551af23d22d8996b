"""Supervision: a year of visits per school, versioned rubrics, observations, action
points, sign-off, visit reports and reminders, and recording a visit offline (``offline``).
It reads schools and staff from ``people``."""
