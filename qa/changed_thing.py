"""The thing whose change a question asks: 平均工资 of 黑龙江平均工资增长了多少, 产业工人 of 昆明产业工人多了多少人.

A change given of another thing (技能人才…较2017年分别增长67.3% for 平均工资增长了多少) does not answer it, so a
sentence answers only if it names the thing itself: the word, its head (its last two characters: 工资 of
平均工资) or a word of the synonym group of either. Not the sentence before: a change is stated with what
changes, and the sentence before may speak of another thing (技能人才收入分配 before that 增长67.3%).
The thing is the last noun before the change asked (`asked_kind.CHANGE_ASKED`) and before any comparison
(比五年前, 跟2017年比), read by jieba's tags (dictionary only); places, people's names and times are not
things that change, and a question with no such noun asks of none. A noun that says how much of the noun before
it there is (队伍, 数量, 规模 of 产业工人队伍扩大了多少) is not the thing: the noun before it is.
"""

from __future__ import annotations

from qa.asked_kind import CHANGE_ASKED
from qa.asked_unit import AMOUNT_NOUNS
from qa.terms import synonym_groups, tagged

_COMPARING = frozenset(("比", "跟", "较", "相比", "相较", "比起"))
_NOT_A_THING = frozenset(("ns", "nr", "nrt", "nrfg", "t"))
_HOW_MUCH_OF = frozenset((*AMOUNT_NOUNS, "规模", "队伍"))  # how much of the noun before: 产业工人队伍


def changed_thing(matching: str) -> str:
    """The noun whose change the question (matching form) asks, "" when it asks no change of a named thing."""
    asked = CHANGE_ASKED.search(matching)
    if not asked:
        return ""
    words = tagged(matching[: asked.start()])
    for at, (word, _) in enumerate(words):
        if word in _COMPARING:
            words = words[:at]
            break
    nouns = [word for word, flag in words if flag.startswith("n") and flag not in _NOT_A_THING and len(word) > 1]
    things = [word for word in nouns if word not in _HOW_MUCH_OF] or nouns
    return things[-1] if things else ""


def names_thing(thing: str, matching: str) -> bool:
    """Whether the text (matching form) names the thing, its head or a synonym of either; True when none asked."""
    if not thing:
        return True
    groups = synonym_groups()
    forms = {thing, thing[-2:]}
    return any(word in matching for form in forms for word in groups.get(form, (form,)))
