"""Screen display text for instructions aimed at an AI assistant (prompt injection) before it is indexed.

Document text is data: a passage that tries to instruct the assistant is marked, never obeyed. The marks
are spans of the display text with a reason; what to do with them (warn, withhold from a model) is the
answering side's decision.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from core.textnorm import aligned_normalize

PATTERNS_PATH = Path(__file__).with_name("injection_patterns.yaml")
_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff|｜]")  # spaces, zero-width characters, table bars


@dataclass(frozen=True)
class Flag:
    """A span of display text that reads as an instruction to an assistant, and why."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class ScreeningRules:
    compact: tuple[tuple[str, re.Pattern], ...]
    lines: tuple[tuple[str, re.Pattern], ...]
    fingerprint: str


@lru_cache(maxsize=2)
def load_screening_rules(path: Path = PATTERNS_PATH) -> ScreeningRules:
    """Compiled screening patterns; the fingerprint changes whenever the file or this module does."""
    raw = path.read_bytes()
    data = yaml.safe_load(raw)
    compile_all = lambda key, flags=0: tuple(  # noqa: E731
        (entry["reason"], re.compile(entry["pattern"], flags)) for entry in data.get(key, []))
    return ScreeningRules(
        compact=compile_all("compact"),
        lines=compile_all("lines", re.MULTILINE),
        fingerprint=hashlib.sha256(raw + Path(__file__).read_bytes()).hexdigest()[:16],
    )


def screen_text(text: str, rules: ScreeningRules | None = None) -> tuple[Flag, ...]:
    """Every instruction-like span of `text` (display-text offsets), in order, overlaps merged."""
    rules = rules or load_screening_rules()
    matching = aligned_normalize(text)  # same length as text: offsets carry over
    found = [Flag(m.start(), m.end(), reason) for reason, p in rules.lines for m in p.finditer(matching)]
    positions = [i for i, c in enumerate(matching) if not _INVISIBLE.match(c)]
    compact = "".join(matching[i] for i in positions)
    for reason, pattern in rules.compact:
        for m in pattern.finditer(compact):
            if m.end() > m.start():
                found.append(Flag(positions[m.start()], positions[m.end() - 1] + 1, reason))
    return _merge(sorted(found, key=lambda f: (f.start, -f.end)))


def _merge(flags: list[Flag]) -> tuple[Flag, ...]:
    merged: list[Flag] = []
    for flag in flags:
        if merged and flag.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Flag(last.start, max(last.end, flag.end), last.reason)
        else:
            merged.append(flag)
    return tuple(merged)
