"""Corpus folder → published index, redoing only what changed; and opening the index to serve.

An update compares every corpus file with the published index: a file whose bytes, name, metadata entry
and ingest code are unchanged keeps its document, chunks and sentence analysis; any other file is read
again. Chunk vectors and BM25 tokens come from the chunk cache (`collection.cache`) when the same text was
embedded before, so adding one document to a thousand embeds only that document's chunks. The new index is
written as a whole new version and published in one rename (`index.store.save_index`). Callers hold
`index.store.build_lock`.
"""
from __future__ import annotations

import dataclasses
import errno
import hashlib
import logging
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm import tqdm

from collection.cache import CACHE_FILE, ChunkCache, cache_key
from core.config import Settings
from core.hashing import file_sha256
from core.types import Document
from index.builder import Annotator, dense_text
from index.encoder import SentenceTransformerEncoder
from index.lexical import LexicalIndex, lexical_fingerprint, tokenize
from index.store import (FORMAT_VERSION, IndexNotWritable, IndexUnusable, StoredIndex, build_lock, index_key,
                         load_index, save_index)
from ingest.cleaning import load_rules
from ingest.loader import corpus_files
from ingest.metadata import DocumentMeta, doc_id_for, load_metadata
from ingest.pipeline import corpus_fingerprint, folder_notes, ingest_file, ingest_fingerprint, ocr_reader

log = logging.getLogger(__name__)

ENCODE_BATCH = 32  # texts per encoder call: the encoder's lock is released between calls, so questions interleave
COMMIT_EVERY = 256  # vectors per cache commit: what an interrupted build keeps


@dataclass(frozen=True)
class FileOutcome:
    """What an update did with one file in the corpus folder (or one that left it)."""

    name: str
    status: str  # added, replaced, unchanged, removed, duplicate, failed, skipped
    message: str  # one line for the user, naming the file
    doc_id: str | None = None
    passages: int = 0
    pages: int | None = None
    notes: tuple[str, ...] = ()  # what to know about a file that is indexed (pages without text), a line each


@dataclass(frozen=True)
class UpdateReport:
    """The published index and what the update did to get there."""

    index: StoredIndex
    outcomes: tuple[FileOutcome, ...]
    embedded: int  # chunk texts the model encoded in this update
    reused: int  # chunk vectors taken from the cache
    seconds: float

    def outcome(self, name: str) -> FileOutcome | None:
        return next((o for o in self.outcomes if o.name == name), None)


def expected_key(settings: Settings, encoder: SentenceTransformerEncoder, annotator: Annotator | None = None,
                 hashes: dict[str, str] | None = None) -> dict:
    """Manifest fields an index must have to serve these settings, this model, this corpus and annotator
    (`hashes`: the corpus files' SHA-256 by name, when the caller has them)."""
    return index_key(
        encoder.identity, encoder.dimension, settings.chunk_size, settings.chunk_overlap,
        corpus_fingerprint(settings.corpus_dir, settings.ocr, hashes), lexical_fingerprint(),
        annotator.fingerprint if annotator is not None else None,
    )


def assign_doc_ids(names: list[str]) -> dict[str, str]:
    """A document id per file name: the name without its extension, unless two files share that stem
    (report.pdf and report.txt), when each such file gets the stem plus its extension."""
    stems = defaultdict(list)
    for name in names:
        stems[doc_id_for(name)].append(name)
    return {name: (stem if len(group) == 1 else f"{stem}-{Path(name).suffix.lstrip('.').lower()}")
            for stem, group in stems.items() for name in group}


