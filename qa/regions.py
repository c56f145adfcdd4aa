"""Which places a question names, and which documents may answer for a place."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import yaml

from core.textnorm import normalize

REGIONS_PATH = Path(__file__).with_name("regions.yaml")
PLACES_PATH = Path(__file__).with_name("places.tsv")  # every other city and county, by full name


@dataclass(frozen=True)
class Region:
    name: str
    patterns: tuple[re.Pattern, ...]
    parent: str | None = None


@lru_cache(maxsize=1)
def load_regions(path: Path = REGIONS_PATH) -> tuple[Region, ...]:
    """The place lexicon from regions.yaml."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["regions"]
    return tuple(
        Region(name, tuple(re.compile(a) for a in entry["aliases"]), entry.get("parent"))
        for name, entry in data.items()
    )


@lru_cache(maxsize=1)
def load_places(path: Path = PLACES_PATH) -> tuple[re.Pattern, dict[str, str | None]]:
    """The table of cities and counties (scripts/make_places.py): one pattern for all their full names, and
    each name's province."""
    province = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, parent = line.split("\t")
            province[name] = parent or None
    names = sorted(province, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))), province


def find_regions(text: str) -> list[tuple[str, int, int]]:
    """(region, start, end) of every place named in the text's matching form, in order, overlaps removed."""
    matching = normalize(text)
    found = []
    for region in load_regions():
        for pattern in region.patterns:
            found += [(region.name, m.start(), m.end()) for m in pattern.finditer(matching)]
    pattern, _ = load_places()
    found += [(m.group(), m.start(), m.end()) for m in pattern.finditer(matching)]
    found.sort(key=lambda f: (f[1], -(f[2] - f[1])))
    result, last_end = [], -1
    for name, start, end in found:  # longest match wins: 黑龙江 over 龙江
        if start >= last_end:
            result.append((name, start, end))
            last_end = end
    return result


_QUALIFIER_GAP = re.compile(r"[省市]?的?")  # between a province and the place inside it: 山西省太原, 山西的太原


def asked_places(text: str) -> list[str]:
    """The places a question asks about, in order: those it names, less a province named only to qualify
    the place inside it that follows (山西太原, 云南省昆明市): the question is about 太原, and the province's
    own figures do not answer it. A province named on its own as well (山东和济南) stays."""
    found, matching = find_regions(text), normalize(text)
    qualifiers = {i for i, ((outer, _, end), (inner, start, _)) in enumerate(pairwise(found))
                  if _parents().get(inner) == outer and _QUALIFIER_GAP.fullmatch(matching[end:start])}
    return list(dict.fromkeys(name for i, (name, _, _) in enumerate(found) if i not in qualifiers))


def covers(document_region: str | None, asked: str) -> bool:
    """Whether a document about `document_region` may answer a question about `asked`."""
    if document_region is None:
        return False
    if document_region == asked:
        return True
    return _parents().get(document_region) == asked


@lru_cache(maxsize=1)
def _parents() -> dict[str, str | None]:
    return {**load_places()[1], **{r.name: r.parent for r in load_regions()}}


def infer_region(text: str) -> str | None:
    """The place a document is about, when its metadata does not say: the clearly most named one."""
    return main_region([name for name, _, _ in find_regions(text)])


def main_region(mentions: list[str]) -> str | None:
    """The clearly most mentioned of the places a text names (one entry per mention), or None."""
    counts = Counter(mentions)
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2) + [(None, 0)]
    return top if n >= 2 and n >= 2 * rest[0][1] else None
