"""A count after a coordination counts its members together: 省、市级工匠学院80余家 does not say how many are 省级,
and 奖励龙江工匠、市级工匠1943人 does not say how many of the 1943 are 市级. A question that names one member
(省级工匠学院有多少家) without the others is not answered by that count.

A member is a level before 级 (省、市级: 省级 and 市级) or an item before 、 that carries no count of its own
(职工之家1818个、职工书屋2331个 gives each its own count, so it is no coordination). Names in quotation marks
run together before one count coordinate too: 培育“鲁班首席工匠”“齐鲁大工匠”“齐鲁工匠”314名 does not say how many
are 齐鲁大工匠. So do nouns with one head listed with 、 before one count: 设立技能大师工作室、名匠工作室120个 does not
say how many are 技能大师工作室 when that is asked on its own (单算技能大师工作室, 名匠工作室不算技能大师工作室); asked
plainly, the shared count, whose wording the answer shows, is the documents' answer.
"""

from __future__ import annotations

import re

_AND = "、和及与"
# a coordination before 级: its first member (a level, or the last character of an item) and the members after
# each separator, then 级 or 两级, 三级 (省、市级, 省、县两级, 省、市、县三级, 龙江工匠、市级)
_COORDINATED = re.compile(rf"([\u4e00-\u9fff])((?:[{_AND}][\u4e00-\u9fff])+)[两三四五]?级")
_COUNT_END = re.compile(r"\d\s*(?:多|余)?(?:万|亿)?(?:多|余)?[\u4e00-\u9fff%]?$")  # an item ending in its own count
_LEVEL_ASKED = re.compile(r"([\u4e00-\u9fff])级")
_QUOTED = re.compile(r"[“「『\"]([^“”「」『』\"]{1,15})[”」』\"]")
# words that ask one item on its own (an "only" adverb, 单 光 只 仅, before a verb of counting, looking or being:
# 单算, 单独, 光看, 单是, 仅计 …), or leave the others out (the item after 不算 … is not asked)
_ALONE = re.compile(r"[单光只仅](?:算|独|计|看|是|论)")
_LEFT_OUT = re.compile(r"(?:不算|不含|不包括|除去|除了)[^，,。；;：:!！?？()（）]*")
# a clause's last run of items joined by 、, none with a figure of its own, right before a count
_LISTED_COUNT = re.compile(r"([^，,。；;：:!！?？、\d]+(?:、[^，,。；;：:!！?？、\d]+)+)\d")
# two or more quoted names, side by side or with 、 和 及 与 between them, then a count (等 or 共 may come between)
_QUOTED_RUN = re.compile(r"((?:[“「『\"][^“”「」『』\"]{1,15}[”」』\"][、和及与]?){2,})(?:等|共|合计|总计)?\s*\d")


def only_in_combined_count(question: str, text: str) -> str:
    """The level the question asks (省级) that the text names only as one member of a coordination whose count
    is shared (省、市级, 龙江工匠、市级工匠), the question naming no other member; "" when none. Both in matching
    form."""
    for asked in dict.fromkeys(_LEVEL_ASKED.findall(question)):
        if any(not (m.start() and text[m.start() - 1] in _AND) for m in re.finditer(asked + "级", text)):
            continue  # the text names the level on its own somewhere
        own = _before_level(question, asked)
        for found in _COORDINATED.finditer(text):
            members = [found.group(1), *found.group(2)[1::2]]
            if asked not in members:
                continue
            item = _item_before(text, found.start(2))
            if _COUNT_END.search(item):
                continue  # 文体活动中心1082个、市级示范点20个: each item has its own count, a list
            others = [m for m in members if m != asked]
            if all(m in own or m + "级" in question for m in others) or _named(question, item, own):
                continue  # the question asks the members together
            if _shares_head(question, text, found.end()):
                return asked + "级"
    return ""


def _before_level(question: str, asked: str) -> str:
    """The characters the question itself coordinates with the level (省市级, 省、市级): its own members."""
    at = question.find(asked + "级")
    return question[max(0, at - 3) : at]


def _item_before(text: str, end: int) -> str:
    """The list item that ends at `end` (a separator follows it): back to the previous separator or clause break."""
    start = max(text.rfind(c, 0, end) for c in _AND + "，,；;：:。")
    return text[start + 1 : end]


def _named(question: str, item: str, own: str) -> bool:
    """Whether the question names the item before the separator too, so asks both: its last four characters
    (龙江工匠), or its last one among the levels the question coordinates itself (`own`: 省 of 省市级)."""
    tail = re.sub(r"[^\u4e00-\u9fff]", "", item)
    return bool(tail) and (tail[-4:] in question or tail[-1] in own)


def _shares_head(question: str, text: str, at: int) -> bool:
    """Whether the noun after the coordination (the next few characters, brackets skipped) is the question's:
    a pair of its characters is in the question."""
    after = re.sub(r"[(（][^)）]*[)）]", "", text[at : at + 12])
    after = re.sub(r"[^\u4e00-\u9fff]", "", after)[:6]
    return any(after[i : i + 2] in question for i in range(len(after) - 1))


def only_in_quoted_count(question: str, text: str) -> str:
    """The quoted name the question asks (齐鲁大工匠) that the text names only as one of a run of quoted names
    before one count (培育“鲁班首席工匠”“齐鲁大工匠”“齐鲁工匠”314名), the question naming no other of them; ""
    when none. `question` in matching form, `text` too but with its quotation marks (`normalize`)."""
    for run in _QUOTED_RUN.finditer(text):
        members = _QUOTED.findall(run.group(1))
        asked = [m for m in members if m in question]
        if len(asked) != 1:
            continue  # none asked, or several asked together (鲁班首席工匠齐鲁大工匠这些加起来有多少人)
        outside = text[: run.start()] + " " + text[run.end(1):]
        if asked[0] not in outside:  # 齐鲁工匠 named on its own too (“齐鲁工匠”建设工程) may be what is asked
            return asked[0]
    return ""


def only_in_shared_count(question: str, text: str) -> str:
    """The item the question asks on its own (单算技能大师工作室) that the text names only as one of several nouns
    with one head, joined by 、 before one count (技能大师工作室、名匠工作室120个); "" when none. Items with no head in
    common (滇池保护治理、地铁建设项目等劳动竞赛) are examples of what is counted, not parts of it, and are left
    alone. Both in matching form."""
    alone = bool(_ALONE.search(question))
    kept = _LEFT_OUT.sub("", question)
    if not alone and kept == question:
        return ""
    question = kept
    for run in _LISTED_COUNT.finditer(text):
        items = run.group(1).split("、")
        head = _common_suffix(items)
        if len(head) < 2:
            continue
        kinds = [item[: -len(head)] for item in items]
        if not all(len(kind) >= 2 for kind in kinds):
            continue  # a one-character kind (省、市…) is a level, read by only_in_combined_count
        asked = [kind for kind in kinds if kind[-4:] in question or kind[-2:] in question]
        if len(asked) == 1 and head in question:
            return asked[0][-4:] + head
    return ""


def _common_suffix(items: list[str]) -> str:
    """The longest ending all the items share."""
    shortest = min(len(item) for item in items)
    size = 0
    while size < shortest and len({item[len(item) - size - 1] for item in items}) == 1:
        size += 1
    return items[0][len(items[0]) - size:] if size else ""
