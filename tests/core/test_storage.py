"""Where files are kept: local disk with nothing set, two buckets with ``STORAGE_URL`` or the
``AWS_*`` variables, and no product code that reaches a stored file by its local path."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from core.storage import FILESYSTEM_BACKEND, S3_BACKEND, storages_setting
from tests.product import product_apps

ROOT = Path(__file__).resolve().parents[2]
APPS = product_apps()
STATIC = "django.contrib.staticfiles.storage.StaticFilesStorage"

# Local paths that are not stored files, each with its reason.
ALLOWED = {
    # The settings define the local folders used when no object store is set.
    ("lms/settings.py", "MEDIA_ROOT"),
    ("lms/settings.py", "PRIVATE_MEDIA_ROOT"),
    # The development server serves local media (DEBUG only).
    ("lms/urls.py", "MEDIA_ROOT"),
    # The PDF sanitiser reads its own process's memory use, not a file.
    ("core/pdfclean.py", "open"),
}


def local_path_uses(source: str) -> list[tuple[int, str]]:
    """Lines that reach a file through the local disk rather than a storage: the built-in
    ``open``, a ``.path`` of a file, an image, a document or a storage, and the media
    roots."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        is_call = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if is_call and node.func.id == "open":
            found.append((node.lineno, "open"))
        if isinstance(node, ast.Attribute) and node.attr == "path":
            owner = node.value
            name = ""
            if isinstance(owner, ast.Attribute):
                name = owner.attr
            elif isinstance(owner, ast.Name):
                name = owner.id
            elif isinstance(owner, ast.Subscript) and isinstance(owner.value, ast.Name):
                name = owner.value.id
            if name.lower().endswith(("file", "storage", "storages", "image", "document")):
                found.append((node.lineno, ".path"))
        if isinstance(node, ast.Name | ast.Attribute):
            label = node.id if isinstance(node, ast.Name) else node.attr
            if label in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
                found.append((node.lineno, label))
        if isinstance(node, ast.Constant) and node.value in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
            found.append((node.lineno, str(node.value)))
    return found


def product_modules() -> list[Path]:
    return [
        path
        for app in APPS
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
    ]


def test_no_product_code_reaches_a_stored_file_by_its_local_path() -> None:
    offences = []
    for path in product_modules():
        relative = path.relative_to(ROOT).as_posix()
        for line, what in local_path_uses(path.read_text(encoding="utf-8")):
            if (relative, what) not in ALLOWED:
                offences.append(f"{relative}:{line} {what}")
    assert offences == [], "read and write stored files through their storage:\n" + "\n".join(
        offences
    )


@pytest.mark.parametrize(
    "snippet",
    [
        "open(certificate.pdf_name)",
        "Path(storages['default'].path(name))",
        "attachment.file.path",
        "document.file.path",
        "default_storage.path(name)",
        "settings.MEDIA_ROOT / name",
        "getattr(settings, 'PRIVATE_MEDIA_ROOT')",
    ],
)
def test_the_scan_finds_each_kind_of_local_path(snippet: str) -> None:
    assert local_path_uses(snippet)


@pytest.mark.parametrize(
    "snippet", ["request.path", "page.path", "urlsplit(url).path", "storage.open(name, 'rb')"]
)
def test_the_scan_leaves_paths_that_are_not_files(snippet: str) -> None:
    assert local_path_uses(snippet) == []


def test_with_nothing_set_files_stay_on_the_local_disk(tmp_path: Path) -> None:
    setting = storages_setting({}, private_root=tmp_path, static_backend=STATIC)
    assert setting["default"]["BACKEND"] == FILESYSTEM_BACKEND
    assert setting["private"] == {
        "BACKEND": FILESYSTEM_BACKEND,
        "OPTIONS": {"location": tmp_path, "base_url": None},
    }
    assert setting["staticfiles"] == {"BACKEND": STATIC}


def test_a_storage_url_puts_media_and_private_files_in_two_buckets(tmp_path: Path) -> None:
    setting = storages_setting(
        {"STORAGE_URL": "s3+http://key:se%2Fcret@127.0.0.1:8660/media?private=private"},
        private_root=tmp_path,
        static_backend=STATIC,
    )
    media, private = setting["default"], setting["private"]
    assert media["BACKEND"] == private["BACKEND"] == S3_BACKEND
    assert media["OPTIONS"]["bucket_name"] == "media"
    assert private["OPTIONS"]["bucket_name"] == "private"
    assert media["OPTIONS"]["endpoint_url"] == "http://127.0.0.1:8660"
    assert private["OPTIONS"]["secret_key"] == "se/cret"
    # Media addresses are plain; a private file's would be signed, never public.
    assert media["OPTIONS"]["querystring_auth"] is False
    assert private["OPTIONS"]["querystring_auth"] is True
    assert media["OPTIONS"]["file_overwrite"] is private["OPTIONS"]["file_overwrite"] is False
    # Static files stay with whitenoise on each node.
    assert setting["staticfiles"] == {"BACKEND": STATIC}


def test_the_aws_variables_configure_the_same_buckets(tmp_path: Path) -> None:
    setting = storages_setting(
        {
            "AWS_STORAGE_BUCKET_NAME": "media",
            "AWS_PRIVATE_STORAGE_BUCKET_NAME": "private",
            "AWS_S3_REGION_NAME": "eu-central-1",
        },
        private_root=tmp_path,
        static_backend=STATIC,
    )
    assert setting["private"]["OPTIONS"]["bucket_name"] == "private"
    assert setting["default"]["OPTIONS"]["region_name"] == "eu-central-1"
    assert "endpoint_url" not in setting["default"]["OPTIONS"]


@pytest.mark.parametrize(
    "environ",
    [
        {"STORAGE_URL": "s3://key:secret@store.example/media"},
        {"STORAGE_URL": "s3://key:secret@store.example/media?private=media"},
        {"STORAGE_URL": "ftp://store.example/media?private=private"},
        {"AWS_STORAGE_BUCKET_NAME": "media"},
    ],
)
def test_private_files_never_share_the_public_bucket(environ: dict, tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured):
        storages_setting(environ, private_root=tmp_path, static_backend=STATIC)