def document_key(name: str, doc_id: str, sha256: str, meta: DocumentMeta, shared: str) -> str:
    """Everything that decides one file's document and chunks; equal keys mean the old ones can be kept."""
    text = "\0".join([shared, name, doc_id, sha256, repr(dataclasses.astuple(meta))])
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def update_index(settings: Settings, encoder: SentenceTransformerEncoder, annotator: Annotator | None = None,
                 progress: bool = False, reuse: bool = True) -> UpdateReport:
    """Bring the index up to date with the corpus folder and publish it; the caller holds the build lock.

    `reuse=False` reads every file and embeds every chunk again (a full rebuild); it still fills the cache.
    """
    started = time.perf_counter()
    files = corpus_files(settings.corpus_dir)
    hashes, outcomes = _hashes(files)
    key = expected_key(settings, encoder, annotator, hashes)
    previous = _previous_index(settings.index_dir)
    old_keys = (previous.manifest.get("document_keys") or {}) if previous is not None else {}
    old_notes = {o["name"]: tuple(o.get("notes", ()))
                 for o in (previous.manifest.get("outcomes") or [] if previous is not None else [])}
    old_chunks = defaultdict(list)
    for chunk in previous.chunks if previous is not None else ():
        old_chunks[chunk.doc_id].append(chunk)
    shared = "\0".join([str(FORMAT_VERSION), ingest_fingerprint(settings.ocr), str(settings.chunk_size),
                        str(settings.chunk_overlap), annotator.fingerprint if annotator else "-"])

    outcomes += [FileOutcome(line.split(": ", 1)[0], "skipped", line) for line in folder_notes(settings.corpus_dir)]
    doc_ids = assign_doc_ids([p.name for p in files])
    metadata, rules, reader = load_metadata(settings.corpus_dir), load_rules(), None
    readable, too_big = _within_limit(files, hashes, settings.max_file_mb)
    outcomes += too_big
    keepers = _duplicate_winners(readable, previous)

    documents, chunks, annotations, document_keys = [], [], {}, {}
    old_by_name = {d.path: d for d in previous.documents.values()} if previous is not None else {}
    for path, sha in tqdm(readable, desc="reading", unit="file", disable=not progress):
        name, doc_id = path.name, doc_ids[path.name]
        if keepers[sha] != name:
            message = f"{name}: same content as {keepers[sha]}; not indexed twice"
            outcomes.append(FileOutcome(name, "duplicate", message))
            continue
        meta = metadata.get(name, DocumentMeta())
        doc_key = document_key(name, doc_id, sha, meta, shared)
        old = old_by_name.get(name)
        same = old is not None and old_keys.get(name) == doc_key
        if same and reuse:
            document, doc_chunks, notes = old, old_chunks[old.doc_id], old_notes.get(name, ())
            rows = (previous.annotations or {}).get(old.doc_id)
        else:
            if reader is None and settings.ocr:
                reader = ocr_reader()
            result = ingest_file(path, meta, rules, settings.chunk_size, settings.chunk_overlap, reader, doc_id)
            if result.document is None:
                outcomes.append(FileOutcome(name, "failed", "; ".join(result.notes)))
                continue
            document, doc_chunks, notes = result.document, list(result.chunks), result.notes
            rows = annotator(document) if annotator is not None else None
        status = "unchanged" if same else "replaced" if old is not None else "added"
        documents.append(document)
        chunks += doc_chunks
        document_keys[name] = doc_key
        if rows is not None:
            annotations[document.doc_id] = rows
        outcomes.append(_indexed(name, status, document, len(doc_chunks), notes))
    kept = {d.path for d in documents} | {o.name for o in outcomes}
    outcomes += [FileOutcome(name, "removed", f"{name}: removed from the index (the file is gone)", old.doc_id)
                 for name, old in old_by_name.items() if name not in kept]
    problems = [o.message for o in outcomes if o.status in ("failed", "skipped", "duplicate")]
    for line in problems:
        log.warning("%s", line)
    if not chunks:
        raise RuntimeError(f"no readable documents in {settings.corpus_dir}: nothing to index"
                           + (f" ({'; '.join(problems[:3])})" if problems else ""))

    by_id = {d.doc_id: d for d in documents}
    cache = ChunkCache(settings.index_dir / CACHE_FILE)
    try:
        embeddings, vector_keys, embedded = _embeddings(
            cache, encoder, [dense_text(c, by_id[c.doc_id]) for c in chunks], reuse, progress)
        lexical, token_keys = _lexical(cache, [c.text for c in chunks])
        errors = problems + [note for o in outcomes for note in o.notes]
        save_index(
            settings.index_dir, key, documents, chunks, embeddings, lexical,
            extra={"model_path": str(encoder.model_path), "ingest_errors": errors, "document_keys": document_keys,
                   "outcomes": [dataclasses.asdict(o) for o in outcomes],
                   "build_seconds": round(time.perf_counter() - started, 2)},
            annotations=annotations if annotator is not None else None,
        )
        cache.prune(set(vector_keys), set(token_keys))
    finally:
        cache.close()
    seconds = time.perf_counter() - started
    log.info("indexed %d documents, %d chunks in %.1f s (%d embedded, %d from the cache)", len(documents),
             len(chunks), seconds, embedded, len(chunks) - embedded)
    return UpdateReport(load_index(settings.index_dir, key), tuple(sorted(outcomes, key=lambda o: o.name)),
                        embedded, len(chunks) - embedded, seconds)


