"""Sentences and clauses of a display text, as exact spans with offsets."""
from __future__ import annotations

import re
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
