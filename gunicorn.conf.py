"""Gunicorn's settings for a web node: ``gunicorn -c gunicorn.conf.py lms.wsgi``.

Every value can be changed from the environment. A node keeps nothing a request needs on its
own: sessions, caches and rate limits are in Redis and PostgreSQL, files in the shared store.
So any node may be stopped at any time; on SIGTERM it stops accepting connections (the load
balancer's next health check, or the refused connection, sends new requests elsewhere) and
lets the requests it is serving finish for up to ``GUNICORN_GRACEFUL_TIMEOUT`` seconds.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 8)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A request is never expected to take long: long work runs in Celery.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Workers are replaced now and then, at different times, so that a slow leak never grows.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))
# Where the workers' heartbeat files go; in a container, a memory file system (/dev/shm)
# keeps a stalled disk from getting workers killed.
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or None
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# The application is loaded in each worker, so a worker replaced by max_requests starts clean
# and the master holds no database connection to share by accident.
preload_app = False
# Behind the load balancer: trust its X-Forwarded-* headers (the TLS proxy sets them).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
