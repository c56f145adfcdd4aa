"""Build the index from the corpus, or open the one on disk and rebuild it when it is missing or stale."""
from __future__ import annotations

import dataclasses
import errno
import logging
import time
from typing import Protocol

from tqdm import tqdm

from core.config import Settings
from core.textnorm import normalize
from core.types import Chunk, Document
from index.encoder import SentenceTransformerEncoder
from index.lexical import LexicalIndex, lexical_fingerprint
from index.store import (IndexNotWritable, IndexUnusable, StoredIndex, build_lock, index_key, load_index,
                         save_index)
from ingest.pipeline import corpus_fingerprint, ingest_corpus

log = logging.getLogger(__name__)


def dense_text(chunk: Chunk, document: Document, normalise: bool = True, with_title: bool = True) -> str:
    """What the encoder sees for a chunk: its document title for context, then the text (matching form)."""
    text = f"{document.title}\n{chunk.text}" if with_title else chunk.text
    return normalize(text) if normalise else text


def build_in_memory(documents: list[Document], chunks: list[Chunk], encoder, normalise: bool = True,
                    with_titles: bool = True, progress: bool = False) -> StoredIndex:
    """An index that lives only in memory: for benchmarks and baselines, never for serving."""
    import faiss

    docs = {d.doc_id: d for d in documents}
    texts = [dense_text(c, docs[c.doc_id], normalise, with_titles) for c in chunks]
    embeddings = encoder.encode(texts, progress=progress)
    vectors = faiss.IndexFlatIP(embeddings.shape[1])
    vectors.add(embeddings)
    lexical = LexicalIndex.build([c.text for c in chunks], normalise)
    return StoredIndex({"in_memory": True}, docs, tuple(chunks), vectors, lexical, None)


class Annotator(Protocol):
    """Per-document work done once at build time and stored with the index (see qa.analysis)."""

    fingerprint: str

    def __call__(self, document: Document) -> list: ...


def expected_key(settings: Settings, encoder: SentenceTransformerEncoder, annotator: Annotator | None = None) -> dict:
    """Manifest fields an index must have to serve these settings, this model, this corpus and annotator."""
    return index_key(
        encoder.identity, encoder.dimension, settings.chunk_size, settings.chunk_overlap,
        corpus_fingerprint(settings.corpus_dir, settings.ocr), lexical_fingerprint(),
        annotator.fingerprint if annotator is not None else None,
    )


def build_index(settings: Settings, encoder: SentenceTransformerEncoder, progress: bool = False,
                annotator: Annotator | None = None) -> StoredIndex:
    """Ingest the corpus, encode and store it; returns the freshly written index."""
    started = time.perf_counter()
    key = expected_key(settings, encoder, annotator)
    result = ingest_corpus(settings.corpus_dir, settings.chunk_size, settings.chunk_overlap, progress, settings.ocr)
    if not result.chunks:
        raise RuntimeError(f"no readable documents in {settings.corpus_dir}: nothing to index")
    docs = {d.doc_id: d for d in result.documents}
    embeddings = encoder.encode([dense_text(c, docs[c.doc_id]) for c in result.chunks], progress=progress)
    lexical = LexicalIndex.build([c.text for c in result.chunks])
    annotations = None
    if annotator is not None:
        annotations = {d.doc_id: annotator(d) for d in tqdm(result.documents, desc="analysing", unit="doc",
                                                              disable=not progress)}
    save_index(
        settings.index_dir, key, list(result.documents), list(result.chunks), embeddings, lexical,
        extra={"model_path": str(encoder.model_path), "ingest_errors": list(result.errors),
               "build_seconds": round(time.perf_counter() - started, 2)},
        annotations=annotations,
    )
    log.info("indexed %d documents, %d chunks in %.1f s", len(docs), len(result.chunks),
             time.perf_counter() - started)
    return load_index(settings.index_dir, key)


class IndexUnavailable(Exception):
    """No usable index and none can be built here; the message is one line saying what to do."""


# A stale index may still be served from a read-only folder when only these differ: the vectors
# and tokens still come from this model, so answers are right for the documents it holds.
SERVABLE_WHEN_STALE = frozenset({"corpus_fingerprint", "chunk_size", "chunk_overlap", "lexical", "annotator"})
WRITE_ERRORS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EISDIR, errno.ENOTDIR})


def open_index(settings: Settings, encoder: SentenceTransformerEncoder, progress: bool = False,
               annotator: Annotator | None = None) -> StoredIndex:
    """The usable index for these settings: loaded from disk, or rebuilt with a log line saying why.

    When the index folder cannot be written, a stale index is served as it is with a notice, and a
    missing or corrupt one raises IndexUnavailable (one line, no traceback for the user).
    """
    key = expected_key(settings, encoder, annotator)
    try:
        return load_index(settings.index_dir, key)
    except IndexUnusable as reason:
        try:
            with build_lock(settings.index_dir):
                try:  # another process may have built it while we waited for the lock
                    return load_index(settings.index_dir, key)
                except IndexUnusable:
                    pass
                log.warning("building the index (%s)", reason)
                return build_index(settings, encoder, progress, annotator)
        except (IndexNotWritable, OSError) as not_writable:
            if isinstance(not_writable, OSError) and not_writable.errno not in WRITE_ERRORS:
                raise
            return _serve_read_only(settings, key, reason, not_writable)


def _serve_read_only(settings: Settings, key: dict, reason: IndexUnusable, error: OSError | Exception) -> StoredIndex:
    """The index as it is on disk, when it cannot be rebuilt: stale is served with a notice, else unavailable."""
    folder = settings.index_dir
    fix = (f"run `python -m ingest` as a user who can write {folder}, "
           f"or set REFORMQA_INDEX_DIR to a writable folder")
    cannot = error if isinstance(error, IndexNotWritable) else f"{folder} is not writable ({error})"
    try:
        index = load_index(folder, {k: v for k, v in key.items() if k not in SERVABLE_WHEN_STALE})
    except IndexUnusable as unusable:
        raise IndexUnavailable(f"index unusable ({unusable}) and cannot be rebuilt: {cannot}; {fix}") from None
    log.warning("serving a stale index (%s) because it cannot be rebuilt: %s; %s", reason, cannot, fix)
    notice = ("索引已过期（资料或设置在建索引后有变化），且索引目录不可写，无法自动重建；"
              "答案来自上次建立的索引。请由有写权限的用户运行 python -m ingest 重建。")
    return dataclasses.replace(index, notice=notice)
