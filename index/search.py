"""Hybrid retrieval: dense (FAISS inner product) and BM25 rankings fused by weighted reciprocal rank."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.textnorm import normalize
from core.types import Chunk, Hit
from index.encoder import SentenceTransformerEncoder
from index.store import StoredIndex

RRF_K = 60


@dataclass(frozen=True)
class FusionWeights:
    """Weights of the two rankings in reciprocal rank fusion; a zero weight turns a side off."""

    dense: float = 1.0
    lexical: float = 1.0


@dataclass(frozen=True)
class QueryScores:
    """Both sides' score for every chunk, for one query: computed once, then ranked under any filter."""

    dense: np.ndarray
    lexical: np.ndarray


def fused_scores(dense: np.ndarray, lexical: np.ndarray, weights: FusionWeights, k: int = RRF_K) -> np.ndarray:
    """Weighted reciprocal rank fusion of two score vectors, Σ weight / (k + rank) with ranks from 1: the
    dense side ranks every row, BM25 only the rows it scores."""
    fused = np.zeros(len(dense), dtype=np.float64)
    ranks = np.arange(1, len(dense) + 1, dtype=np.float64)
    if weights.dense > 0:
        fused[np.argsort(-dense, kind="stable")] += weights.dense / (k + ranks)
    if weights.lexical > 0:
        order = np.argsort(-lexical, kind="stable")
        scored = order[lexical[order] > 0]
        fused[scored] += weights.lexical / (k + ranks[: len(scored)])
    return fused


class Retriever:
    """Searches one loaded index; holds no per-query state, so threads may share it."""

    def __init__(self, index: StoredIndex, encoder: SentenceTransformerEncoder,
                 weights: FusionWeights = FusionWeights(), normalise: bool = True):
        self.index = index
        self.encoder = encoder
        self.weights = weights
        self.normalise = normalise  # False only for baselines that skip normalisation
        # The flat inner-product index as a matrix: one product scores every chunk, no sort by FAISS.
        self._matrix = index.vectors.reconstruct_n(0, index.vectors.ntotal) if index.vectors.ntotal else None
        rows_of: dict[str, list[int]] = {}
        for row, chunk in enumerate(index.chunks):
            rows_of.setdefault(chunk.doc_id, []).append(row)
        self._rows_of = {doc: np.asarray(rows, dtype=np.int64) for doc, rows in rows_of.items()}

    def scores(self, query: str) -> QueryScores:
        """Dense and BM25 scores of every chunk for the query (the question is encoded once here)."""
        n = len(self.index.chunks)
        dense = self._dense_scores(query) if self.weights.dense > 0 else np.zeros(n, np.float32)
        lexical = self.index.lexical.scores(query) if self.weights.lexical > 0 else np.zeros(n, np.float32)
        return QueryScores(dense, lexical)

    def search(self, query: str, k: int, keep: Callable[[Chunk], bool] | None = None,
               doc_ids: frozenset[str] | None = None, scores: QueryScores | None = None) -> list[Hit]:
        """The best `k` chunks for the query, among those of `doc_ids` that `keep` accepts (all when None).

        Pass `scores` from `self.scores(query)` to search the same question under several filters.
        """
        chunks = self.index.chunks
        if doc_ids is None:
            rows = np.arange(len(chunks))
        else:
            found = [self._rows_of[d] for d in sorted(doc_ids) if d in self._rows_of]
            rows = np.sort(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
        if keep is not None:
            rows = rows[np.fromiter((keep(chunks[r]) for r in rows), dtype=bool, count=len(rows))]
        if not len(rows):
            return []
        scores = scores or self.scores(query)
        dense, lexical = scores.dense, scores.lexical
        fused = fused_scores(dense[rows], lexical[rows], self.weights)
        order = np.lexsort((rows, -fused))[:k]  # best fused score first, ties by row
        return [
            Hit(chunks[rows[i]], float(fused[i]), rank, float(dense[rows[i]]), float(lexical[rows[i]]))
            for rank, i in enumerate(order) if fused[i] > 0
        ]

    def document_rows(self, doc_id: str) -> np.ndarray:
        """The rows (in the index's chunk order) of one document's chunks."""
        return self._rows_of.get(doc_id, np.zeros(0, dtype=np.int64))

    def document_dense(self, doc_id: str, scores: QueryScores) -> np.ndarray:
        """The dense cosines of all of one document's chunks: what they are does not depend on the other
        documents of the collection, as a ranking among retrieved chunks would."""
        return scores.dense[self.document_rows(doc_id)] if len(scores.dense) else np.zeros(0, dtype=np.float32)

    def _dense_scores(self, query: str) -> np.ndarray:
        if self._matrix is None:
            return np.zeros(0, dtype=np.float32)
        vector = self.encoder.encode([normalize(query) if self.normalise else query])
        # einsum, not `@`: a BLAS mat-vec wakes OpenBLAS's worker threads, which keep spinning after it
        # returns and take the cores from the encoder's next question (measured: encode p95 16 → 100 ms).
        return np.einsum("ij,j->i", self._matrix, vector[0]).astype(np.float32)
