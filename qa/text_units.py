"""Sentences and clauses of a display text, as exact spans with offsets."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』)]?|\n|$)")
_CLAUSE_END = re.compile(r"[^，,；;：:。！？!?…\n]*(?:[，,；;：:。！？!?…]+[”’」』)]?|$)")


@dataclass(frozen=True)
class Span:
    """`text == source[start:end]` for the display text it was cut from."""

    text: str
    start: int
    end: int


def _spans(pattern: re.Pattern, text: str, offset: int) -> list[Span]:
    spans = []
    for m in pattern.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = offset + m.start() + (len(raw) - len(raw.lstrip()))
        spans.append(Span(stripped, start, start + len(stripped)))
    return spans


def sentences(text: str, offset: int = 0) -> list[Span]:
    """Sentences of `text`, ending at 。！？；, or a line break."""
    return _spans(_SENTENCE_END, text, offset)


def clauses(sentence: Span) -> list[Span]:
    """Clauses of a sentence, split after ，；：."""
    return _spans(_CLAUSE_END, sentence.text, sentence.start)


_QUOTE_CHARS = frozenset("\"'“”‘’「」『』《》〈〉")


@dataclass(frozen=True)
class Sentence:
    """A sentence with the forms the answer composer matches against, computed once (at index time).

    `matching` is the sentence's matching form without quotation marks (as `term_form`, but built
    character by character so that every window of the sentence maps onto a slice of it); `removed` the
    offsets in `span.text` of the quotation marks left out; `boundaries` jieba's word boundaries in
    `matching`; `places` the spans of `span.text` that name a place.
    """

    span: Span
    matching: str
    removed: tuple[int, ...]
    boundaries: frozenset[int]
    places: tuple[tuple[int, int], ...]

    def window(self, start: int, end: int) -> tuple[str, frozenset[int]]:
        """Matching form and word boundaries of span.text[start:end] (offsets relative to the sentence)."""
        low = start - bisect_left(self.removed, start)
        high = end - bisect_left(self.removed, end)
        inner = frozenset(b - low for b in self.boundaries if low < b < high)
        return self.matching[low:high], inner | {0, high - low}

    def names_place(self, start: int, end: int) -> bool:
        """Whether span.text[start:end] names a place."""
        return any(s < end and e > start for s, e in self.places)

    def to_row(self) -> list:
        """A JSON-able row (stored in the index), read back by `Sentence.from_row`."""
        return [self.span.start, self.span.end, self.matching, list(self.removed), sorted(self.boundaries),
                [list(p) for p in self.places]]

    @classmethod
    def from_row(cls, text: str, row: list) -> "Sentence":
        start, end, matching, removed, boundaries, places = row
        return cls(Span(text[start:end], start, end), matching, tuple(removed), frozenset(boundaries),
                   tuple(tuple(p) for p in places))


def analyse_sentence(span: Span, segment, find_places) -> Sentence:
    """The Sentence for a span; `segment(text)` gives jieba words, `find_places(text)` (place, start, end) triples."""
    from core.textnorm import aligned_normalize

    aligned = aligned_normalize(span.text)
    matching = "".join(c for c in aligned if c not in _QUOTE_CHARS)
    removed = tuple(i for i, c in enumerate(aligned) if c in _QUOTE_CHARS)
    boundaries, position = {0}, 0
    for word in segment(matching):
        position += len(word)
        boundaries.add(position)
    places = tuple((s, e) for _, s, e in find_places(span.text))
    return Sentence(span, matching, removed, frozenset(boundaries), places)
