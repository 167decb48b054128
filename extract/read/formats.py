"""Reading the file formats UN documents come in: text, PDF, Word (DOCX, legacy DOC) and HTML.

PDF text comes from PDFium (pypdfium2, Apache-2.0/BSD): on the UN PDFs in the development corpus
it reads a page in ~5 ms, 15–40× faster than pypdf or pdfminer.six with the same text
(bench/bench_formats.py). Pages are joined with form feeds, as pdftotext does, so the structure
reader finds page bottoms, footnote rules and running headers the same way for both.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

from instrumap.extract.errors import InputError
from instrumap.extract.read.decode import MAX_BYTES, decode, read_bytes
from instrumap.extract.read.layout import SUPERSCRIPTS

TEXT_SUFFIXES = (".txt", ".text")
DOCUMENT_SUFFIXES = (*TEXT_SUFFIXES, ".pdf", ".docx", ".doc", ".html", ".htm")
_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)


def read_source(path: str | Path, data: bytes | None = None) -> str:
    """The text of a document in any supported format (InputError when it cannot be read)."""
    source = str(path)
    suffix = Path(path).suffix.lower()
    data = read_bytes(path) if data is None else data
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        return pdf_text(data, source)
    if suffix == ".docx" or (suffix != ".doc" and data.startswith(b"PK\x03\x04")):
        return docx_text(data, source)
    if suffix == ".doc":
        return doc_text(data, source)
    text = decode(data, source)
    if suffix in (".html", ".htm") or re.match(r"\s*(<!doctype html|<html)", text[:200], re.I):
        return html_text(text)
    return text


def pdf_text(data: bytes, source: str) -> str:
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise InputError(source, "PDF needs pypdfium2 (pip install 'instrumap[formats]')") from None
    try:
        document = pdfium.PdfDocument(data)
        pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    except Exception as exc:  # pdfium raises its own error types for damaged files
        raise InputError(source, f"not a readable PDF ({exc})") from None
    text = "\f".join(page.replace("\r\n", "\n").replace("\r", "\n") for page in pages)
    if not text.strip():
        raise InputError(source, "PDF has no text layer (scanned image?)")
    return text


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes, source: str) -> str:
    """Paragraphs of the body, footnote references as superscript numbers, footnotes at the end."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            body = ElementTree.fromstring(_member(archive, "word/document.xml", source))
            has_notes = "word/footnotes.xml" in archive.namelist()
            notes_xml = _member(archive, "word/footnotes.xml", source) if has_notes else None
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OverflowError, ValueError) as exc:
        raise InputError(source, f"not a readable DOCX file ({exc})") from None
    lines = [_docx_paragraph(p) for p in body.iter(f"{_W}p")]
    if notes_xml is not None:
        for note in ElementTree.fromstring(notes_xml).iter(f"{_W}footnote"):
            number = note.get(f"{_W}id", "")
            if number.isdigit() and len(number) <= 4 and int(number) > 0:
                text = " ".join(_docx_paragraph(p) for p in note.iter(f"{_W}p")).strip()
                lines.append(f"{number.translate(_SUPERSCRIPT)} {text}")
    return "\n".join(lines)


def _member(archive: zipfile.ZipFile, name: str, source: str) -> bytes:
    """One part of a DOCX, refused when it would decompress past the size limit (a zip bomb).

    ``zipfile`` stops reading at the declared size (and fails its CRC check when the data is longer),
    so checking the declared size bounds the memory a hostile file can take."""
    size = archive.getinfo(name).file_size
    if size > MAX_BYTES:
        raise InputError(source, f"DOCX part {name} too large when decompressed ({size // 1_048_576} MB; "
                                 f"limit {MAX_BYTES // 1_048_576} MB)")  # fmt: skip
    return archive.read(name)


def _docx_paragraph(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag == f"{_W}footnoteReference":
            parts.append(node.get(f"{_W}id", "").translate(_SUPERSCRIPT))
    return "".join(parts)


def doc_text(data: bytes, source: str) -> str:
    """Legacy Word: converted by LibreOffice (``soffice``) or antiword when one is installed."""
    with tempfile.TemporaryDirectory() as tmp:
        original = Path(tmp) / "document.doc"
        original.write_bytes(data)
        if shutil.which("antiword"):
            result = subprocess.run(["antiword", "-w", "0", str(original)], capture_output=True, timeout=120)
            if result.returncode == 0:
                return decode(result.stdout, source)
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice:
            subprocess.run([soffice, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp,
                            str(original)], capture_output=True, timeout=300)  # fmt: skip
            converted = Path(tmp) / "document.txt"
            if converted.is_file():
                return decode(converted.read_bytes(), source)
    raise InputError(source, "legacy .doc needs antiword or LibreOffice (soffice) installed")


_BLOCKS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote"}
)


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag == "sup":
            self.parts.append("\u2063")  # marks what follows as a superscript, translated when the tag ends

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    parser = _TextOfHtml()
    parser.feed(markup)
    text = "".join(parser.parts)
    text = re.sub(r"\u2063\s*(\d{1,3})", lambda m: m.group(1).translate(_SUPERSCRIPT), text).replace("\u2063", "")
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+\n", "\n", text))
