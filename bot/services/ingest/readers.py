"""Readers: a bulletin file (.txt in any common Chinese encoding, .pdf, .docx) → physical lines.

Each reader returns a `RawDocument` of `RawLine`s. Blank lines are kept (they carry layout). PDF lines carry the
font size of their first glyph and `.docx` lines their heading level, so the layout parsers can find titles where the
text alone has lost blank lines. Bad input raises `IngestError` with a one-line reason.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import N_, IngestError

SUPPORTED = (".txt", ".pdf", ".docx")


@dataclass(slots=True)
class RawLine:
    text: str
    #: 0 = body / unknown, 1 = title-like heading, 2 = section heading (docx Heading 1 / largest PDF font)
    heading: int = 0


@dataclass(slots=True)
class RawDocument:
    name: str
    fmt: str
    size_bytes: int
    lines: list[RawLine] = field(default_factory=list)
    #: whether heading levels come from the file (PDF font sizes, docx styles) rather than being guessed
    has_styles: bool = False

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"BM": "BMP image",
    b"RIFF": "RIFF (WebP/AVI) file",
    b"II*\x00": "TIFF image",
    b"MM\x00*": "TIFF image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (e.g. .docx)",
    b"\x1f\x8b": "gzip archive",
    b"Rar!": "RAR archive",
    b"7z\xbc\xaf": "7z archive",
    b"\xd0\xcf\x11\xe0": "legacy Office document",
}


def read_file(path: Path, *, max_bytes: int, display_name: str | None = None) -> RawDocument:
    """Check and read one file. Raises `IngestError` for anything that is not a readable bulletin."""
    name = display_name or path.name
    if not path.exists():
        raise IngestError(name, N_("file not found"))
    if not path.is_file():
        raise IngestError(name, N_("not a regular file"))
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        raise IngestError(name, N_("unsupported file type {ext}; send a .txt, .pdf or .docx file"), ext=ext or "(none)")
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(
            name,
            N_("file is too large ({size} MB; the limit is {limit} MB)"),
            size=f"{size / 1048576:.1f}",
            limit=f"{max_bytes / 1048576:.0f}",
        )
    if size == 0:
        raise IngestError(name, N_("the file is empty"))
    data = path.read_bytes()
    if ext == ".txt":
        return read_txt_bytes(data, name)
    if ext == ".pdf":
        return read_pdf_bytes(data, name)
    return read_docx_bytes(data, name)


# ------------------------------------------------------------------------------------------------------- text


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (superset of GBK/GB2312). Never asks."""
    for magic, kind in _IMAGE_MAGIC.items():
        if data.startswith(magic):
            raise IngestError(name, N_("this is a {kind}, not a text file"), kind=kind)
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    text: str | None = None
    for enc in candidates:
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise IngestError(name, N_("not a text file (binary data or an unknown encoding)"))
    if not _looks_like_text(text):
        raise IngestError(name, N_("not a text file (binary data or an unknown encoding)"))
    return text


_BAD_CHARS_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")
_CJK_RE = re.compile("[\u4e00-\u9fff]")
_ALPHA_RE = re.compile("[A-Za-z]")


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    if not sample.strip():
        return True  # whitespace only: reported as "no articles" later
    if len(_BAD_CHARS_RE.findall(sample)) / len(sample) > 0.02:
        return False
    # text in this domain is Chinese: a decoded file with no CJK and few ASCII letters is noise
    return bool(_CJK_RE.search(sample)) or len(_ALPHA_RE.findall(sample)) / len(sample) > 0.3


_CR_SPACES_LF_RE = re.compile(r"\r[ \t\u3000]*\n")


