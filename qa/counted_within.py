"""The group a figure is counted within: 党代会 of 山东党代会里工人占多少, and in a sentence that sets its figures
in groups (在省十三届人大代表中,一线工人74名,…;省第十二次党代会代表中,工人52名), which group each figure is of.

A share of one body's delegates does not answer for another body: a sentence whose figures are all set in other
groups (人大代表's and 党代会's for 政协委员里工人占多少, 职代会's 50% for 团代会里一线工人的比例) does not answer.
The question's group is the noun just before its locative (里, 中 …), read by jieba's part-of-speech tags; a
sentence's groups are what stands between a clause's start (or 在) and a locative that ends the phrase (中, or
中的). A group answers where the asked one's characters appear in it in order (党代表 in 省第十二次党代会代表).
Figures outside any group, or sentences that set none, are left to the other checks.
"""

from __future__ import annotations

import re

from qa.partitive import LOCATIVES, names_group
from qa.terms import tagged

_CLAUSE_END = "，,；;。：:、"
# a group phrase: after a clause's start or 在, two to sixteen characters, a locative, then a comma or 的
_GROUP = re.compile(r"(?:^|(?<=[" + _CLAUSE_END + r"])|在)([^" + _CLAUSE_END + r"在]{2,16}?)"
                    + r"(?:当中|之中|中|里)(?=[，,的])")
_SEGMENT_END = re.compile(r"[；;。]")
_FIGURE = re.compile(r"\d|[〇零一二三四五六七八九十百千万亿]{2,}")  # 74名, 一千亿个 (not 一线)


def asked_group(matching: str) -> str:
    """The noun naming the group a question asks a figure within ("" when none): the word before its first
    locative, if a noun (not a place: 山东里 is where, not among whom), in matching form."""
    words = tagged(matching)
    for at, (word, _) in enumerate(words):
        if word in LOCATIVES and at:
            before, flag = words[at - 1]
            if len(before) >= 2 and flag != "ns" and names_group(before, flag):
                return before
            return ""
    return ""


def _holds_in_order(group: str, phrase: str) -> bool:
    """Whether the group's characters appear in the phrase in order (党代表 in 省第十二次党代会代表)."""
    rest = iter(phrase)
    return all(char in rest for char in group)


def counted_in_other_groups(group: str, matching: str) -> bool:
    """Whether the sentence (matching form) gives figures in groups, all in groups other than the asked one;
    False when no group is asked, or the sentence gives a figure outside any group or none in a group."""
    if not group:
        return False
    markers = list(_GROUP.finditer(matching))
    if not markers:
        return False
    outside, elsewhere = matching[: markers[0].start()], False
    for at, marker in enumerate(markers):
        stop = markers[at + 1].start() if at + 1 < len(markers) else len(matching)
        segment = matching[marker.end() : stop]
        end = _SEGMENT_END.search(segment)
        if end:  # a full stop or semicolon ends the group's reach
            outside += segment[end.end() :]
            segment = segment[: end.start()]
        if _FIGURE.search(segment):
            if _holds_in_order(group, marker.group(1)):
                return False
            elsewhere = True
    return elsewhere and not _FIGURE.search(outside)
