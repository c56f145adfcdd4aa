"""Turn a corpus file of any supported format into raw text lines, with pages and metadata where the format has them.

Every reader returns an `Extracted`: the text as lines (cleaning works line by line and keeps the page of
every line it keeps), the page of each line for paged formats, and what the file itself says about its
title, date and publisher. Errors are CorpusReadError with one line naming the file and the reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Extracted:
    """Raw text of one file, lines separated by "\\n", before cleaning."""

    text: str
    format: str  # "text", "pdf", "docx" or "html"
    encoding: str | None = None
    line_pages: tuple[int, ...] | None = None  # 1-based page of each line of `text`; None: no pages
    page_count: int | None = None
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    notes: tuple[str, ...] = ()  # what the user should know, e.g. pages without a text layer


TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = {**dict.fromkeys(TEXT_SUFFIXES, "text"), ".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html"}
LEGACY_WORD = (".doc", ".wps")


def is_supported(path: Path) -> bool:
    """Whether ingest reads files with this name's extension."""
    return path.suffix.lower() in SUFFIXES


def read_document(path: Path, data: bytes, ocr=None) -> Extracted:
    """Extract one file's text by its extension; `ocr(image) -> lines` reads scanned PDF pages when given."""
    from ingest.loader import CorpusReadError

    kind = SUFFIXES.get(path.suffix.lower())
    if kind == "text":
        from ingest.loader import decode_text

        text, encoding = decode_text(data, path.name)
        return Extracted(text, "text", encoding)
    if kind == "pdf":
        from ingest.readers.pdf import read_pdf

        return read_pdf(data, path.name, ocr)
    if kind == "docx":
        from ingest.readers.docx import read_docx

        return read_docx(data, path.name)
    if kind == "html":
        from ingest.readers.html import read_html

        return read_html(data, path.name)
    raise CorpusReadError(unsupported_reason(path))


def unsupported_reason(path: Path) -> str:
    """The one-line message for a file whose format ingest does not read, with what to do instead."""
    if path.suffix.lower() in LEGACY_WORD:
        return (f"{path.name}: old Word format ({path.suffix}) is not read; save it as .docx (Word or WPS: 另存为 "
                f".docx), or convert it with LibreOffice: soffice --headless --convert-to docx \"{path.name}\"")
    return f"{path.name}: skipped, unsupported format (supported: {', '.join(sorted(SUFFIXES))})"
