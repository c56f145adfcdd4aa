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


def rrf_fuse(rankings: list[tuple[float, list[int]]], k: int = RRF_K) -> dict[int, float]:
    """Weighted reciprocal rank fusion: score(d) = Σ weight / (k + rank), ranks starting at 1."""
    fused: dict[int, float] = {}
    for weight, ranking in rankings:
        if weight <= 0:
            continue
        for rank, row in enumerate(ranking, start=1):
            fused[row] = fused.get(row, 0.0) + weight / (k + rank)
    return fused


class Retriever:
    """Searches one loaded index; holds no per-query state, so threads may share it."""

    def __init__(self, index: StoredIndex, encoder: SentenceTransformerEncoder,
                 weights: FusionWeights = FusionWeights(), normalise: bool = True):
        self.index = index
        self.encoder = encoder
        self.weights = weights
        self.normalise = normalise  # False only for baselines that skip normalisation

    def search(self, query: str, k: int, keep: Callable[[Chunk], bool] | None = None) -> list[Hit]:
        """The best `k` chunks for the query, among those `keep` accepts (all when None)."""
        chunks = self.index.chunks
        allowed = (np.ones(len(chunks), dtype=bool) if keep is None
                   else np.fromiter((keep(c) for c in chunks), dtype=bool, count=len(chunks)))
        if not allowed.any():
            return []
        dense = self._dense_scores(query) if self.weights.dense > 0 else np.zeros(len(chunks), np.float32)
        lexical = self.index.lexical.scores(query) if self.weights.lexical > 0 else np.zeros(len(chunks), np.float32)
        rows = np.flatnonzero(allowed)
        dense_rank = rows[np.argsort(-dense[rows], kind="stable")].tolist()
        lexical_rank = [r for r in rows[np.argsort(-lexical[rows], kind="stable")].tolist() if lexical[r] > 0]
        fused = rrf_fuse([(self.weights.dense, dense_rank), (self.weights.lexical, lexical_rank)])
        best = sorted(fused, key=lambda r: (-fused[r], r))[:k]
        return [
            Hit(chunks[r], fused[r], rank, float(dense[r]), float(lexical[r])) for rank, r in enumerate(best)
        ]

    def _dense_scores(self, query: str) -> np.ndarray:
        vector = self.encoder.encode([normalize(query) if self.normalise else query])
        scores, rows = self.index.vectors.search(vector, self.index.vectors.ntotal)
        out = np.full(len(self.index.chunks), -1.0, dtype=np.float32)
        out[rows[0]] = scores[0]
        return out
