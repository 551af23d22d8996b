"""Certificate codes: unguessable, easy to read aloud and to type from paper.

A code is 20 symbols of Crockford's base32 (digits and capital letters without I, L, O and
U), that is 100 random bits, shown in five groups of four: ``7KQ2-MXW9-PD4R-0HZC-VB3T``.
What people type is forgiving: case, spaces and dashes do not matter, O reads as 0, I and
L read as 1, and Cyrillic letters that look like Latin ones (typed on a Kazakh or Russian
keyboard) read as those Latin letters.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 20
GROUP = 4
BITS = LENGTH * 5

# Crockford's decoding rules, plus Cyrillic capitals that look like Latin ones.
_READS_AS = str.maketrans(
    {
        "O": "0",
        "I": "1",
        "L": "1",
        "А": "A",
        "В": "B",
        "Е": "E",
        "К": "K",
        "М": "M",
        "Н": "H",
        "О": "0",
        "Р": "P",
        "С": "C",
        "Т": "T",
        "Х": "X",
        "З": "3",
    }
)
_SEPARATORS = str.maketrans("", "", " -‐‑‒–—_.\u00a0\u2009\t\r\n")
_VALID = frozenset(ALPHABET)


def new_code() -> str:
    """A fresh code, stored without separators."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(text: str) -> str | None:
    """The stored form of a code as someone typed or scanned it, or ``None`` if it cannot
    be a code at all (wrong length or a symbol outside the alphabet)."""
    if not text or len(text) > 64:
        return None
    cleaned = text.upper().translate(_SEPARATORS).translate(_READS_AS)
    if len(cleaned) != LENGTH or not set(cleaned) <= _VALID:
        return None
    return cleaned


def grouped(code: str) -> str:
    """``7KQ2MXW9…`` → ``7KQ2-MXW9-…``, the form printed and shown."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
