"""Corpus folder → cleaned documents → chunks. Pure apart from reading the corpus files."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, replace
from pathlib import Path

from tqdm import tqdm

from core.hashing import file_sha256
from core.types import Chunk, Document, overlapping
from ingest.chunking import chunk_document
from ingest.cleaning import CleaningRules, clean_text, load_rules
from ingest.loader import (METADATA_FILE, CorpusReadError, corpus_files, hidden_files, read_corpus_file,
                           unsupported_files)
from ingest.readers import Extracted, unsupported_reason
from ingest.metadata import DocumentMeta, doc_id_for, fallback_title, load_metadata
from ingest.screening import load_screening_rules, screen_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestResult:
    """Documents and chunks ready to index, plus one line per file that could not be used."""

    documents: tuple[Document, ...]
    chunks: tuple[Chunk, ...]
    errors: tuple[str, ...]


def build_document(file_name: str, extracted: Extracted | str, meta: DocumentMeta, rules: CleaningRules) -> Document:
    """Clean one file's extracted text, keep the page of every paragraph, and attach its metadata
    (`corpus/metadata.yaml` wins over what the file says about itself)."""
    if isinstance(extracted, str):
        extracted = Extracted(extracted, "text")
    cleaned = clean_text(extracted.text, rules, meta.drop_lines)
    text = cleaned.text
    flags = tuple((f.start, f.end, f.reason) for f in screen_text(text))
    if flags:
        log.warning("%s: %d passage(s) read as instructions to an assistant (%s); they are marked and "
                    "answers citing them carry a warning", file_name, len(flags), flags[0][2])
    return Document(
        doc_id=doc_id_for(file_name),
        title=meta.title or extracted.title or fallback_title(text),
        source=meta.publisher or extracted.publisher,
        date=meta.date or extracted.date,
        text=text,
        region=meta.region,
        path=file_name,
        flags=flags,
        pages=page_starts(cleaned.text, cleaned.sources, extracted.line_pages),
        format=extracted.format,
        page_count=extracted.page_count,
    )


def page_starts(text: str, sources: tuple[int, ...], line_pages: tuple[int, ...] | None) -> tuple[tuple[int, int], ...]:
    """(offset in the display text, page) wherever the page changes; () for formats without pages.

    The display text is its paragraphs joined by blank lines, paragraph i cut from raw line sources[i]."""
    if not line_pages:
        return ()
    starts, offset = [], 0
    for paragraph, source in zip(text.split("\n\n"), sources):
        page = line_pages[source]
        if not starts or starts[-1][1] != page:
            starts.append((offset, page))
        offset += len(paragraph) + 2
    return tuple(starts)


@dataclass(frozen=True)
class FileResult:
    """One corpus file read, cleaned and chunked, or the reason it could not be (`document` None)."""

    name: str
    document: Document | None
    chunks: tuple[Chunk, ...] = ()
    notes: tuple[str, ...] = ()  # one line each, naming the file: why it failed, or what to know about it


def ingest_file(path: Path, meta: DocumentMeta, rules: CleaningRules, chunk_size: int | None, chunk_overlap: int = 0,
                reader=None, doc_id: str | None = None) -> FileResult:
    """Read, clean, screen and chunk one file (no chunks when `chunk_size` is None). Never raises for a bad
    file: the reason is in `notes`."""
    try:
        raw = read_corpus_file(path, reader)
    except CorpusReadError as exc:
        return FileResult(path.name, None, (), (str(exc),))
    if raw.encoding not in ("utf-8", "pdf", "docx"):
        log.info("%s: decoded as %s", path.name, raw.encoding)
    document = build_document(path.name, raw.extracted, meta, rules)
    if not document.text.strip():
        return FileResult(path.name, None, (), (*raw.extracted.notes, f"{path.name}: nothing left after cleaning"))
    document = replace(document, doc_id=doc_id or document.doc_id, sha256=raw.sha256, added=modified_at(path))
    chunks = chunk_documents([document], chunk_size, chunk_overlap) if chunk_size else []
    return FileResult(path.name, document, tuple(chunks), raw.extracted.notes)


def modified_at(path: Path) -> str:
    """The file's modification time, ISO 8601 in local time: when it arrived in (or last changed in) the corpus."""
    import datetime

    return datetime.datetime.fromtimestamp(path.stat().st_mtime).astimezone().isoformat(timespec="seconds")