def build_index(settings: Settings, encoder: SentenceTransformerEncoder, progress: bool = False,
                annotator: Annotator | None = None) -> StoredIndex:
    """A full rebuild: every file read and every chunk embedded again; returns the published index."""
    return update_index(settings, encoder, annotator, progress, reuse=False).index


def _indexed(name: str, status: str, document: Document, passages: int, notes: tuple[str, ...]) -> FileOutcome:
    pages = f", {document.page_count} pages" if document.page_count else ""
    verb = {"unchanged": "unchanged", "replaced": "re-indexed (changed)", "added": "indexed"}[status]
    return FileOutcome(name, status, f"{name}: {verb}, {passages} passages{pages}", document.doc_id, passages,
                       document.page_count, tuple(notes))


def _hashes(files: list[Path]) -> tuple[dict[str, str], list[FileOutcome]]:
    """SHA-256 of every file by name (read in blocks; their bytes are read again only when they must be
    ingested), and a failed outcome for each file that cannot be read."""
    hashes, failed = {}, []
    for path in files:
        try:
            hashes[path.name] = file_sha256(path)
        except OSError as exc:
            failed.append(FileOutcome(path.name, "failed", f"{path.name}: cannot read file ({exc.strerror or exc})"))
    return hashes, failed


def _within_limit(files: list[Path], hashes: dict[str, str], max_file_mb: float):
    """(path, sha256) of every hashed file within the size limit, and a failed outcome for each one over it."""
    readable, failed = [], []
    limit = int(max_file_mb * 1024 * 1024)
    for path in (p for p in files if p.name in hashes):
        size = path.stat().st_size
        if size > limit:
            failed.append(FileOutcome(path.name, "failed", over_limit_message(path.name, size, max_file_mb)))
        else:
            readable.append((path, hashes[path.name]))
    return readable, failed


def _duplicate_winners(readable, previous: StoredIndex | None) -> dict[str, str]:
    """For each content hash, the one file name that is indexed: the one already indexed with those bytes,
    else the earliest file to arrive (then the first by name)."""
    indexed = {}
    for document in previous.documents.values() if previous is not None else ():
        indexed.setdefault(document.sha256, document.path)
    winners = {}
    names = {path.name for path, _ in readable}
    for path, sha in sorted(readable, key=lambda r: (r[0].stat().st_mtime_ns, r[0].name)):
        if sha not in winners:
            winners[sha] = indexed[sha] if indexed.get(sha) in names else path.name
    return winners


def over_limit_message(name: str, size: int, max_file_mb: float) -> str:
    """The one line for a file over the size limit, for uploads and for files found in the folder alike."""
    return (f"{name}: {size / 1048576:.1f} MB is over the {max_file_mb:g} MB limit (REFORMQA_MAX_FILE_MB); "
            f"split the file or raise the limit")


