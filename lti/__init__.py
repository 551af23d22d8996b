"""This product as an LTI 1.3 tool: platforms registered in the admin, launches that sign a
person in and enrol them, deep linking for teachers, and scores sent back to the platform."""
