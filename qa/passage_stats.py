"""Which passages hold a string, answered from character and bigram postings built once at load.

The answer composer weighs question words by how many passages hold them and asks whether a merged
compound occurs anywhere, ending where a word ends. Scanning every passage per question grows with the
collection; here a query touches only the passages that hold the string's rarest bigrams.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

import numpy as np


class PassageStats:
    """Substring statistics over a fixed list of passage texts (matching form). After init it only caches each
    passage's word ends on first use (threads that race store equal results)."""

    def __init__(self, texts: list[str], word_ends: Callable[[str], set[int]] | None = None):
        """`word_ends(text)`: the offsets where a text's words end, for `holds_ending_a_word`."""
        self._texts = texts
        self._word_ends = word_ends
        self._ends: dict[int, set[int]] = {}  # per passage, segmented on first use
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

    def holds_ending_a_word(self, text: str) -> bool:
        """Whether any passage holds `text` ending where one of its words ends: 意见分 is not in 意见分歧, whose
        last word it cuts. It may begin inside a word (技能等级认定 in 职业技能等级认定): a compound's head is its
        last word, and a word before it only narrows it. Any occurrence counts when no `word_ends` was given."""
        if self._word_ends is None:
            return self.occurs(text)
        for row in self.rows(text):
            passage = self._texts[row]
            ends = self._ends.get(row)
            if ends is None:
                ends = self._ends[row] = self._word_ends(passage)
            start = passage.find(text)
            while start >= 0:
                if start + len(text) in ends:
                    return True
                start = passage.find(text, start + 1)
        return False
