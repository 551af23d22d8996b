"""The shell: settings, URL wiring, the Celery app and the mail plumbing every app uses.

It holds no domain models; apps below it never import its views or URLs.
"""

from .celery import app as celery_app

__all__ = ("celery_app",)
