"""Fitting a certificate's text on its one page, however long the name or the title.

A certificate is one A4 page with its signatures and QR code in a foot of fixed place.
Names of 200 letters, course titles of 250 characters, a bilingual text and three
signatories with long positions must all fit above the foot, and every word stay whole
and readable by ``pdftotext``. CSS cannot shrink text to fit, and laying the page out
twice would double the cost of every certificate; so the text is measured here, with the
widths of the glyphs of the font the page uses (Noto Serif, through Pillow), broken into
lines as the page breaks it, and the first step of a ladder of sizes at which everything
fits is chosen. The stylesheet is written from the same ladder (``LADDER``), so the sizes
measured are the sizes printed.

Level 0 is the design as drawn; each level down makes the text smaller, never the
margins. A line that a single long word overflows is broken inside the word
(``overflow-wrap: anywhere``), which the measure counts too.
"""

from __future__ import annotations

import math
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

PT = 0.3528  # millimetres in a point

# Text sizes (points) of the design at level 0; one language, and bilingual.
BASE = {
    "provider": (8.5, 8.5),
    "title": (36.0, 32.0),
    "subtitle": (13.0, 12.0),
    "name": (30.0, 27.0),
    "name_long": (25.0, 23.0),  # over 30 characters
    "name_longest": (20.0, 19.0),  # over 40 characters
    "name_alt": (13.5, 13.5),
    "body": (14.0, 12.5),
    "body_second": (11.5, 10.5),
    "dates": (9.0, 8.5),
}
FOOT_BASE = {"signatory_name": 10.0, "signatory_position": 8.0}
# How much of the design's size each level keeps.
SCALES = (1.0, 0.9, 0.8, 0.7, 0.62, 0.55, 0.48, 0.42)
FOOT_SCALES = (1.0, 0.9, 0.8, 0.75)  # below this, signatures are taller instead

# The fixed parts of the page, in millimetres (see certificate.css).
CONTENT_HEIGHT = 172.5  # the sheet's 186 mm, less the content's top and bottom insets
CONTENT_HEIGHT_IMAGE = 176.5  # a template with its own background: the sheet is inset
CONTENT_WIDTH = 245.0
CONTENT_WIDTH_IMAGE = 249.0
BODY_WIDTH = 222.0
SIGNATORY_WIDTH = 64.0
SIGNATORY_WIDTH_OF_THREE = 54.0  # three signatories leave the seal less room
FOOT_HEIGHT = 36.0  # the room the foot has, from the bottom
QR_HEIGHT = 25.0
GAP_ABOVE_FOOT = 3.0
SAFETY = 0.96  # measured lines are filled a little less than the page fills them


@dataclass(frozen=True)
class Level:
    """One step of the ladder: the size of each text, in points."""

    number: int
    sizes: dict[str, tuple[float, float]]


@dataclass(frozen=True)
class FootLevel:
    number: int
    sizes: dict[str, float]


def _round(value: float) -> float:
    return round(value * 4) / 4  # quarter points


LADDER = tuple(
    Level(n, {key: (_round(one * s), _round(two * s)) for key, (one, two) in BASE.items()})
    for n, s in enumerate(SCALES)
)
FOOT_LADDER = tuple(
    FootLevel(n, {key: _round(size * s) for key, size in FOOT_BASE.items()})
    for n, s in enumerate(FOOT_SCALES)
)


# --- Measuring --------------------------------------------------------------------------------


@lru_cache(maxsize=2)
def _font(bold: bool) -> Any:
    """Noto Serif (bold or regular) at 1000 px, or None if the machine has no such font."""
    from PIL import ImageFont

    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    face = "Noto Serif:bold" if bold else "Noto Serif:regular"
    found = subprocess.run(  # noqa: S603 - fontconfig's own tool, a fixed pattern
        [fc_match, "-f", "%{file}", face], capture_output=True, text=True, check=False
    ).stdout.strip()
    try:
        return ImageFont.truetype(found, 1000)
    except OSError:
        return None


