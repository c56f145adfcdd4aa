"""A persistent cache of chunk embeddings and BM25 tokens, keyed by model (or tokeniser) and chunk text.

One SQLite file beside the index versions. Rows are committed a batch at a time, so an interrupted build
keeps everything it embedded; a damaged file is discarded and rebuilt (it only ever costs time).
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

CACHE_FILE = "cache.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (key TEXT PRIMARY KEY, tokens TEXT NOT NULL);
"""


def cache_key(namespace: str, text: str) -> str:
    """Key of a text under a namespace (the model identity, or the tokeniser fingerprint)."""
    return hashlib.sha256(f"{namespace}\0{text}".encode()).hexdigest()


class ChunkCache:
    """Vectors and token lists by key. Use from one process at a time (callers hold the build lock)."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = self._open(path)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        for attempt in (1, 2):
            try:
                db = sqlite3.connect(path, timeout=30)
                db.executescript(SCHEMA)
                db.execute("SELECT count(*) FROM vectors").fetchone()
                return db
            except sqlite3.DatabaseError as exc:
                if attempt == 2:
                    raise
                log.warning("embedding cache %s is damaged (%s); starting a new one", path, exc)
                for leftover in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal")):
                    leftover.unlink(missing_ok=True)
        raise AssertionError("unreachable")

    def vectors(self, keys: list[str], dimension: int) -> dict[str, np.ndarray]:
        """The cached vectors among `keys` (those of another dimension are ignored)."""
        found = {}
        for part in _batches(keys, 500):
            marks = ",".join("?" * len(part))
            for key, blob in self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", part):
                vector = np.frombuffer(blob, dtype=np.float32)
                if vector.shape[0] == dimension:
                    found[key] = vector
        return found

    def put_vectors(self, keys: list[str], vectors: np.ndarray) -> None:
        """Store vectors and commit, so that they survive an interrupted build."""
        rows = [(k, np.ascontiguousarray(v, dtype=np.float32).tobytes()) for k, v in zip(keys, vectors)]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)

    def tokens(self, keys: list[str]) -> dict[str, list[str]]:
        found = {}
        for part in _batches(keys, 500):
            marks = ",".join("?" * len(part))
            for key, text in self._db.execute(f"SELECT key, tokens FROM tokens WHERE key IN ({marks})", part):
                found[key] = json.loads(text)
        return found

    def put_tokens(self, rows: dict[str, list[str]]) -> None:
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO tokens VALUES (?, ?)",
                                 [(k, json.dumps(v, ensure_ascii=False)) for k, v in rows.items()])

    def prune(self, keep_vectors: set[str], keep_tokens: set[str], slack: int = 1000) -> int:
        """Drop entries the live index does not use once the cache holds more than twice what it needs."""
        removed = 0
        for table, keep in (("vectors", keep_vectors), ("tokens", keep_tokens)):
            count = self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            if count <= 2 * len(keep) + slack:
                continue
            with self._db:
                self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
                self._db.execute("DELETE FROM keep")
                self._db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", [(k,) for k in keep])
                removed += self._db.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM keep)").rowcount
        if removed:
            log.info("embedding cache: removed %d entries no longer used", removed)
        return removed

    def close(self) -> None:
        self._db.close()


def _batches(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
