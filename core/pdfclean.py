"""Uploaded PDFs, cleaned: nothing in them runs, launches or opens by itself.

A PDF may carry JavaScript (run when it is opened, or on a click, a page, a form field),
actions that launch programs, submit forms or open other files, additional actions on
its pages and fields, XFA forms, rich media, and embedded files of any kind. The copy
kept has all of them taken out; what the pages show is left as it is (content streams
are copied without being decoded).

Reading a PDF is itself a risk: a few hundred kilobytes can hold an object stream that
inflates to gigabytes before its first object, and qpdf (under pikepdf) builds it in
memory. So the cleaning runs in a child process of its own, limited in memory and CPU
time by the operating system; a file that passes a limit is refused, never allowed to
take the server with it.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import dataclass

# Outside the child only: the child runs this file with nothing but pikepdf.
MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 2_000
MAX_OBJECTS = 500_000
MEMORY_BYTES = 512 * 1024 * 1024  # for the child, over three times the file's size
CPU_SECONDS = 20
WALL_SECONDS = 60

# Actions that run, launch, send or open something: taken out wherever they are.
ACTIVE_ACTIONS = {
    "/JavaScript": "javascript",
    "/Launch": "launch",
    "/SubmitForm": "form_submit",
    "/ImportData": "form_submit",
    "/GoToR": "remote_link",
    "/GoToE": "embedded_file",
    "/RichMediaExecute": "rich_media",
    "/Rendition": "rich_media",
    "/Movie": "rich_media",
    "/Sound": "rich_media",
}
# Keys whose value runs or carries something, in any dictionary.
ACTIVE_KEYS = {
    "/OpenAction": "open_action",
    "/AA": "additional_actions",
    "/JS": "javascript",
    "/JavaScript": "javascript",
    "/EmbeddedFiles": "embedded_file",
    "/EF": "embedded_file",
    "/AF": "embedded_file",
    "/XFA": "xfa",
    "/RichMediaContent": "rich_media",
}
ACTIVE_ANNOTATIONS = {
    "/FileAttachment": "embedded_file",
    "/RichMedia": "rich_media",
    "/Screen": "rich_media",
    "/Movie": "rich_media",
    "/Sound": "rich_media",
    "/3D": "rich_media",
}


@dataclass(frozen=True)
class CleanPdf:
    content: bytes
    removed: tuple[str, ...]  # what was taken out: "javascript", "launch", ...
    pages: int
    child_peak_bytes: int = 0  # the most memory the cleaning took


class PdfRefused(Exception):
    """The PDF cannot be kept; ``message`` says why, in the reader's language."""

    def __init__(self, reason: str, child_peak_bytes: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.child_peak_bytes = child_peak_bytes

    @property
    def message(self) -> str:
        from django.utils.translation import gettext as _

        messages = {
            "too_large": _("PDF files can be at most %(size)s MB.")
            % {"size": MAX_BYTES // (1024 * 1024)},
            "encrypted": _(
                "The PDF is protected by a password. Save or print it again without one."
            ),
            "too_complex": _(
                "The PDF is far more complex inside than its pages need, so it is not kept. "
                "Print it to a new PDF and attach that."
            ),
        }
        return messages.get(
            self.reason,
            _("The file cannot be read as a PDF. Print it to a new PDF and attach that."),
        )


def is_pdf(data: bytes) -> bool:
    """PDF readers accept the header anywhere in the first kilobyte."""
    return b"%PDF-" in data[:1024]


def clean_pdf(data: bytes) -> CleanPdf:
    """A copy of the PDF in ``data`` with everything active taken out, or ``PdfRefused``.

    Runs in a child process limited to ``MEMORY_BYTES`` (more for a larger file) and
    ``CPU_SECONDS``; whatever passes a limit is refused as too complex.
    """
    if len(data) > MAX_BYTES:
        raise PdfRefused("too_large")
    memory = max(MEMORY_BYTES, 3 * len(data) + 256 * 1024 * 1024)
    command = [sys.executable, "-I", __file__, str(memory), str(CPU_SECONDS)]
    try:
        child = subprocess.run(  # noqa: S603 - our own interpreter and file, no shell
            command, input=data, capture_output=True, timeout=WALL_SECONDS, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise PdfRefused("too_complex") from error
    if child.returncode != 0:
        raise PdfRefused("too_complex" if child.returncode in (3, -9, -24) else "unreadable")
    header, _newline, content = child.stdout.partition(b"\n")
    outcome = json.loads(header)
    peak = int(outcome.get("peak", 0))
    if "refused" in outcome:
        raise PdfRefused(outcome["refused"], child_peak_bytes=peak)
    return CleanPdf(
        content=content,
        removed=tuple(outcome["removed"]),
        pages=outcome["pages"],
        child_peak_bytes=peak,
    )


# --- The child -----------------------------------------------------------------------------


class _Refusal(Exception):
    pass


def _clean(data: bytes) -> tuple[bytes, list[str], int]:
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError as error:
        raise _Refusal("encrypted") from error
    except pikepdf.PdfError as error:
        raise _Refusal("unreadable") from error
    with pdf:
        if int(pdf.trailer.get("/Size", 0)) > MAX_OBJECTS:
            raise _Refusal("too_complex")
        pages = len(pdf.pages)
        if pages > MAX_PAGES:
            raise _Refusal("too_complex")
        if pages == 0:
            raise _Refusal("unreadable")  # nothing to show: damaged, or not really a PDF
        removed: set[str] = set()
        for page in pdf.pages:
            _drop_active_annotations(page.obj, removed)
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                _scrub(obj, removed)
        _scrub(pdf.trailer, removed)
        if any("bad_alloc" in warning for warning in pdf.get_warnings()):
            raise _Refusal("too_complex")  # a part would not fit in the memory allowed
        out = io.BytesIO()
        # Streams are copied as they are (never inflated); objects no longer referenced
        # (the scripts, the embedded files) are not written; any encryption is removed.
        pdf.save(
            out,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            object_stream_mode=pikepdf.ObjectStreamMode.preserve,
            fix_metadata_version=False,
        )
    return out.getvalue(), sorted(removed), pages


def _is_active_action(value: object) -> str:
    import pikepdf

    if not isinstance(value, pikepdf.Dictionary):
        return ""
    kind = value.get("/S")
    if kind is None:
        return ""
    name = str(kind)
    if name in ACTIVE_ACTIONS:
        return ACTIVE_ACTIONS[name]
    if name == "/URI":
        uri = str(value.get("/URI", "")).strip().lower()
        if not uri.startswith(("http://", "https://", "mailto:")):
            return "javascript" if uri.startswith("javascript:") else "remote_link"
    return ""


def _scrub(top: object, removed: set[str]) -> None:
    """Take the active keys and actions out of ``top`` and of the dictionaries and arrays
    written inside it (objects referred to by number are visited on their own)."""
    import pikepdf

    stack = [top]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Dictionary | pikepdf.Stream):
            for key, label in ACTIVE_KEYS.items():
                if key in item:
                    del item[key]
                    removed.add(label)
            for key in ("/A", "/Next", "/PA"):
                if key in item:
                    value = item[key]
                    label = _is_active_action(value)
                    if label:
                        del item[key]
                        removed.add(label)
                    elif isinstance(value, pikepdf.Array):
                        kept = [entry for entry in value if not _is_active_action(entry)]
                        if len(kept) != len(value):
                            item[key] = pikepdf.Array(kept)
                            removed.update(_is_active_action(entry) for entry in value)
            label = _is_active_action(item)
            if label:
                # An action written out on its own: made to do nothing.
                for key in list(item.keys()):
                    if key != "/Type":
                        del item[key]
                item["/S"] = pikepdf.Name("/Named")
                item["/N"] = pikepdf.Name("/FirstPage")
                removed.add(label)
            children = [value for _key, value in item.items()]
        elif isinstance(item, pikepdf.Array):
            children = list(item)
        else:
            continue
        stack.extend(
            child
            for child in children
            if isinstance(child, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream)
            and not child.is_indirect
        )


def _drop_active_annotations(page: object, removed: set[str]) -> None:
    import pikepdf

    annotations = page.get("/Annots")  # type: ignore[attr-defined]
    if not isinstance(annotations, pikepdf.Array):
        return
    kept = []
    for annotation in annotations:
        label = ""
        if isinstance(annotation, pikepdf.Dictionary):
            label = ACTIVE_ANNOTATIONS.get(str(annotation.get("/Subtype", "")), "")
        if label:
            removed.add(label)
        else:
            kept.append(annotation)
    if len(kept) != len(annotations):
        page["/Annots"] = pikepdf.Array(kept)  # type: ignore[index]


def _peak_memory() -> int:
    """The most memory this process has held, in bytes (``VmHWM``: unlike ``ru_maxrss``,
    it starts again at ``exec`` and does not count the parent's)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _child_main(memory: int, cpu_seconds: int) -> int:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # it writes no file
    data = sys.stdin.buffer.read()

    def answer(outcome: dict[str, object], content: bytes = b"") -> int:
        outcome["peak"] = _peak_memory()
        sys.stdout.buffer.write(json.dumps(outcome).encode() + b"\n" + content)
        return 0

    try:
        content, removed, pages = _clean(data)
    except _Refusal as refusal:
        return answer({"refused": str(refusal)})
    except MemoryError:
        return 3
    except Exception:  # whatever else stops the reader: the file is not kept
        return answer({"refused": "unreadable"})
    return answer({"removed": removed, "pages": pages}, content)


if __name__ == "__main__":
    sys.exit(_child_main(int(sys.argv[1]), int(sys.argv[2])))