def width(text: str, size: float, *, bold: bool = False, spacing: float = 0.0) -> float:
    """The width of ``text`` in millimetres at ``size`` points (``spacing`` in em)."""
    return (_em(text, bold) + spacing * len(text)) * size * PT


@lru_cache(maxsize=8192)
def _em(text: str, bold: bool) -> float:
    """The advance of ``text`` in em: the same words come back on every certificate."""
    font = _font(bold)
    # Without the font, every glyph is taken as a wide one: the text errs towards smaller.
    units = font.getlength(text) if font is not None else len(text) * (620 if bold else 580)
    return float(units) / 1000


def lines(
    text: str, line_width: float, size: float, *, bold: bool = False, spacing: float = 0.0
) -> int:
    """How many lines ``text`` takes in ``line_width`` mm: broken at spaces, and inside a
    word that does not fit on a line of its own."""
    if not text.strip():
        return 0
    room = line_width * SAFETY
    space = width(" ", size, bold=bold, spacing=spacing)
    count, used = 1, 0.0
    for word in text.split():
        word_width = width(word, size, bold=bold, spacing=spacing)
        needed = word_width if used == 0 else used + space + word_width
        if needed <= room:
            used = needed
            continue
        if used > 0:
            count += 1
        if word_width <= room:
            used = word_width
        else:
            extra = math.ceil(word_width / room)
            count += extra - 1
            used = word_width - (extra - 1) * room
    return count


def _height(count: int, size: float, line_height: float) -> float:
    return count * size * line_height * PT


# --- Choosing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Texts:
    """What the page prints, as ``document_html`` gives it to the template."""

    providers: list[str]
    title: str
    subtitles: list[str]
    name: str
    name_alt: str
    paragraphs: list[str]
    second_paragraphs: list[str]
    dates: list[str]
    signatories: list[dict[str, Any]]  # name, positions (list), signature
    bilingual: bool
    image: bool


def name_class(name: str) -> str:
    if len(name) > 40:
        return "name_longest"
    if len(name) > 30:
        return "name_long"
    return "name"


def content_height(texts: Texts, level: Level) -> float:
    """How tall the text above the foot is at ``level``, in millimetres."""
    two = 1 if texts.bilingual else 0

    def size(key: str) -> float:
        return level.sizes[key][two]

    line = CONTENT_WIDTH_IMAGE if texts.image else CONTENT_WIDTH
    total = (14.0 + 1.5) if two else (17.0 + 2.5)  # the emblem
    total += sum(
        _height(lines(p.upper(), line, size("provider"), spacing=0.1), size("provider"), 1.35)
        for p in texts.providers
    )
    total += (3.0 if two else 5.0) + _height(
        lines(texts.title.upper(), line, size("title"), bold=True, spacing=0.26),
        size("title"),
        1.1,
    )
    if texts.subtitles:
        total += 2.0 + sum(
            _height(lines(s, line, size("subtitle")), size("subtitle"), 1.3)
            for s in texts.subtitles
        )
    total += (4.0 if two else 5.5) + 0.3  # the rule
    name_size = size(name_class(texts.name))
    total += (5.0 if two else 7.0) + _height(
        lines(texts.name, line, name_size, bold=True), name_size, 1.15
    )
    if texts.name_alt:
        total += 1.0 + _height(
            lines(texts.name_alt, line, size("name_alt")), size("name_alt"), 1.35
        )
    body_line = 1.4 if two else 1.45
    total += (4.0 if two else 6.0) + _paragraphs(texts.paragraphs, size("body"), body_line)
    if texts.second_paragraphs:
        total += 2.0 + _paragraphs(texts.second_paragraphs, size("body_second"), body_line)
    total += (4.0 if two else 6.0) + sum(
        _height(lines(d, line, size("dates"), spacing=0.03), size("dates"), 1.5)
        for d in texts.dates
    )
    return total


def _paragraphs(paragraphs: Iterable[str], size: float, line_height: float) -> float:
    heights = [_height(lines(p, BODY_WIDTH, size), size, line_height) for p in paragraphs]
    return sum(heights) + 1.5 * max(len(heights) - 1, 0)


