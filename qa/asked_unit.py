"""The unit a question asks its count in (多少名, 几家) and whether a text gives a count in that unit.

A count in another unit answers another question: 100项 competitions for 劳动模范多少名, 15家 firms for
首席技师多少人. 个 is the classifier any count may be asked or given in, so 多少个 asks no unit and 322个
answers 多少家; 人, 名, 位 and 人次 all count people, so each answers the others (and 个 none of them).
"""

from __future__ import annotations

import re

from core.textnorm import normalize

# Units and classifiers a count is given in (82.7万人, 3013家, 30%), longest first where one begins another.
UNITS = "人次|人|名|个|家|项|次|场|条|所|元|%|倍|部分|类|批|期|座|间|户|件|支|位|张|本|册"
_ASKED = re.compile(rf"(?<![哪第])(?:多少|几)(?:万|亿)?(?:({UNITS})|钱)")  # 多少钱: an amount in 元, 万元, 亿元
PEOPLE_UNITS = "人|名|位"  # each counts people, so each answers the others
_PEOPLE = frozenset((*PEOPLE_UNITS.split("|"), "人次"))  # 人次 (person-times) too: 80万人次 or 80万人, never 322个
_MEASURES = frozenset(("元", "%", "倍"))  # amounts, not things counted: 个 does not give them
_AMOUNT = r"(?:\d[\d.,]*|[一二三四五六七八九十百千两]+)\s*(?:多|余)?(?:万|亿)?(?:多|余)?"


def asked_unit(question: str) -> str:
    """The unit the question asks a count in (元 for 多少钱), "" when it asks none or asks in 个."""
    found = _ASKED.search(normalize(question))
    unit = (found.group(1) or "元") if found else ""
    return "" if unit == "个" else unit


def gives_count_in(unit: str, text: str) -> bool:
    """Whether the text gives a counted amount in `unit`: 人, 名, 位 and 人次 count people; 个 answers any other
    classifier (322个 for 多少家), not a measure (元, %, 倍). True when no unit is asked."""
    if not unit:
        return True
    if unit == "元":  # a currency may stand before it: 14800日元, 5,000,000美元, 港元
        return re.search(rf"{_AMOUNT}(?:[^\W\d_]{{0,2}})?[元圆]", normalize(text)) is not None
    units = PEOPLE_UNITS if unit in _PEOPLE else re.escape(unit) if unit in _MEASURES else f"{re.escape(unit)}|个"
    return re.search(rf"{_AMOUNT}(?:{units})", normalize(text)) is not None
