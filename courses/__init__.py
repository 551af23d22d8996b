"""Courses: Wagtail course and module pages with their blocks, enrolment, completion and
progress. It reads people and places from ``people``."""