def foot_height(texts: Texts, level: FootLevel) -> float:
    name_size = level.sizes["signatory_name"]
    position_size = level.sizes["signatory_position"]
    column = SIGNATORY_WIDTH_OF_THREE if len(texts.signatories) > 2 else SIGNATORY_WIDTH
    tallest = QR_HEIGHT
    for signatory in texts.signatories:
        height = (13.2 + 1.3) if signatory.get("signature") else 0.0
        height += 1.2 + _height(
            lines(signatory["name"], column, name_size, bold=True), name_size, 1.35
        )
        height += sum(
            _height(lines(p, column, position_size), position_size, 1.25)
            for p in signatory["positions"]
        )
        tallest = max(tallest, height)
    return tallest


def choose(texts: Texts) -> tuple[Level, FootLevel]:
    """The largest sizes at which the foot keeps to its room (or, at its smallest, grows
    taller) and the text above fits over it (the smallest, if nothing fits: then the
    text still wraps, at its least)."""
    foot = next((f for f in FOOT_LADDER if foot_height(texts, f) <= FOOT_HEIGHT), FOOT_LADDER[-1])
    room = (CONTENT_HEIGHT_IMAGE if texts.image else CONTENT_HEIGHT) - GAP_ABOVE_FOOT
    room -= max(FOOT_HEIGHT, foot_height(texts, foot))
    level = next((lv for lv in LADDER if content_height(texts, lv) <= room), LADDER[-1])
    return level, foot


def texts_for(
    *,
    sides: list[Any],
    full_name: str,
    full_name_alt: str,
    signatories: list[dict[str, Any]],
    image: bool,
) -> Texts:
    """The texts as ``templates/certificates/pdf/certificate.html`` prints them, from the
    sides (``pdf.Side``) of the certificate."""
    primary = sides[0]
    second = sides[1] if len(sides) > 1 else None
    providers = [
        side.provider
        for index, side in enumerate(sides)
        if index == 0 or side.provider != primary.provider
    ]
    title = primary.title
    if second is not None and second.title != primary.title:
        title += " · " + second.title
    subtitles = [primary.subtitle] if primary.subtitle else []
    if subtitles and second is not None and second.subtitle and second.subtitle != primary.subtitle:
        subtitles.append(second.subtitle)
    dates = []
    for side in sides:
        line = (
            f"{side.labels['completed_on']}: {side.completed} · "
            f"{side.labels['issued_on']}: {side.issued}"
        )
        if side.valid_until:
            line += f" · {side.labels['valid_until']}: {side.valid_until}"
        dates.append(line)
    return Texts(
        providers=providers,
        title=title,
        subtitles=subtitles,
        name=full_name,
        name_alt=full_name_alt,
        paragraphs=list(primary.paragraphs),
        second_paragraphs=list(second.paragraphs) if second is not None else [],
        dates=dates,
        signatories=signatories,
        bilingual=second is not None,
        image=image,
    )


SELECTORS = {
    "provider": ".provider",
    "title": ".title",
    "subtitle": ".subtitle",
    "name": ".name",
    "name_long": ".name--long",
    "name_longest": ".name--longest",
    "name_alt": ".name-alt",
    "body": ".body",
    "body_second": ".body--second",
    "dates": ".dates",
}
FOOT_SELECTORS = {
    "signatory_name": ".signatory__name",
    "signatory_position": ".signatory__position",
}


def stylesheet_rules() -> str:
    """The sizes of every level below the design's, as CSS for the print stylesheet."""
    rules = []
    for level in LADDER[1:]:
        for key, selector in SELECTORS.items():
            one, two = level.sizes[key]
            rules.append(f".fit-{level.number} {selector} {{ font-size: {one}pt; }}")
            rules.append(f".sheet--two.fit-{level.number} {selector} {{ font-size: {two}pt; }}")
    for foot in FOOT_LADDER[1:]:
        for key, selector in FOOT_SELECTORS.items():
            rules.append(
                f".foot-fit-{foot.number} {selector} {{ font-size: {foot.sizes[key]}pt; }}"
            )
    return "\n".join(rules)
