"""An edition asked (十四届, 第二批, 第三期) is answered by a sentence that names it, not by one that names only
other editions of the same kind: 在省十三届人大代表中 does not answer 十四届省人大代表里一线工人占多少.

An edition is a numeral before 届, 期, 批 or 任, with or without 第. A count of editions is not one: 连续三届,
最新一届, 共九届 (a numeral after 续, 新, 共 …) say how many, not which.
"""

from __future__ import annotations

import re

_EDITION = re.compile(r"(?<![新这那本上下每哪同历续共计近前后一二三四五六七八九十百两〇零\d])(第)?"
                      r"([一二三四五六七八九十百两〇零\d]+)(届|期|批|任)")
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def numeral_value(numeral: str) -> int | None:
    """The value of a numeral in digits or in Chinese characters up to the hundreds (十四 → 14, 第 left out);
    None for one it cannot read."""
    if numeral.isdigit():
        return int(numeral)
    total = current = 0
    for char in numeral:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char in "十百":
            total += (current or 1) * (10 if char == "十" else 100)
            current = 0
        else:
            return None
    return total + current


def editions(text: str) -> set[tuple[int, str]]:
    """The editions a text (matching form) names, as (number, counter): {(13, "届")} for 省十三届人大代表."""
    found = set()
    for match in _EDITION.finditer(text):
        value = numeral_value(match.group(2))
        if value is not None:
            found.add((value, match.group(3)))
    return found


def names_other_edition(question: str, text: str) -> str:
    """The edition the question asks (十四届) where the text names other editions of its kind and not it; ""
    when none. Both in matching form."""
    named = editions(text)
    for value, counter in editions(question):
        others = {v for v, c in named if c == counter}
        if others and value not in others:
            return f"{value}{counter}"
    return ""
