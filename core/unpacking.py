"""Opening an uploaded ZIP container (an XLSX workbook, say) without trusting what it says.

A ZIP archive declares how large each member is once inflated; a bomb declares little and
inflates to gigabytes, or holds thousands of members, or compresses a thousand to one.
``open_zip`` checks the member count, each member's declared size, their total and their
compression ratio, then inflates every member once, in small chunks, counting the bytes,
and refuses the archive as soon as a member yields more than it declared or a limit is
passed. Only then is the archive handed to the library that reads it, which can no longer
be surprised: the bytes are in memory and have been counted.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

CHUNK = 64 * 1024


@dataclass(frozen=True)
class ZipLimits:
    members: int = 200
    member_bytes: int = 32 * 1024 * 1024
    total_bytes: int = 64 * 1024 * 1024
    # Inflated size over compressed size. XML compresses well (a sheet of repeated cells
    # reaches 30–60); a bomb reaches hundreds or thousands.
    ratio: int = 150
    # Below this inflated size a member's ratio does not matter: a small member cannot
    # exhaust anything, and tiny members compress very well.
    ratio_floor_bytes: int = 1024 * 1024


class UnsafeArchive(Exception):
    """The archive is refused; the message says why, in the reader's language."""


def open_zip(data: bytes, limits: ZipLimits | None = None) -> zipfile.ZipFile:
    """The archive in ``data``, checked against ``limits``; ``UnsafeArchive`` otherwise.

    ``zipfile.BadZipFile`` is raised, as by ``zipfile`` itself, for what is not a ZIP file.
    """
    limits = limits or ZipLimits()
    archive = zipfile.ZipFile(io.BytesIO(data))
    members = archive.infolist()
    if len(members) > limits.members:
        raise UnsafeArchive(
            _("The file holds more than %(count)s parts, far more than a document has.")
            % {"count": limits.members}
        )
    declared_total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise UnsafeArchive(_("The file is protected by a password. Save it without one."))
        declared_total += member.file_size
        _check_declared(member, limits)
    if declared_total > limits.total_bytes:
        raise UnsafeArchive(_too_large(limits.total_bytes))
    actual_total = 0
    for member in members:
        actual_total += _inflate_counting(archive, member, limits)
        if actual_total > limits.total_bytes:
            raise UnsafeArchive(_too_large(limits.total_bytes))
    return archive


def inflated_size(archive: zipfile.ZipFile) -> int:
    """The size of every member once inflated (as checked by ``open_zip``)."""
    return sum(member.file_size for member in archive.infolist())


def _check_declared(member: zipfile.ZipInfo, limits: ZipLimits) -> None:
    if member.file_size > limits.member_bytes:
        raise UnsafeArchive(_too_large(limits.member_bytes))
    if member.file_size > limits.ratio_floor_bytes and member.file_size > limits.ratio * max(
        member.compress_size, 1
    ):
        raise UnsafeArchive(_compressed_too_much())


def _inflate_counting(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: ZipLimits) -> int:
    """Inflate ``member`` once, chunk by chunk, keeping nothing; the bytes it really gave."""
    ceiling = min(member.file_size, limits.member_bytes)
    count = 0
    try:
        with archive.open(member) as handle:
            while chunk := handle.read(CHUNK):
                count += len(chunk)
                if count > ceiling:
                    raise UnsafeArchive(_too_large(limits.member_bytes))
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as error:
        # A member that inflates to more than it declared fails its checksum in zipfile,
        # which stops at the declared size.
        raise UnsafeArchive(_("The file is damaged: a part of it cannot be read.")) from error
    if count != member.file_size:
        raise UnsafeArchive(_("The file is damaged: a part of it cannot be read."))
    if count > limits.ratio_floor_bytes and count > limits.ratio * max(member.compress_size, 1):
        raise UnsafeArchive(_compressed_too_much())
    return count


def _too_large(limit: int) -> str:
    return _(
        "Unpacked, the file would be larger than %(size)s MB. Split it into smaller files."
    ) % {"size": limit // (1024 * 1024)}


def _compressed_too_much() -> str:
    return _(
        "The file is compressed far more than a real document can be, so it is not "
        "opened. Save it again from the program that made it."
    )
