"""Courses: Wagtail course and module pages with their blocks, enrolment, completion and
progress. It reads people and places from ``people``.

Layer 2: imports ``people`` and ``core``; not ``supervision`` (same layer) or anything above.
"""
