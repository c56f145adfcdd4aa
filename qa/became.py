"""A count of those of a kind who became something (253名高技能人才被企业评聘为特级技师) or serve as something
(17名产业工人任兼职副主席) counts only them: it does not say how many of the kind there are (山东高技能人才总共有
多少) unless the question asks about what they became (被评聘为特级技师的有多少). A sentence that counts the kind
that way, and gives no count of the kind itself (高技能人才82.7万人), does not answer a question that names the
kind and not what they became, unless the question names the kind only within a longer name the sentence counts
on its own (最美职工 of 50名“齐鲁最美职工”, beside 8名职工入选“全国最美职工”).
"""

from __future__ import annotations

import re

from qa.asked_unit import AMOUNT, AMOUNT_NOUN, UNITS

_BECOMING = (r"(?:被[\u4e00-\u9fff]{0,8}?(?:评为|评聘为|聘为|授予|认定为|选为|确定为|命名为)|入选|当选|获评|荣获|成为"
             r"|担任|出任|任(?![务何意性期命职]))")  # 任 of 任兼职副主席, not of 任务
# an amount, its unit, the kind counted (two to eight characters) and what they became (up to six characters)
_BECAME = re.compile(AMOUNT + rf"(?:{UNITS})([\u4e00-\u9fff]{{2,8}}?){_BECOMING}[“\"「]?([\u4e00-\u9fff]{{2,6}})")


def counts_only_those_who_became(question: str, text: str) -> bool:
    """Whether the text (matching form) counts the question's kind only as those who became something the
    question (matching form) does not name (no two characters of it in a row, beyond the kind's own: 副主席
    names 兼职副主席, 职工 does not name 全国最美职工)."""
    for found in _BECAME.finditer(text):
        kind, became = found.groups()
        pairs = {became[at : at + 2] for at in range(len(became) - 1)}
        named = any(pair in question and pair not in kind for pair in pairs)
        if (kind in question and not named and not _counts_kind(kind, text)
                and not _asks_a_longer_name(kind, question, text)):
            return True
    return False


def _asks_a_longer_name(kind: str, question: str, text: str) -> bool:
    """Whether the question names the kind only within a longer name the text holds too (最美职工 of 齐鲁最美
    职工 for 职工): it asks about that, not the kind."""
    for at in (m.start() for m in re.finditer(re.escape(kind), question)):
        longer = (question[at - 1 : at + len(kind)] if at else "", question[at : at + len(kind) + 1])
        if not any(len(name) > len(kind) and name in text for name in longer):
            return False
    return True


def _counts_kind(kind: str, text: str) -> bool:
    """Whether the text counts the kind itself: the kind, then (总量, 达到 …) a number."""
    return re.search(re.escape(kind) + rf"(?:{AMOUNT_NOUN})?(?:达到|达|为|有|共有|共)?(?:\d|[一二三四五六七八九十两])",
                     text) is not None
