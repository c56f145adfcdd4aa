"""The group a figure is counted within: 党代会代表 of 山东党代会代表中工人占多少, and in a sentence that sets its
figures in groups (在省十三届人大代表中,一线工人74名,…;省第十二次党代会代表中,工人52名), which group each figure is of.

A share of one body's delegates does not answer for another body: a sentence whose figures are all set in other
groups (人大代表's and 党代会's for 政协委员里工人占多少, 职代会's 50% for 团代会里一线工人的比例) does not answer, and
where it sets figures in the asked group, those are the figures that answer (the part asked, 专业 of 专业技术人员
占多少, is to be named there, not in another group's clause).
The question's group is the noun phrase just before its locative (里, 中 …), read by jieba's part-of-speech tags,
places left out; a sentence's groups are what stands between a clause's start (or 在) and a locative that ends
the phrase (中, or 中的). A sentence's group is the asked one where it holds the characters of the phrase's last
word in order (党代表 in 省第十二次党代会代表) and neither names what the other does not: one may be the more
specific (省十三届人大代表 for 人大代表), not another (省十三届人大代表 for 党代会代表). Figures outside any group, or
sentences that set none, are left to the other checks.
"""

from __future__ import annotations

import re

from qa.partitive import LOCATIVES, is_place, names_group
from qa.terms import tagged

_CLAUSE_END = "，,；;。：:、"
# a group phrase: after a clause's start or 在, two to sixteen characters, a locative, then a comma or 的
_GROUP = re.compile(r"(?:^|(?<=[" + _CLAUSE_END + r"])|在)([^" + _CLAUSE_END + r"在]{2,16}?)"
                    + r"(?:当中|之中|中|里)(?=[，,的])")
_SEGMENT_END = re.compile(r"[；;。]")
_FIGURE = re.compile(r"\d|[〇零一二三四五六七八九十百千万亿]{2,}")  # 74名, 一千亿个 (not 一线)


def asked_group(matching: str) -> tuple[str, ...]:
    """The words of the noun phrase naming the group a question asks a figure within (党代会, 代表 of 山东党代会代表
    中工人占多少), places (by jieba's tag or the place names: 鲁 of 鲁省人大) and numerals left out (山东里 is
    where, not among whom); () when it names none."""
    words = tagged(matching)
    for at, (word, _) in enumerate(words):
        if word in LOCATIVES and at:
            phrase = []
            for before, flag in reversed(words[:at]):
                if not names_group(before, flag):
                    break
                if flag != "m" and not is_place(before, flag):  # a numeral (第十二次) is read by edition
                    phrase.insert(0, before)
            return tuple(phrase) if "".join(phrase) and len(phrase[-1]) >= 2 else ()
    return ()


def _holds_in_order(word: str, phrase: str) -> bool:
    """Whether the word's characters appear in the phrase in order (党代表 in 省第十二次党代会代表)."""
    rest = iter(phrase)
    return all(char in rest for char in word)


def figures_of_group(group: tuple[str, ...], matching: str) -> str | None:
    """The text of the sentence (matching form) that gives the asked group's figures: its segments set in that
    group, where it sets figures in groups and gives none outside them; None where all its figures are set in
    other groups; the whole sentence where no group is asked, it sets none, or it gives a figure outside any."""
    markers = list(_GROUP.finditer(matching)) if group else []
    if not markers:
        return matching
    outside, segments = matching[: markers[0].start()], []
    for at, marker in enumerate(markers):
        stop = markers[at + 1].start() if at + 1 < len(markers) else len(matching)
        segment = matching[marker.end() : stop]
        end = _SEGMENT_END.search(segment)
        if end:  # a full stop or semicolon ends the group's reach
            outside += segment[end.end() :]
            segment = segment[: end.start()]
        if _FIGURE.search(segment):
            segments.append((marker.group(1), segment))
    if not segments or _FIGURE.search(outside):
        return matching
    answering = [segment for name, segment in segments if _is_group(group, name)]
    return "，".join(answering) if answering else None


def _is_group(group: tuple[str, ...], name: str) -> bool:
    """Whether a sentence's group name is the asked group: it holds the phrase's last word in order (or, a short
    form, is held in order by it: 职代会 of 职工代表大会), and the two do not each name something the other does
    not (人大代表 against 党代会代表, 省 against 全国): one may only be the more specific."""
    phrase = "".join(group)
    if not (_holds_in_order(group[-1], name) or _holds_in_order(name, group[-1])):
        return False
    return not (set(phrase) - set(name) and set(name) - set(phrase))
