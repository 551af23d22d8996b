"""The two multibase encodings credentials use: base58btc (``z``, for keys and proof values)
and base64url without padding (``u``, for a status list's bits)."""

from __future__ import annotations

import base64

_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {char: value for value, char in enumerate(_ALPHABET)}


def encode_base58btc(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, rest = divmod(number, 58)
        digits.append(_ALPHABET[rest])
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "z" + "1" * zeros + "".join(reversed(digits))


def decode_base58btc(value: str) -> bytes:
    if not value.startswith("z"):
        raise ValueError("not base58btc multibase")
    body = value[1:]
    number = 0
    for char in body:
        if char not in _INDEX:
            raise ValueError("not base58btc multibase")
        number = number * 58 + _INDEX[char]
    zeros = len(body) - len(body.lstrip("1"))
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + raw


def encode_base64url(data: bytes) -> str:
    return "u" + base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def decode_base64url(value: str) -> bytes:
    if not value.startswith("u"):
        raise ValueError("not base64url multibase")
    body = value[1:]
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