def _embeddings(cache: ChunkCache, encoder, texts: list[str], reuse: bool,
                progress: bool) -> tuple[np.ndarray, list[str], int]:
    """A vector per text: from the cache when the same model embedded the same text before, else encoded
    now and committed to the cache a batch at a time. Returns (vectors, their cache keys, how many were
    encoded)."""
    keys = [cache_key(encoder.identity, t) for t in texts]
    found = cache.vectors(keys, encoder.dimension) if reuse else {}
    todo = list(dict.fromkeys(k for k in keys if k not in found))
    text_of = dict(zip(keys, texts))
    with tqdm(total=len(todo), desc="embedding", unit="chunk", disable=not progress or not todo) as bar:
        for i in range(0, len(todo), COMMIT_EVERY):
            part = todo[i:i + COMMIT_EVERY]
            vectors = []
            for j in range(0, len(part), ENCODE_BATCH):
                vectors.append(encoder.encode([text_of[k] for k in part[j:j + ENCODE_BATCH]]))
                bar.update(len(part[j:j + ENCODE_BATCH]))
            stacked = np.vstack(vectors)
            cache.put_vectors(part, stacked)
            found.update(zip(part, stacked))
    return np.vstack([found[k] for k in keys]).astype(np.float32), keys, len(todo)


def _lexical(cache: ChunkCache, texts: list[str]) -> tuple[LexicalIndex, list[str]]:
    """The BM25 index, with tokens from the cache where the same tokeniser saw the same text before."""
    namespace = lexical_fingerprint()
    keys = [cache_key(namespace, t) for t in texts]
    found = cache.tokens(keys)
    new = {k: tokenize(t) for k, t in zip(keys, texts) if k not in found}
    if new:
        cache.put_tokens(new)
        found.update(new)
    return LexicalIndex.from_tokens([found[k] for k in keys]), keys


def _previous_index(index_dir: Path) -> StoredIndex | None:
    """The published index, when it can be read in this format (its parts are reused); None otherwise."""
    try:
        return load_index(index_dir, {"format_version": FORMAT_VERSION})
    except IndexUnusable:
        return None


class IndexUnavailable(Exception):
    """No usable index and none can be built here; the message is one line saying what to do."""


# A stale index may still be served when only these differ: the vectors and tokens still come from this
# model, so answers are right for the documents it holds.
SERVABLE_WHEN_STALE = frozenset({"corpus_fingerprint", "chunk_size", "chunk_overlap", "lexical", "annotator"})
WRITE_ERRORS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EISDIR, errno.ENOTDIR})


def open_index(settings: Settings, encoder: SentenceTransformerEncoder, progress: bool = False,
               annotator: Annotator | None = None) -> StoredIndex:
    """The usable index for these settings: loaded from disk, or brought up to date first (log line says why).

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
                log.warning("updating the index (%s)", reason)
                return update_index(settings, encoder, annotator, progress).index
        except (IndexNotWritable, OSError) as not_writable:
            if isinstance(not_writable, OSError) and not_writable.errno not in WRITE_ERRORS:
                raise
            return _serve_read_only(settings, key, reason, not_writable)


def open_published(settings: Settings, encoder: SentenceTransformerEncoder,
                   annotator: Annotator | None = None) -> tuple[StoredIndex, str | None]:
    """The last published index as it is, at once, and why it is stale (None when current).

    For a server that answers from it while it brings the index up to date in the background. Raises
    IndexUnusable when there is none it can serve (missing, corrupt, another model or annotator).
    """
    key = expected_key(settings, encoder, annotator)
    try:
        return load_index(settings.index_dir, key), None
    except IndexUnusable as reason:
        servable = {k: v for k, v in key.items() if k not in SERVABLE_WHEN_STALE or k == "annotator"}
        return load_index(settings.index_dir, servable), str(reason)


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
    return dataclasses.replace(index, notice=STALE_NOTICE)


STALE_NOTICE = ("索引已过期（资料或设置在建索引后有变化），且索引目录不可写，无法自动重建；"
                "答案来自上次建立的索引。请由有写权限的用户运行 python -m ingest 重建。")
