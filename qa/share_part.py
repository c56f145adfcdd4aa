"""What takes the share a question asks (高技能人才 of 昆明的高技能人才占全市从业人员多少), and whether a sentence
speaks of it.

A share of the same whole taken by something else (产业工人…占全市从业人员的49.2% for 高技能人才占全市从业人员多少,
for 职工书屋数量占全省的比例) does not answer, so a sentence answers only if it names the part: one of its words'
character pairs in the sentence itself, not the one before (a share is stated with what takes it). Pairs, not
whole words, since the question's words for the part vary from the text's (消费量 for 能源消费, 人口数 for 少数民族人口,
产值 for 金融业增加值).

The part is the run of nouns straight before 占 (or 所占), read by jieba's tags (dictionary only), after any adverb or
modal between them (至少要占, 约占) and before a 在 that names the whole it stands in (产业工人在全省占几成). Places
(the question's routing, which a document about one calls 我省), nouns of how much (数量, 总数, 比例) and
one-character words are left out. A part set apart by a locative (党代会代表里工人占比) is `partitive`'s; the two
read different shapes of question and match differently: that one a word that sets a group's part apart, this one
the noun that names what takes a share of a whole.
"""

from __future__ import annotations

import re

from qa.asked_unit import AMOUNT_NOUNS
from qa.regions import is_place_name
from qa.terms import tagged

_TAKES = re.compile(r"占(?!比|地|据|领|用|有)")  # 占 as taking a share, not 占比, 占地, 占据 …
_CLAUSE_END = re.compile(r"[，,。；;？?！!：:]")
_HOW_MUCH = frozenset((*AMOUNT_NOUNS, "规模", "数目", "比例", "比重", "份额"))
_BETWEEN = frozenset(("所", "要", "能", "会", "得", "应", "应当", "可以", "需要"))  # 所占, 至少要占, 能占
_NOT_A_PART = frozenset(("ns", "nr", "nrt", "nrfg", "t"))  # places, names and times


def asked_share_part(matching: str) -> tuple[str, ...]:
    """The words of what takes the share the question (matching form) asks, () when it names none."""
    takes = _TAKES.search(matching)
    if takes is None:
        return ()
    words = list(tagged(_CLAUSE_END.split(matching[: takes.start()])[-1]))
    while words and (words[-1][0] in _BETWEEN or words[-1][1] in ("d", "c")):
        words.pop()
    places = [at for at, (word, _) in enumerate(words) if word == "在"]
    if places:
        words = words[: places[-1]]
    part = []
    for word, flag in reversed(words):
        if not (flag.startswith("n") or flag in ("vn", "a", "b", "j")) or flag in _NOT_A_PART:
            break
        part.append(word)
    return tuple(word for word in reversed(part)
                 if len(word) > 1 and word not in _HOW_MUCH and not is_place_name(word))


def names_share_part(part: tuple[str, ...], matching: str) -> bool:
    """Whether the sentence (matching form) holds a character pair of one of the part's words; True when no
    part is asked."""
    return not part or any(word[at : at + 2] in matching for word in part for at in range(len(word) - 1))
