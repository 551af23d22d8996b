"""The shell on top: settings, URL wiring, the Celery app, the home page and navigation,
the middleware and the personal-data bundle that gather every app.

It imports every app and is imported by none (the plumbing the apps share is ``core``).
"""

from .celery import app as celery_app

__all__ = ("celery_app",)
