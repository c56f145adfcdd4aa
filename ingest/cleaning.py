"""Clean a raw web scrape into display text: remove site furniture, junk lists and glosses, keep the script."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from core.textnorm import aligned_normalize, normalize, strip_pinyin_glosses

RULES_PATH = Path(__file__).with_name("cleaning_rules.yaml")
_PUNCT_OR_SPACE = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class CleaningRules:
    """Compiled cleaning rules, loaded from `cleaning_rules.yaml`."""

    version: int
    drop_lines: tuple[re.Pattern, ...]
    tails: tuple[re.Pattern, ...]
    drop_phrases: tuple[re.Pattern, ...]
    line_prefix: re.Pattern
    min_duplicate_chars: int
    fingerprint: str


@dataclass(frozen=True)
class CleanResult:
    """The display text, what was removed (line by line, with the reason) and where each kept line came from."""

    text: str
    removed: tuple[tuple[str, str], ...]
    sources: tuple[int, ...] = ()  # index of the raw line each display line (paragraph) was cut from


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_PATH) -> CleaningRules:
    """Read and compile the cleaning rules; the fingerprint changes whenever the file does."""
    raw = path.read_bytes()
    data = yaml.safe_load(raw)
    compile_all = lambda key: tuple(re.compile(p) for p in data.get(key, []))  # noqa: E731
    return CleaningRules(
        version=int(data["version"]),
        drop_lines=compile_all("drop_line_patterns"),
        tails=compile_all("tail_patterns"),
        drop_phrases=compile_all("drop_phrase_patterns"),
        line_prefix=re.compile(data["line_prefix_pattern"]),
        min_duplicate_chars=int(data["min_duplicate_chars"]),
        fingerprint=hashlib.sha256(raw + Path(__file__).read_bytes()).hexdigest()[:16],
    )


def clean_text(raw: str, rules: CleaningRules, extra_drop_lines: tuple[str, ...] = ()) -> CleanResult:
    """Turn a raw scrape into display text: paragraphs separated by blank lines, in the original script."""
    removed: list[tuple[str, str]] = []
    extra = {line.strip() for line in extra_drop_lines}
    kept: list[tuple[str, int]] = []
    lines = strip_pinyin_glosses(raw.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    for source, line in enumerate(lines):
        line = line.replace("\u3000", " ").strip()
        if not line:
            continue
        matching = normalize(line)
        if any(p.search(matching) for p in rules.tails):
            removed.append((line, "tail"))
            break
        if line in extra:
            removed.append((line, "metadata drop_lines"))
            continue
        if any(p.search(matching) for p in rules.drop_lines):
            removed.append((line, "junk line"))
            continue
        line = _drop_phrases(line, rules, removed)
        line = rules.line_prefix.sub("", line).strip()
        if line:
            kept.append((line, source))
    kept = _drop_duplicates(kept, rules.min_duplicate_chars, removed)
    return CleanResult(text="\n\n".join(line for line, _ in kept), removed=tuple(removed),
                       sources=tuple(source for _, source in kept))


def _drop_phrases(line: str, rules: CleaningRules, removed: list[tuple[str, str]]) -> str:
    # Patterns are written against the matching form; the line keeps its own script, so match on a
    # same-length copy and cut the same positions out of the original.
    for pattern in rules.drop_phrases:
        matching = aligned_normalize(line)
        for m in reversed(list(pattern.finditer(matching))):
            removed.append((line[m.start() : m.end()], "filler phrase"))
            line = line[: m.start()] + line[m.end() :]
    return line


def _drop_duplicates(lines: list[tuple[str, int]], min_chars: int,
                     removed: list[tuple[str, str]]) -> list[tuple[str, int]]:
    keys = [_PUNCT_OR_SPACE.sub("", normalize(line)) for line, _ in lines]
    # Of two copies, keep the one with more text, then the better punctuated one, then the first.
    rank = [(len(key), len(line), -i) for i, ((line, _), key) in enumerate(zip(lines, keys))]
    result = []
    for i, ((line, source), key) in enumerate(zip(lines, keys)):
        if len(key) >= min_chars and any(
            key in other and rank[j] > rank[i] for j, other in enumerate(keys) if j != i
        ):
            removed.append((line, "duplicate"))
            continue
        result.append((line, source))
    return result
