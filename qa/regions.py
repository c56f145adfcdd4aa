"""Which places a question names, and which documents may answer for a place."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
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
def _lexicon(path: Path = REGIONS_PATH) -> dict:
    """regions.yaml, read once for the regions and the abbreviations."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_regions(path: Path = REGIONS_PATH) -> tuple[Region, ...]:
    """The place lexicon from regions.yaml."""
    data = _lexicon(path)["regions"]
    return tuple(
        Region(name, tuple(re.compile(a) for a in entry["aliases"]), entry.get("parent"))
        for name, entry in data.items()
    )


@lru_cache(maxsize=1)
def load_abbreviations(path: Path = REGIONS_PATH) -> tuple[re.Pattern, dict[str, str]]:
    """A pattern for a list of two or more one-character abbreviations before a count of places (鲁、黑两地,
    晋黑两省, 京津冀地区), and the province each abbreviation names."""
    province = _lexicon(path)["abbreviations"]
    one = "[" + "".join(province) + "]"
    return re.compile(rf"{one}(?:、?{one})+(?=[两二三四五六七八九几]?(?:地|省|区|市))"), province


_SHORT_FORM = re.compile(r"([\u4e00-\u9fff]{3,}(?<!自治))[市县]")  # 齐齐哈尔市 is also 齐齐哈尔 (not 大同市 大同: a word)


@lru_cache(maxsize=1)
def load_places(path: Path = PLACES_PATH) -> tuple[re.Pattern, dict[str, str | None], dict[str, str]]:
    """The table of cities and counties (scripts/make_places.py): one pattern for all their names, each full
    name's province, and the full name of each name the pattern finds. A city or county is named by its full
    name or, where what is left is three characters or more and no other place's, without 市 or 县 (齐齐哈尔);
    a two-character stem (大同, 河曲) is too often an ordinary word."""
    province = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, parent = line.split("\t")
            province[name] = parent or None
    stem_of = {name: found.group(1) for name in province if (found := _SHORT_FORM.fullmatch(name))}
    stems = Counter(stem_of.values())
    full = {name: name for name in province}
    full |= {stem: name for name, stem in stem_of.items() if stems[stem] == 1 and stem not in province}
    names = sorted(full, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))), province, full


def find_regions(text: str) -> list[tuple[str, int, int]]:
    """(region, start, end) of every place named in the text's matching form, in order, overlaps removed."""
    matching = normalize(text)
    found = []
    for region in load_regions():
        for pattern in region.patterns:
            found += [(region.name, m.start(), _with_level_word(matching, m.end(), region))
                      for m in pattern.finditer(matching)]
    pattern, _, full = load_places()
    found += [(full[m.group()], m.start(), m.end()) for m in pattern.finditer(matching)]
    listed, province = load_abbreviations()
    found += [(province[char], m.start() + at, m.start() + at + 1) for m in listed.finditer(matching)
              for at, char in enumerate(m.group()) if char in province]
    found.sort(key=lambda f: (f[1], -(f[2] - f[1])))
    result, last_end = [], -1
    for name, start, end in found:  # longest match wins: 黑龙江 over 龙江
        if start >= last_end:
            result.append((name, start, end))
            last_end = end
    return result


def _with_level_word(matching: str, end: int, region: Region) -> int:
    """The end of a name with the 省 of a province or 市 of a city that follows it (山西省, 晋省, 昆明市), so that
    blanking the name does not leave a stray 省 or 市 to read as the question's own word."""
    return end + 1 if matching[end : end + 1] == ("市" if region.parent else "省") else end


def is_place_name(word: str) -> bool:
    """Whether the word, whole, names a place (鲁, 龙江, 昆明市; not 晋升 or 鲁班)."""
    return any(start == 0 and end == len(word) for _, start, end in find_regions(word))


# what joins two places both asked (山东和济南, 山东、济南, 山东比济南多多少), not one qualifying the other
_COORDINATOR = re.compile(r"[和与及跟同、，,；;？?]|以及|还有|比|较")


def asked_places(text: str) -> list[str]:
    """The places a question asks about, in order: those it names, less a province (or city) named only to
    qualify a place inside it named later: 山西太原, 云南省昆明市 and 山东的质量工匠里有几个是济南的 ask about 太原,
    昆明 and 济南, and the outer place's own figures do not answer them. An outer place joined to the inner one
    (山东和济南, 山东比济南多多少) is asked on its own and stays."""
    found, matching = find_regions(text), normalize(text)
    qualifiers = {i for i, (outer, _, end) in enumerate(found)
                  if any(outer in _ancestors(inner) and not _COORDINATOR.search(matching[end:start])
                         for inner, start, _ in found[i + 1 :])}
    return list(dict.fromkeys(name for i, (name, _, _) in enumerate(found) if i not in qualifiers))


def _ancestors(place: str) -> list[str]:
    """The places that hold `place`, nearest first (济南, 山东 for 历城区)."""
    found, parent = [], _parents().get(place)
    while parent and parent not in found:
        found.append(parent)
        parent = _parents().get(parent)
    return found


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
