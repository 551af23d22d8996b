"""Programmes: trained-staff targets, the dashboard by region, school and role, staff
imports and exports. It reads every app below it and writes only its own records.

Layer 4: imports every app below it; only the shell (``lms``) and ``demo`` import it.
"""
