"""Names and printed texts: one rule for every text that ends up on a certificate, a
visit report or a list of people.

Unicode has characters that print nothing and change how the rest prints: bidirectional
controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) reorder letters, so a
name can read differently from what is stored; zero-width characters, the byte-order mark
and other format characters hide inside a name, so two names that look the same differ;
control characters break documents and spreadsheets. None of them belongs in a person's
name, a place or a course title, so they are refused, with a message saying which one.
What remains is put in Unicode's composed form (NFC), so that "й" typed on one keyboard
and "и" + a combining breve pasted from another are the same letter, and its spaces are
collapsed to single ones.

Every way a name or a printed title enters the product calls ``clean_name`` or
``clean_text`` (services, model ``clean`` methods, forms, the staff import); ``printable``
is the last line of defence when something already stored is printed.
"""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Format (Cf: bidi controls, zero-width characters, U+FEFF...), control (Cc), surrogate
# (Cs), private-use (Co) and unassigned (Cn) code points.
REFUSED_CATEGORIES = {"Cf", "Cc", "Cs", "Co", "Cn"}
# The line breaks and tabs a multi-line text (a certificate's body) may hold.
MULTILINE_CONTROLS = {"\n", "\r", "\t"}
# Whitespace controls that a one-line name may hold only to have them collapsed (a tab or
# a line break pasted from a spreadsheet cell).
COLLAPSED_CONTROLS = {"\n", "\r", "\t"}


def refused_character(value: str, *, multiline: bool = False) -> str | None:
    """The first character of ``value`` that has no place in a name or printed text."""
    allowed = MULTILINE_CONTROLS if multiline else COLLAPSED_CONTROLS
    for character in value:
        if character in allowed:
            continue
        if unicodedata.category(character) in REFUSED_CATEGORIES:
            return character
    return None


def describe(character: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: what the person is told to look for."""
    name = unicodedata.name(character, "")
    code = f"U+{ord(character):04X}"
    return f"{code} {name}" if name else code


def _check(value: str, *, multiline: bool, max_length: int | None) -> str:
    character = refused_character(value, multiline=multiline)
    if character is not None:
        raise ValidationError(
            _(
                "This text holds an invisible or control character (%(character)s) that can "
                "reorder or hide letters when it is printed. Type the text again instead of "
                "pasting it."
            )
            % {"character": describe(character)},
            code="invisible_character",
        )
    value = unicodedata.normalize("NFC", value)
    if max_length is not None and len(value) > max_length:
        raise ValidationError(
            _("Keep it to %(count)s characters (it has %(length)s).")
            % {"count": max_length, "length": len(value)},
            code="max_length",
        )
    return value


def clean_name(value: str, *, max_length: int | None = 200) -> str:
    """``value`` as a name is kept: composed (NFC), on one line with single spaces.
    ``ValidationError`` if it holds a character that has no place in a name."""
    value = " ".join((value or "").split())
    return _check(value, multiline=False, max_length=max_length)


def clean_text(value: str, *, multiline: bool = False, max_length: int | None = None) -> str:
    """A printed text (a title, a position, a certificate's body): as ``clean_name``,
    keeping line breaks when ``multiline``. Leading and trailing spaces are dropped."""
    value = (value or "").strip()
    if not multiline:
        value = " ".join(value.split())
    return _check(value, multiline=multiline, max_length=max_length)


def clean_fields(
    instance: object, fields: dict[str, int | None], *, multiline: bool = False
) -> None:
    """Clean the named attributes of a model instance in place (``fields`` maps each to
    its maximum length); every refusal is raised at once, keyed by field, as a model's
    ``clean`` reports them."""
    errors: dict[str, list[str]] = {}
    for field, max_length in fields.items():
        value = getattr(instance, field, "") or ""
        try:
            setattr(
                instance,
                field,
                clean_text(value, multiline=multiline, max_length=max_length),
            )
        except ValidationError as error:
            errors[field] = error.messages
    if errors:
        raise ValidationError(errors)


def printable(value: str) -> str:
    """``value`` without the characters ``clean_name`` refuses, composed (NFC): for text
    stored before the rule existed, when it is printed."""
    kept = "".join(
        character
        for character in value or ""
        if character in MULTILINE_CONTROLS
        or unicodedata.category(character) not in REFUSED_CATEGORIES
    )
    return unicodedata.normalize("NFC", kept)
