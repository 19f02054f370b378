"""Bytes to text for every reader: the encoding rules (UTF-8 by default, a byte order mark
honoured, anything else refused with a hint), size limits while reading, and names fit for a
one-line message."""

from __future__ import annotations

import re
from pathlib import Path

from figures.errors import InputError

BINARY_SNIFF = 8192
# One document (a file read whole, or a table row) may not exceed this; --max-bytes raises it.
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
SURROGATES = re.compile("[\ud800-\udfff]")


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str | None]:
    """Text from bytes, and a warning when a documented fallback was used.

    UTF-8 (with or without BOM) is the default. UTF-16/32 with a BOM is decoded with a warning.
    Anything else that is not UTF-8 is refused with a hint to pass --encoding."""
    if encoding:
        try:
            return data.decode(encoding), None
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{name}: cannot decode as {encoding}: {short_error(exc)}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _decode_bom(data, "utf-32", name)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_bom(data, "utf-16", name)
    if b"\x00" in data[:BINARY_SNIFF]:
        if looks_utf16_without_bom(data):
            raise InputError(
                f"{name}: looks like UTF-16 without a byte order mark; "
                "pass --encoding utf-16-le (or utf-16-be)"
            )
        raise InputError(f"{name}: binary file (NUL bytes), not text; pass a UTF-8 text file")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "pass --encoding latin-1 (or the file's real encoding)"
        ) from None


def _decode_bom(data: bytes, encoding: str, name: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), f"{name}: decoded as {encoding.upper()} (byte order mark found)"
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: has a {encoding.upper()} byte order mark but invalid data at byte {exc.start}") from None


def looks_utf16_without_bom(data: bytes) -> bool:
    sample = data[:BINARY_SNIFF]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    return max(even_nuls, odd_nuls) > 0.3 * half and min(even_nuls, odd_nuls) < 0.05 * half


def short_error(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    try:
        with path.open("rb") as f:
            return read_limited(f, one_line(str(path)), limit)
    except FileNotFoundError:
        raise InputError(f"{one_line(str(path))}: no such file") from None
    except PermissionError:
        raise InputError(f"{one_line(str(path))}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{one_line(str(path))}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{one_line(str(path))}: cannot read ({exc.strerror or short_error(exc)})") from None


def read_limited(f, name: str, limit: int | None) -> bytes:
    """All of `f`, refusing (while reading, not after) more than `limit` bytes."""
    limit = MAX_DOCUMENT_BYTES if limit is None else limit
    data = f.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{name}: larger than the {limit:,}-byte limit for one document; "
                         "raise it with --max-bytes, or pass a larger file as .txt to stream it")
    return data


def one_line(s: str) -> str:
    """A name fit for a one-line message: control characters (a newline in a file name)
    escaped, undecodable bytes shown as U+FFFD."""
    s = display_name(s)
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), s)



def display_name(name: str) -> str:
    """A file name that can be printed and written as UTF-8: undecodable bytes in the name
    (kept by Python as lone surrogates) become U+FFFD."""
    if name.isascii():
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte (JSON "\ud800")
        return SURROGATES.sub("\ufffd", name)


def file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
