"""Which passages hold a string, answered from character and bigram postings built once at load.

The answer composer weighs question words by how many passages hold them and asks whether a merged
compound occurs anywhere. Scanning every passage per question grows with the collection; here a query
touches only the passages that hold the string's rarest bigrams.
"""
from __future__ import annotations

from collections import defaultdict

import numpy as np


class PassageStats:
    """Substring statistics over a fixed list of passage texts (matching form). Read-only after init."""

    def __init__(self, texts: list[str]):
        self._texts = texts
        postings: dict[str, list[int]] = defaultdict(list)
        for row, text in enumerate(texts):
            for gram in set(text) | {text[i : i + 2] for i in range(len(text) - 1)}:
                postings[gram].append(row)
        self._postings = {gram: np.asarray(rows, dtype=np.int32) for gram, rows in postings.items()}
        self._all = np.arange(len(texts), dtype=np.int32)

    def rows(self, text: str) -> np.ndarray:
        """Indices of the passages that contain `text`, ascending."""
        if not text:
            return self._all
        grams = {text} if len(text) == 1 else {text[i : i + 2] for i in range(len(text) - 1)}
        lists = [self._postings.get(gram) for gram in grams]
        if any(rows is None for rows in lists):
            return self._all[:0]
        lists.sort(key=len)
        rows = lists[0]
        for other in lists[1:]:
            rows = np.intersect1d(rows, other, assume_unique=True)
            if not len(rows):
                return rows
        if len(text) <= 2:  # holding the bigram is holding the text
            return rows
        return rows[np.fromiter((text in self._texts[r] for r in rows), dtype=bool, count=len(rows))]

    def count(self, variants: tuple[str, ...]) -> int:
        """Passages holding any of the variants."""
        found = [self.rows(v) for v in variants]
        return len(found[0]) if len(found) == 1 else len(np.unique(np.concatenate(found))) if found else 0

    def occurs(self, text: str) -> bool:
        """Whether any passage holds `text`."""
        return len(self.rows(text)) > 0
