"""Hostile uploads, built by the tests themselves: workbooks that lie about their size,
deflate bombs, archives of thousands of parts, endless CSV files, PDFs that run code.

Each is small as uploaded; read naively, each takes gigabytes or runs something on the
reader's machine."""

from __future__ import annotations

import io
import re
import struct
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from time import process_time
from typing import Any

from openpyxl import Workbook

HEADER = ["email", "full_name", "full_name_alt", "language", "role", "school", "region"]


def workbook(rows: list[list[str]] | None = None) -> bytes:
    """A small, honest XLSX of ``rows`` (a header and one teacher by default)."""
    book = Workbook()
    sheet = book.active
    for row in rows or [HEADER, ["a@example.kz", "A", "", "ru", "teacher", "zhambyl-41", ""]]:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite_members(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The archive with each member passed through ``change`` (``None`` keeps it)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            changed = change(info.filename, content)
            target.writestr(info.filename, content if changed is None else changed)
    return out.getvalue()


def xlsx_claiming_a_million_rows(*, last_cell: bool = False) -> bytes:
    """A 5 KB workbook whose dimension says A1:XFD1048576 (every row and column of a
    sheet). With ``last_cell``, the sheet really has a cell in its last row and column."""

    def change(name: str, content: bytes) -> bytes | None:
        if name != "xl/worksheets/sheet1.xml":
            return None
        content = re.sub(
            rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1:XFD1048576"/>', content
        )
        if last_cell:
            content = content.replace(
                b"</sheetData>",
                b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
                b"</sheetData>",
            )
        return content

    return rewrite_members(workbook(), change)


def _streamed_member(target: zipfile.ZipFile, name: str, chunks: Iterator[bytes]) -> None:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with target.open(info, "w", force_zip64=True) as handle:
        for chunk in chunks:
            handle.write(chunk)


def xlsx_with_huge_member(name: str, inflated: int, *, unit: bytes = b" ") -> bytes:
    """A workbook one of whose parts (``name``) inflates to ``inflated`` bytes of ``unit``
    repeated: a deflate bomb of a few hundred kilobytes for 300 MB."""
    source = zipfile.ZipFile(io.BytesIO(workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info.filename, source.read(info))
        block = unit * (1024 * 1024 // len(unit))

        def chunks() -> Iterator[bytes]:
            for _ in range(inflated // len(block)):
                yield block

        _streamed_member(target, name, chunks())
    return out.getvalue()


def huge_shared_strings(inflated: int = 300 * 1024 * 1024) -> bytes:
    """A tiny workbook with a shared-strings part of ``inflated`` bytes of strings."""
    return xlsx_with_huge_member("xl/sharedStrings.xml", inflated, unit=b"<si><t>x</t></si>")


def lying_about_size(data: bytes, member: str, declared: int = 100) -> bytes:
    """The archive with ``member`` declaring ``declared`` bytes in both its headers, while
    it still inflates to its real size."""
    raw = bytearray(data)
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.getinfo(member)
    struct.pack_into("<I", raw, info.header_offset + 22, declared)
    # This member's entry in the central directory, found by its name.
    name = member.encode()
    position = raw.find(b"PK\x01\x02")
    while position != -1:
        name_length = struct.unpack_from("<H", raw, position + 28)[0]
        if bytes(raw[position + 46 : position + 46 + name_length]) == name:
            struct.pack_into("<I", raw, position + 24, declared)
            break
        position = raw.find(b"PK\x01\x02", position + 4)
    return bytes(raw)


def zip_of_many_members(count: int = 5000) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in _members(workbook()):
            target.writestr(name, content)
        for number in range(count):
            target.writestr(f"xl/media/part{number}.xml", b"<a/>")
    return out.getvalue()


def _members(data: bytes) -> Iterator[tuple[str, bytes]]:
    source = zipfile.ZipFile(io.BytesIO(data))
    for info in source.infolist():
        yield info.filename, source.read(info)


def csv_of_a_million_rows() -> bytes:
    return (",".join(HEADER) + "\n").encode() + b"x\n" * 1_000_000


def csv_with_a_wide_row(columns: int = 100_000) -> bytes:
    return (",".join(HEADER) + "\n").encode() + b"," * columns + b"\n"


def pdf_that_runs_code() -> bytes:
    """A one-page PDF that runs JavaScript when opened, launches a program from a link,
    has additional actions on its page, and carries an embedded file."""
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    content = b"BT /F1 24 Tf 72 720 Td (Lesson plan) Tj ET"
    page.obj.Contents = pdf.make_stream(content)
    page.obj.Resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(
            F1=pikepdf.Dictionary(
                Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
            )
        )
    )
    script = pdf.make_indirect(
        pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('hi')"))
    )
    pdf.Root.OpenAction = script
    pdf.Root.AA = pikepdf.Dictionary(WC=script)
    pdf.Root.Names = pikepdf.Dictionary(
        JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("run"), script]))
    )
    launch = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=pikepdf.Array([72, 600, 300, 640]),
        A=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe")),
    )
    page.obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(launch)]))
    page.obj.AA = pikepdf.Dictionary(O=script)
    pdf.attachments["payload.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ not really a program")
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def pdf_bomb(padding: int = 500_000_000) -> bytes:
    """A one-page PDF of a few hundred kilobytes whose object stream inflates to
    ``padding`` bytes before its one object: a PDF reader that resolves it builds the
    whole stream in memory."""
    import zlib

    head = b"3 0 "
    packer = zlib.compressobj(9)
    parts = [packer.compress(head)]
    block = b" " * (1024 * 1024)
    for _ in range(padding // len(block)):
        parts.append(packer.compress(block))
    parts.append(packer.compress(b" " * (padding % len(block)) + b"<< /Foo 1 >>"))
    parts.append(packer.flush())
    compressed = b"".join(parts)
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}

    def write(number: int, body: bytes) -> None:
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")

    write(1, b"<< /Type /Catalog /Pages 2 0 R /X 3 0 R >>")
    write(2, b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>")
    write(
        4,
        b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
        % (len(head) + padding, len(compressed))
        + compressed
        + b"\nendstream",
    )
    write(6, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
    xref_at = out.tell()
    rows = [
        struct.pack(">BIH", 0, 0, 65535),
        struct.pack(">BIH", 1, offsets[1], 0),
        struct.pack(">BIH", 1, offsets[2], 0),
        struct.pack(">BIH", 2, 4, 0),
        struct.pack(">BIH", 1, offsets[4], 0),
        struct.pack(">BIH", 1, xref_at, 0),
        struct.pack(">BIH", 1, offsets[6], 0),
    ]
    table = b"".join(rows)
    out.write(
        b"5 0 obj\n<< /Type /XRef /W [1 4 2] /Size 7 /Root 1 0 R /Length %d >>\nstream\n"
        % len(table)
        + table
        + b"\nendstream\nendobj\n"
    )
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref_at)
    return out.getvalue()


@dataclass
class Cost:
    seconds: float = 0.0  # CPU time of this process
    peak_bytes: int = 0  # the most Python memory allocated at once


@contextmanager
def measured() -> Iterator[Cost]:
    """The CPU time and peak Python memory of the block (``tracemalloc``)."""
    cost = Cost()
    tracemalloc.start()
    started = process_time()
    try:
        yield cost
    finally:
        cost.seconds = process_time() - started
        cost.peak_bytes = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()


MB = 1024 * 1024


def refused_cheaply(cost: Cost, *, seconds: float = 3.0, megabytes: int = 40) -> Any:
    """Assertion helper: the refusal took little CPU and memory."""
    assert cost.seconds < seconds, f"took {cost.seconds:.2f} s of CPU"
    assert cost.peak_bytes < megabytes * MB, f"peaked at {cost.peak_bytes / MB:.0f} MB"


def png_claiming_pixels(width: int = 30_000, height: int = 30_000) -> bytes:
    """A PNG of a few dozen bytes whose header says ``width`` × ``height`` pixels: a
    decoder that believes it allocates gigabytes."""
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


def encrypted_pdf() -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(user="secret", owner="secret"))
    return out.getvalue()


ACTIVE_PDF_KEYS = {"/JS", "/JavaScript", "/OpenAction", "/AA", "/EmbeddedFiles", "/EF", "/AF"}
ACTIVE_PDF_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToE"}


def active_parts(data: bytes) -> list[str]:
    """Everything in the PDF ``data`` that runs, launches or carries a file."""
    import pikepdf

    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if pdf.attachments:
            found.append("attachments")
        stack: list[Any] = [pdf.trailer, *pdf.objects]
        seen: set[int] = set()
        while stack:
            item = stack.pop()
            if isinstance(item, pikepdf.Dictionary | pikepdf.Stream):
                if item.is_indirect:
                    if item.objgen in seen:
                        continue
                    seen.add(item.objgen)
                found += [key for key in item.keys() if key in ACTIVE_PDF_KEYS]  # noqa: SIM118
                if str(item.get("/S", "")) in ACTIVE_PDF_ACTIONS:
                    found.append(str(item.get("/S")))
                if str(item.get("/Type", "")) == "/EmbeddedFile":
                    found.append("/EmbeddedFile")
                stack += [value for _key, value in item.items()]
            elif isinstance(item, pikepdf.Array):
                stack += list(item)
    return found
