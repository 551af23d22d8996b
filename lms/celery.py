"""The Celery app.

With ``REDIS_URL`` set, tasks go to Redis and a worker and beat run them (see the README).
Unset, tasks run inline in the process that sends them, so a fresh checkout needs nothing
running beside the web server. Apps queue work with ``core.tasks.send_task_after_commit``.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.set_default()
