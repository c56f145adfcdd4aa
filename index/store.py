"""The on-disk index: one directory per version, a manifest, and an atomic switch between versions.

Layout of `index_dir`:
    CURRENT               name of the live version directory (replaced atomically)
    v-<time>-<rand>/      manifest.json, vectors.faiss, chunks.jsonl, documents.jsonl, lexical/
    .build.lock           held while a process builds, so two builders never race

A crash mid-build leaves CURRENT pointing at the previous, complete version.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from core.hashing import file_sha256
from core.types import Chunk, Document
from index.lexical import LexicalIndex

log = logging.getLogger(__name__)

FORMAT_VERSION = 4  # 2: screening flags; 3: pages and format of documents; 4: content hash, per-file keys
CURRENT = "CURRENT"
MANIFEST = "manifest.json"
ANNOTATIONS = "annotations.jsonl"
KEEP_VERSIONS = 2


class IndexUnusable(Exception):
    """The index on disk cannot be used as it is; the message says why (missing, corrupt, stale)."""


class IndexNotWritable(Exception):
    """The index folder cannot be written (read-only mount, another user's folder); the message says where."""


@dataclass(frozen=True)
class StoredIndex:
    """An index loaded into memory: row i of `vectors` and of the lexical index is `chunks[i]`."""

    manifest: dict
    documents: dict[str, Document]
    chunks: tuple[Chunk, ...]
    vectors: object  # faiss.Index
    lexical: LexicalIndex
    path: Path | None  # None for an in-memory index
    notice: str | None = None  # served although stale (read-only folder): what users should be told
    annotations: dict[str, list] | None = None  # per document: rows an annotator computed at build time


def index_key(model_identity: str, dimension: int, chunk_size: int, chunk_overlap: int, corpus: str,
              lexical: str = "", annotator: str | None = None) -> dict:
    """The manifest fields that must match for an index to be usable: every input that shapes it."""
    return {
        "format_version": FORMAT_VERSION,
        "model": model_identity,
        "dimension": dimension,
        "chunk_size": chunk_size,
        "chunk_overlap": chunk_overlap,
        "corpus_fingerprint": corpus,
        "lexical": lexical,
        "annotator": annotator,
    }


def _checksums(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): file_sha256(p)
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.name != MANIFEST
    }


def _write_jsonl(path: Path, rows) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _fsync_tree(directory: Path) -> None:
    for p in [*directory.rglob("*"), directory]:
        fd = os.open(p, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def build_lock(index_dir: Path):
    """Exclusive lock held while building, so concurrent processes build once, one after the other.

    Whoever holds it is the only builder, so staging left by a dead build is removed on entry.
    Raises IndexNotWritable when the folder or its lock file cannot be written.
    """
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        handle = open(index_dir / ".build.lock", "a")
    except OSError as exc:
        raise IndexNotWritable(f"{index_dir} is not writable ({exc.strerror or exc})") from exc
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            remove_dead_staging(index_dir)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_dead_staging(index_dir: Path) -> list[str]:
    """Remove the staging folders and pointer files of builds that died; call only while holding the lock."""
    removed = []
    for leftover in [*index_dir.glob(".tmp-*"), *index_dir.glob(f".{CURRENT}.*")]:
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)
        removed.append(leftover.name)
    if removed:
        log.info("removed %d leftover(s) of an interrupted build: %s", len(removed), ", ".join(removed[:3]))
    return removed


def save_index(
    index_dir: Path,
    key: dict,
    documents: list[Document],
    chunks: list[Chunk],
    embeddings: np.ndarray,
    lexical: LexicalIndex,
    extra: dict | None = None,
    annotations: dict[str, list] | None = None,
) -> Path:
    """Write a new version directory completely, then switch CURRENT to it in one rename."""
    import faiss

    index_dir.mkdir(parents=True, exist_ok=True)
    version = index_dir / f"v-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
    staging = index_dir / f".tmp-{version.name}"
    staging.mkdir()
    try:
        vectors = faiss.IndexFlatIP(embeddings.shape[1])
        vectors.add(np.ascontiguousarray(embeddings, dtype=np.float32))
        faiss.write_index(vectors, str(staging / "vectors.faiss"))
        _write_jsonl(staging / "chunks.jsonl", (asdict(c) for c in chunks))
        _write_jsonl(staging / "documents.jsonl", (asdict(d) for d in documents))
        lexical.save(staging / "lexical")
        if annotations is not None:
            _write_jsonl(staging / ANNOTATIONS, ({"doc_id": d, "rows": rows} for d, rows in annotations.items()))
        manifest = {
            **key,
            **(extra or {}),
            "documents": len(documents),
            "chunks": len(chunks),
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "files": _checksums(staging),
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        _fsync_tree(staging)
        staging.rename(version)
        pointer = index_dir / f".{CURRENT}.{uuid.uuid4().hex[:6]}"
        pointer.write_text(version.name, encoding="utf-8")
        os.replace(pointer, index_dir / CURRENT)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _remove_old_versions(index_dir, keep=version.name)
    return version


def _remove_old_versions(index_dir: Path, keep: str) -> None:
    versions = sorted(p for p in index_dir.glob("v-*") if p.is_dir() and p.name != keep)
    for old in versions[: max(0, len(versions) - (KEEP_VERSIONS - 1))]:
        shutil.rmtree(old, ignore_errors=True)


def current_version(index_dir: Path) -> Path:
    """The live version directory, or IndexUnusable when there is none."""
    pointer = index_dir / CURRENT
    if not pointer.is_file():
        raise IndexUnusable(f"no index at {index_dir}")
    version = index_dir / pointer.read_text(encoding="utf-8").strip()
    if not version.is_dir():
        raise IndexUnusable(f"{pointer} names {version.name}, which does not exist")
    return version


def load_index(index_dir: Path, key: dict | None = None) -> StoredIndex:
    """Load and verify the live index; IndexUnusable says why it must be rebuilt."""
    import faiss

    version = current_version(index_dir)
    try:
        manifest = json.loads((version / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexUnusable(f"manifest unreadable ({exc})") from exc
    for field, expected in (key or {}).items():
        if manifest.get(field) != expected:
            raise IndexUnusable(f"stale: {field} is {manifest.get(field)!r}, expected {expected!r}")
    files = manifest.get("files") or {}
    actual = _checksums(version)
    if actual != files:
        bad = sorted(set(files) ^ set(actual) | {f for f in files if actual.get(f) != files[f]})
        raise IndexUnusable(f"corrupt: {', '.join(bad[:3])} missing or changed since it was written")
    try:
        documents = {d["doc_id"]: Document(**{**d, "flags": tuple(map(tuple, d.get("flags", ()))),
                                              "pages": tuple(map(tuple, d.get("pages", ())))})
                     for d in _read_jsonl(version / "documents.jsonl")}
        chunks = tuple(Chunk(**c) for c in _read_jsonl(version / "chunks.jsonl"))
        vectors = faiss.read_index(str(version / "vectors.faiss"))
        lexical = LexicalIndex.load(version / "lexical")
        annotations = ({row["doc_id"]: row["rows"] for row in _read_jsonl(version / ANNOTATIONS)}
                       if (version / ANNOTATIONS).exists() else None)
    except Exception as exc:  # any parse failure of a checksummed file means the format is not ours
        raise IndexUnusable(f"corrupt: {exc}") from exc
    if vectors.ntotal != len(chunks):
        raise IndexUnusable(f"corrupt: {vectors.ntotal} vectors for {len(chunks)} chunks")
    return StoredIndex(manifest, documents, chunks, vectors, lexical, version, annotations=annotations)
