"""Where the words of a PDF page are (``pdftotext -bbox``): to show that long text stays
on the page and never prints over other text."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    def core(self) -> tuple[float, float, float, float]:
        """The middle of the word's box: boxes are as tall as the font's ascent and
        descent, so lines set close touch each other's boxes without touching ink."""
        middle, half = (self.y0 + self.y1) / 2, (self.y1 - self.y0) * 0.3
        return self.x0 + 0.5, middle - half, self.x1 - 0.5, middle + half


def pdf_pages(path: Path) -> list[tuple[tuple[float, float], list[Word]]]:
    """Each page's size and the words on it with their boxes (``pdftotext -bbox``), in
    points from the page's top left."""
    import html
    import re

    result = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", "-bbox", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    pages = []
    word = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    )
    for page in re.finditer(
        r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', result.stdout, re.DOTALL
    ):
        words = [
            Word(html.unescape(m[4]), float(m[0]), float(m[1]), float(m[2]), float(m[3]))
            for m in word.findall(page[3])
        ]
        pages.append(((float(page[1]), float(page[2])), words))
    return pages


def pdf_words(path: Path) -> tuple[tuple[float, float], list[Word]]:
    """The first page's size and words."""
    return pdf_pages(path)[0]


def overlapping_words(words: list[Word]) -> list[tuple[str, str]]:
    """Pairs of words whose ink would touch: text printed over other text."""
    found = []
    cores = [(word, word.core()) for word in words]
    for index, (word, (ax0, ay0, ax1, ay1)) in enumerate(cores):
        for other, (bx0, by0, bx1, by1) in cores[index + 1 :]:
            if ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1:
                found.append((word.text, other.text))
    return found
