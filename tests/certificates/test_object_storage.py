"""Certificates on an S3-compatible object store shared by several web nodes.

The tests marked ``s3`` run against a real S3 API server (``.ci/run`` starts one and sets
``STORAGE_URL``); each "node" is a fresh pair of storage instances with a local media
directory of its own, so only the buckets are shared. The unmarked test shows why: on local
disks, a certificate issued on one node cannot be read through another.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import boto3
import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import Client

from certificates.models import Certificate
from core.pdf import LocalFileFetcher
from core.storage import FILESYSTEM_BACKEND, s3_options, storages_setting
from tests.factories.certificates import publish_template, signature

from .conftest import World

STATIC = "django.contrib.staticfiles.storage.StaticFilesStorage"


def s3_storages() -> dict[str, Any]:
    return storages_setting(os.environ, private_root=Path("unused"), static_backend=STATIC)


def be_node(settings: Any, folder: Path, *, shared_store: bool) -> None:
    """Make this test process one web node: its own local folders, and either the shared
    buckets or storages on its own disk."""
    settings.MEDIA_ROOT = str(folder / "media")
    settings.PRIVATE_MEDIA_ROOT = str(folder / "private")
    if shared_store:
        settings.STORAGES = s3_storages()
    else:
        settings.STORAGES = {
            **django_settings.STORAGES,
            "default": {"BACKEND": FILESYSTEM_BACKEND},
            "private": {
                "BACKEND": FILESYSTEM_BACKEND,
                "OPTIONS": {"location": str(folder / "private"), "base_url": None},
            },
        }


@pytest.fixture(autouse=True)
def private_dir(settings: Any, tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """Node A: the buckets for the ``s3`` tests, its own disk otherwise."""
    be_node(settings, tmp_path / "node-a", shared_store="s3" in request.keywords)
    settings.SITE_URL = "http://testserver"
    return tmp_path / "node-a"


def bucket_keys(bucket: str) -> set[str]:
    options, _public, _private = s3_options(os.environ) or ({}, "", "")
    client = boto3.client(
        "s3",
        endpoint_url=options.get("endpoint_url"),
        aws_access_key_id=options.get("access_key"),
        aws_secret_access_key=options.get("secret_key"),
        region_name=options.get("region_name") or "us-east-1",
    )
    listed = client.list_objects_v2(Bucket=bucket)
    return {item["Key"] for item in listed.get("Contents", [])}


def buckets() -> tuple[str, str]:
    found = s3_options(os.environ)
    assert found is not None
    return found[1], found[2]


def download(client: Client, certificate: Certificate) -> Any:
    return client.get(f"/en/certificates/{certificate.grouped_code}/download/")


def body(response: Any) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.s3
def test_a_certificate_goes_to_the_private_bucket_and_only_its_owner_gets_it(
    world: World, finish: Any, client: Client
) -> None:
    public, private = buckets()
    finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    assert certificate.pdf_name in bucket_keys(private)
    assert certificate.pdf_name not in bucket_keys(public)

    assert download(client, certificate).status_code == 302  # to the sign-in page
    client.force_login(world.tutor_b)
    assert download(client, certificate).status_code == 404
    client.force_login(world.tutor)
    response = download(client, certificate)
    assert response.status_code == 200
    assert hashlib.sha256(body(response)).hexdigest() == certificate.pdf_sha256


@pytest.mark.s3
def test_a_certificate_issued_on_one_node_is_downloaded_through_another(
    world: World, finish: Any, client: Client, settings: Any, tmp_path: Path
) -> None:
    # The template's signature is a Wagtail image in the public bucket; the strict PDF
    # render reads its rendition back through the storage, not from a local folder.
    publish_template(
        courses=[world.course],
        signatories=[{"name": "Дана Оразбекова", "signature": signature("Дана")}],
    )
    finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    assert not any((tmp_path / "node-a").rglob("*.pdf"))

    be_node(settings, tmp_path / "node-b", shared_store=True)
    client.force_login(world.tutor)
    response = download(client, certificate)
    assert response.status_code == 200
    assert hashlib.sha256(body(response)).hexdigest() == certificate.pdf_sha256


def test_on_local_disks_another_node_cannot_read_the_certificate(
    world: World, finish: Any, client: Client, settings: Any, tmp_path: Path
) -> None:
    finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    be_node(settings, tmp_path / "node-b", shared_store=False)
    client.force_login(world.tutor)
    assert download(client, certificate).status_code == 500


@pytest.mark.s3
def test_a_failed_upload_leaves_no_certificate_row(
    world: World, finish: Any, settings: Any
) -> None:
    broken = s3_storages()
    broken["private"]["OPTIONS"] = {
        **broken["private"]["OPTIONS"],
        "bucket_name": "no-such-bucket-for-certificates",
    }
    settings.STORAGES = broken
    with pytest.raises(Exception, match=r"NoSuchBucket|does not exist"):
        finish(world.tutor, world.course)
    assert not Certificate.objects.exists()


@pytest.mark.s3
def test_pdf_rendering_reads_media_from_the_bucket_by_their_address() -> None:
    name = storages["default"].save("tests/pixel.txt", ContentFile(b"stored in the bucket"))
    url = storages["default"].url(name)
    assert url.startswith(("http://", "https://"))
    fetched = LocalFileFetcher().fetch(url)
    assert fetched.read() == b"stored in the bucket"
    storages["default"].delete(name)
