"""Reading bytes into text: encodings that UN texts actually come in, and refusing the rest.

UTF-8 is the norm; UTF-16 (with a BOM, as Word exports it) and GB18030 (older Chinese
files) appear in the wild. Anything that decodes to mostly control characters is binary.
"""

from __future__ import annotations

import codecs
import re
import warnings
from pathlib import Path

from instrumap.extract.errors import InputError

MAX_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodingNote(UserWarning):
    """How a text was decoded when it was not a Unicode encoding or GB18030 (said in the extraction's problems)."""


def decode(data: bytes, source: str) -> str:
    """Decode ``data`` or raise InputError saying why it is not a text document."""
    if not data.strip():
        raise InputError(source, "empty file")
    text = _decode_known(data, source)
    western = text is None
    if western:  # Western European texts (latin-1 is Windows-1252's subset for printable bytes)
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            expected = "expected UTF-8, UTF-16, GB18030 or Windows-1252"
            raise InputError(source, f"not text: unknown encoding ({expected})") from None
    if _looks_binary(text):
        raise InputError(source, "binary file, not a text document")
    if not text.strip():
        raise InputError(source, "empty file")
    if western:
        warnings.warn(DecodingNote("decoded as Windows-1252 (latin-1): not UTF-8, UTF-16 or GB18030"), stacklevel=2)
    return text


def read_text(path: str | Path) -> str:
    """Read a text file from disk with the encodings ``decode`` accepts."""
    return decode(read_bytes(path), str(path))


def read_bytes(path: str | Path) -> bytes:
    """A file's bytes, or InputError naming the file and why it cannot be read."""
    source = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(source, "is a directory")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(source, f"too large ({size // 1_048_576} MB; limit {MAX_BYTES // 1_048_576} MB)")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory") from None
    except OSError as exc:
        raise InputError(source, f"cannot read ({exc.strerror or exc})") from None
    return data


def _decode_known(data: bytes, source: str) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data[:4096]:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return utf16
        raise InputError(source, "binary file, not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    # GB18030 decodes almost any byte string; accept it only when it yields real CJK text.
    cjk = sum(1 for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff")
    return text if cjk >= max(4, len(text[:20000]) // 20) else None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes at every other position give the byte order away."""
    sample = data[:4096]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    codec = "utf-16-le" if odd > even * 4 else "utf-16-be" if even > odd * 4 else None
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # C0 controls other than \t \n \v \f \r


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = len(_CONTROL.findall(sample))
    return controls > len(sample) * 0.02 or "\ufffd" * 4 in sample
