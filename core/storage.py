"""Where files that must never be public are kept: certificates, visit attachments, imports."""

from django.core.files.storage import Storage, storages


def private_storage() -> Storage:
    """The storage of ``STORAGES["private"]``, outside MEDIA_ROOT; a callable, so that
    migrations do not freeze the storage's location."""
    return storages["private"]