def read_txt_bytes(data: bytes, name: str) -> RawDocument:
    if not data.strip():
        raise IngestError(name, N_("the file is empty"))
    text = decode_text(data, name)
    # a CR with only spaces or tabs before the LF (`…。\r  \n`) is one line end, not a line end and a blank line
    text = _CR_SPACES_LF_RE.sub("\n", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return RawDocument(name=name, fmt="txt", size_bytes=len(data), lines=[RawLine(t) for t in text.split("\n")])


# -------------------------------------------------------------------------------------------------------- pdf


def read_pdf_bytes(data: bytes, name: str) -> RawDocument:
    """Text lines of every page with the font size of each line; larger fonts become headings."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    if not data.lstrip().startswith(b"%PDF"):
        raise IngestError(name, N_("not a PDF file"))
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg or "security" in msg:
            raise IngestError(name, N_("the PDF is encrypted (password protected)")) from None
        raise IngestError(name, N_("the PDF is damaged or truncated")) from None
    sized: list[tuple[str, float]] = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range()
                pos = 0
                for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
                    # char index of the first visible glyph of this line (text offsets == char indices for BMP text)
                    offs = len(line) - len(line.lstrip())
                    size = 0.0
                    if line.strip():
                        size = pdfium_c.FPDFText_GetFontSize(textpage, _char_index(text, pos + offs))
                    sized.append((line, float(size)))
                    pos = _advance(text, pos, line)
                sized.append(("", 0.0))
            finally:
                textpage.close()
                page.close()
    except pdfium.PdfiumError:
        raise IngestError(name, N_("the PDF is damaged or truncated")) from None
    finally:
        pdf.close()
    if not any(t.strip() for t, _ in sized):
        raise IngestError(name, N_("the PDF has no extractable text (a scanned image?)"))
    return RawDocument(name=name, fmt="pdf", size_bytes=len(data), lines=_pdf_headings(sized), has_styles=True)


def _char_index(text: str, pos: int) -> int:
    return pos


def _advance(text: str, pos: int, line: str) -> int:
    """Offset of the next line in the original text (lines were separated by \\r\\n, \\n or \\r)."""
    pos += len(line)
    if text.startswith("\r\n", pos):
        return pos + 2
    return pos + 1


def _pdf_headings(sized: list[tuple[str, float]]) -> list[RawLine]:
    weights: Counter[float] = Counter()
    for text, size in sized:
        if text.strip() and size > 0:
            weights[round(size, 1)] += len(text.strip())
    body = weights.most_common(1)[0][0] if weights else 0.0
    bigger = sorted({s for s in weights if s > body * 1.12})
    section_size = bigger[-1] if len(bigger) >= 2 else None
    out = []
    for text, size in sized:
        level = 0
        if text.strip() and body and round(size, 1) > body * 1.12:
            level = 2 if section_size is not None and round(size, 1) >= section_size else 1
        out.append(RawLine(text, level))
    return out


# ------------------------------------------------------------------------------------------------------- docx


def read_docx_bytes(data: bytes, name: str) -> RawDocument:
    """Paragraphs of the document body (and table cells); heading styles become heading levels."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise IngestError(name, N_("not a valid .docx file"))
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile):
        raise IngestError(name, N_("not a valid .docx file")) from None
    except Exception:  # lxml errors on a damaged part  # noqa: BLE001
        raise IngestError(name, N_("not a valid .docx file")) from None
    lines: list[RawLine] = []
    has_styles = False
    for para in document.paragraphs:
        style = (para.style.name if para.style is not None else "") or ""
        level = 0
        low = style.lower()
        if low.startswith("heading") or low == "title":
            digits = "".join(ch for ch in style if ch.isdigit())
            level = 2 if (low == "title" or digits == "1") else 1
            has_styles = True
        for piece in para.text.split("\n"):
            lines.append(RawLine(piece, level))
        lines.append(RawLine(""))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for piece in cell.text.split("\n"):
                    lines.append(RawLine(piece))
                lines.append(RawLine(""))
    if not any(line.text.strip() for line in lines):
        raise IngestError(name, N_("the file is empty"))
    return RawDocument(name=name, fmt="docx", size_bytes=len(data), lines=lines, has_styles=has_styles)
