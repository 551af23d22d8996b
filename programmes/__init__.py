"""Programmes: trained-staff targets, the dashboard by region, school and role, staff
imports and exports. It reads every app below it and writes only its own records."""