def folder_notes(corpus_dir: Path) -> list[str]:
    """One line per file in the folder that ingest will not read (hidden, unsupported format)."""
    notes = [f"{path.name}: skipped, a hidden file (its name starts with a dot); rename it to index it"
             for path in hidden_files(corpus_dir)]
    return notes + [unsupported_reason(path) for path in unsupported_files(corpus_dir)]


def load_documents(corpus_dir: Path, progress: bool = False, ocr: bool = False) -> tuple[list[Document], list[str]]:
    """Read and clean every document. A file that cannot be read is reported and skipped; what a user
    should know about a file that is used (pages without text, say) is reported too."""
    rules = load_rules()
    metadata = load_metadata(corpus_dir)
    errors = folder_notes(corpus_dir)
    reader = ocr_reader() if ocr else None
    documents = []
    for path in tqdm(corpus_files(corpus_dir), desc="reading", unit="doc", disable=not progress):
        result = ingest_file(path, metadata.get(path.name, DocumentMeta()), rules, None, reader=reader)
        errors += result.notes
        if result.document is not None:
            documents.append(result.document)
    for line in errors:
        log.warning("%s", line)
    return documents, errors


def ingest_corpus(corpus_dir: Path, chunk_size: int, chunk_overlap: int, progress: bool = False,
                  ocr: bool = False) -> IngestResult:
    """Load, clean and chunk the whole corpus."""
    documents, errors = load_documents(corpus_dir, progress, ocr)
    return IngestResult(tuple(documents), tuple(chunk_documents(documents, chunk_size, chunk_overlap)), tuple(errors))


def chunk_documents(documents: list[Document], chunk_size: int, chunk_overlap: int) -> list[Chunk]:
    """Every document's chunks, in document order, each marked when it overlaps a screened span."""
    return [replace(c, flag=overlapping(d.flags, c.start, c.end)) if d.flags else c
            for d in documents for c in chunk_document(d, chunk_size, chunk_overlap)]


def ocr_reader():
    """The OCR function for scanned PDF pages (see ingest/ocr.py), or None when the package is not installed."""
    from ingest.ocr import load_ocr

    return load_ocr()


def ingest_fingerprint(ocr: bool = False) -> str:
    """Hash of everything that turns a file into a document and chunks: the cleaning and screening rules and
    the code that reads each format and splits chunks. A change re-reads every file."""
    here = Path(__file__).parent  # the readers and the chunker (its separators) shape the index too
    sources = [*sorted((here / "readers").glob("*.py")), here / "chunking.py", here / "radicals.tsv"]
    code = b"".join(p.read_bytes() for p in sources) + f"ocr={ocr}".encode()
    rules = (load_rules().fingerprint + load_screening_rules().fingerprint).encode()
    return hashlib.sha256(rules + code).hexdigest()[:20]


def corpus_fingerprint(corpus_dir: Path, ocr: bool = False, hashes: dict[str, str] | None = None) -> str:
    """Hash of every file ingest looks at (names and bytes) and of `ingest_fingerprint`: when it differs from
    the index's, the index is stale. `hashes`: file name → SHA-256 already computed by the caller."""
    hashes = hashes or {}
    digest = hashlib.sha256(ingest_fingerprint(ocr).encode())
    paths = corpus_files(corpus_dir) + unsupported_files(corpus_dir)
    metadata = corpus_dir / METADATA_FILE
    for path in sorted(paths + ([metadata] if metadata.exists() else [])):
        digest.update(path.name.encode() + b"\0")
        try:
            digest.update(bytes.fromhex(hashes.get(path.name) or file_sha256(path)))
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()[:20]
