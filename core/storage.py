"""Where files are kept: Django's ``STORAGES`` setting and the private storage.

With nothing set, public media go under ``MEDIA_ROOT`` and private files (certificates,
visit attachments and reports, imports) under ``PRIVATE_MEDIA_ROOT``. With ``STORAGE_URL``
or the ``AWS_*`` variables, both go to buckets through django-storages, so that any number
of web nodes and workers share one store and no node's disk holds a file another needs:

    STORAGE_URL=s3+http://KEY:SECRET@127.0.0.1:9000/qamqor-media?private=qamqor-private

``s3://`` speaks HTTPS (with no host: Amazon's own endpoint), ``s3+http://`` plain HTTP
for a store on the same private network. The private bucket must be another bucket than the
public one: a bucket policy that makes media readable by anyone must never reach a
certificate. Private files are never given a public or presigned address; the view that
checks who is asking streams them (see the README).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import Storage, storages

S3_BACKEND = "storages.backends.s3.S3Storage"
FILESYSTEM_BACKEND = "django.core.files.storage.FileSystemStorage"


def private_storage() -> Storage:
    """The storage of ``STORAGES["private"]`` (outside MEDIA_ROOT, or the private bucket);
    a callable, so that migrations do not freeze the storage's location."""
    return storages["private"]


def s3_options(environ: Mapping[str, str]) -> tuple[dict[str, Any], str, str] | None:
    """The connection options and the public and private bucket names from ``environ``, or
    ``None`` when no object store is configured."""
    url = environ.get("STORAGE_URL", "").strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("s3", "s3+http", "s3+https"):
            raise ImproperlyConfigured(
                f"STORAGE_URL must start with s3://, s3+http:// or s3+https://, not {parts.scheme}://"
            )
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        public = parts.path.strip("/")
        private = query.get("private", "")
        options: dict[str, Any] = {
            "access_key": unquote(parts.username or "") or None,
            "secret_key": unquote(parts.password or "") or None,
            "region_name": query.get("region") or None,
        }
        if parts.hostname:
            scheme = "http" if parts.scheme == "s3+http" else "https"
            port = f":{parts.port}" if parts.port else ""
            options["endpoint_url"] = f"{scheme}://{parts.hostname}{port}"
        if query.get("domain"):
            options["custom_domain"] = query["domain"]
    elif environ.get("AWS_STORAGE_BUCKET_NAME"):
        public = environ["AWS_STORAGE_BUCKET_NAME"]
        private = environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME", "")
        options = {
            "access_key": environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "region_name": environ.get("AWS_S3_REGION_NAME") or None,
            "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
        }
        if environ.get("AWS_S3_CUSTOM_DOMAIN"):
            options["custom_domain"] = environ["AWS_S3_CUSTOM_DOMAIN"]
    else:
        return None
    if not public or not private:
        raise ImproperlyConfigured(
            "The object store needs two buckets: the public one (STORAGE_URL's path or "
            "AWS_STORAGE_BUCKET_NAME) and the private one (?private= or "
            "AWS_PRIVATE_STORAGE_BUCKET_NAME)."
        )
    if public == private:
        raise ImproperlyConfigured(
            "The private bucket must not be the public bucket: certificates and visit "
            "attachments would be as readable as course images."
        )
    return {key: value for key, value in options.items() if value is not None}, public, private


def storages_setting(
    environ: Mapping[str, str], *, private_root: Path, static_backend: str
) -> dict[str, dict[str, Any]]:
    """Django's ``STORAGES``: ``default`` (public media, Wagtail's images, renditions and
    documents), ``private`` and ``staticfiles`` (always local, served by whitenoise)."""
    staticfiles = {"BACKEND": static_backend}
    found = s3_options(environ)
    if found is None:
        return {
            "default": {"BACKEND": FILESYSTEM_BACKEND},
            "private": {
                "BACKEND": FILESYSTEM_BACKEND,
                "OPTIONS": {"location": private_root, "base_url": None},
            },
            "staticfiles": staticfiles,
        }
    options, public, private = found
    from botocore.config import Config

    # Path-style addresses work with every S3-compatible engine, not only Amazon's. A store
    # that does not answer holds a request for seconds, not a minute; a request refused
    # once is tried again.
    addressing = "path" if "endpoint_url" in options else "auto"
    client_config = Config(
        signature_version="s3v4",
        s3={"addressing_style": addressing},
        connect_timeout=2,
        read_timeout=20,
        retries={"max_attempts": 3, "mode": "standard"},
    )
    common = {
        **options,
        "client_config": client_config,
        # A second file under a taken name gets a new name, as on disk: nothing is
        # overwritten, and a failed save never replaces a file a row already points at.
        "file_overwrite": False,
        "default_acl": None,
    }
    return {
        # Media are public: their addresses carry no signature, so pages and renditions
        # can be cached. Reading them is allowed by the bucket's policy.
        "default": {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {**common, "bucket_name": public, "querystring_auth": False},
        },
        "private": {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **{key: value for key, value in common.items() if key != "custom_domain"},
                "bucket_name": private,
                "querystring_auth": True,
                "querystring_expire": 60,
            },
        },
        "staticfiles": staticfiles,
    }
