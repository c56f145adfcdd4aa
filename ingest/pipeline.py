"""Corpus folder → cleaned documents → chunks. Pure apart from reading the corpus files."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, replace
from pathlib import Path

from tqdm import tqdm

from core.types import Chunk, Document
from ingest.chunking import chunk_document
from ingest.cleaning import CleaningRules, clean_text, load_rules
from ingest.loader import METADATA_FILE, CorpusReadError, corpus_files, read_corpus_file, unsupported_files
from ingest.metadata import DocumentMeta, doc_id_for, fallback_title, load_metadata
from ingest.screening import load_screening_rules, overlapping, screen_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestResult:
    """Documents and chunks ready to index, plus one line per file that could not be used."""

    documents: tuple[Document, ...]
    chunks: tuple[Chunk, ...]
    errors: tuple[str, ...]


def build_document(file_name: str, raw_text: str, meta: DocumentMeta, rules: CleaningRules) -> Document:
    """Clean one file's text and attach its metadata."""
    text = clean_text(raw_text, rules, meta.drop_lines).text
    flags = tuple((f.start, f.end, f.reason) for f in screen_text(text))
    if flags:
        log.warning("%s: %d passage(s) read as instructions to an assistant (%s); they are marked and "
                    "answers citing them carry a warning", file_name, len(flags), flags[0][2])
    return Document(
        doc_id=doc_id_for(file_name),
        title=meta.title or fallback_title(text),
        source=meta.publisher,
        date=meta.date,
        text=text,
        region=meta.region,
        path=file_name,
        flags=flags,
    )


def load_documents(corpus_dir: Path, progress: bool = False) -> tuple[list[Document], list[str]]:
    """Read and clean every document; a file that cannot be read is reported and skipped."""
    rules = load_rules()
    metadata = load_metadata(corpus_dir)
    documents, errors = [], []
    for path in unsupported_files(corpus_dir):
        errors.append(f"{path.name}: skipped, unsupported format (supported: .txt, .md)")
    for path in tqdm(corpus_files(corpus_dir), desc="cleaning", unit="doc", disable=not progress):
        try:
            raw = read_corpus_file(path)
        except CorpusReadError as exc:
            errors.append(str(exc))
            continue
        if raw.encoding != "utf-8":
            log.info("%s: decoded as %s", path.name, raw.encoding)
        document = build_document(path.name, raw.text, metadata.get(path.name, DocumentMeta()), rules)
        if not document.text.strip():
            errors.append(f"{path.name}: nothing left after cleaning")
            continue
        documents.append(document)
    for line in errors:
        log.warning("%s", line)
    return documents, errors


def ingest_corpus(corpus_dir: Path, chunk_size: int, chunk_overlap: int, progress: bool = False) -> IngestResult:
    """Load, clean and chunk the whole corpus."""
    documents, errors = load_documents(corpus_dir, progress)
    return IngestResult(tuple(documents), tuple(chunk_documents(documents, chunk_size, chunk_overlap)), tuple(errors))


def chunk_documents(documents: list[Document], chunk_size: int, chunk_overlap: int) -> list[Chunk]:
    """Every document's chunks, in document order, each marked when it overlaps a screened span."""
    return [replace(c, flag=overlapping(d.flags, c.start, c.end)) if d.flags else c
            for d in documents for c in chunk_document(d, chunk_size, chunk_overlap)]


def corpus_fingerprint(corpus_dir: Path) -> str:
    """Hash of every file ingest looks at (names and bytes) and of the cleaning and screening rules."""
    digest = hashlib.sha256((load_rules().fingerprint + load_screening_rules().fingerprint).encode())
    paths = corpus_files(corpus_dir) + unsupported_files(corpus_dir)
    metadata = corpus_dir / METADATA_FILE
    for path in sorted(paths + ([metadata] if metadata.exists() else [])):
        digest.update(path.name.encode() + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()[:20]
