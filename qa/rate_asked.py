"""The rate a question asks by name: 覆盖率 of 昆明两新组织党组织覆盖率是多少, 入会率 of 黑龙江新就业形态劳动者入会率.

Counts (新建两新党组织108个, 慰问新就业形态劳动者6.4万人次) do not answer it, nor does a sentence that only
names what the rate is of (八大群体入会, 新发展…劳动者10万名 for 入会率), so a sentence answers only if it gives a
rate (a percentage, 成 or 百分之) or the whole of one: 全 before what the rate is of (the word before 率: 覆盖,
入会) or a word of its synonym group (高职院校全覆盖 for 覆盖率). A sentence that gives a rate may word it
otherwise (100%的公民赞成 for 得票率) and is left to the other checks.
The rate is a word of three characters or more ending in 率 (or 率 that jieba's tags leave on its own after a
word), so a one-word rate (效率, 利率) names no stem and is left to the other checks.
"""

from __future__ import annotations

import re

from qa.terms import synonym_groups, tagged

_GIVES_RATE = re.compile(r"%|％|百分之|[一二三四五六七八九十\d]成")


def rate_stem(matching: str) -> str:
    """What the question's (matching form) rate is of (覆盖 of 覆盖率), "" when it asks none by name."""
    words = [word for word, _ in tagged(matching)]
    for at, word in enumerate(words):
        if word == "率" and at and len(words[at - 1]) >= 2:
            return words[at - 1]
        if word.endswith("率") and len(word) >= 3:
            return word[:-1]
    return ""


def answers_rate(stem: str, matching: str) -> bool:
    """Whether the text (matching form) may answer the rate asked: it gives a rate, or the whole of what the
    rate is of (全覆盖, 全部入会, or of a synonym of it); True when none asked."""
    return (not stem or _GIVES_RATE.search(matching) is not None
            or any(f"全{word}" in matching or f"全部{word}" in matching
                   for word in synonym_groups().get(stem, (stem,))))
