"""Whether a sentence's counts of people count the people a question asks of, or only others.

A count of people in the unit asked (党员1300余名 for 暖新驿站接待过多少人次) answers only where it may count
those asked. Who a count counts is named by the noun straight after it (1993名产业工人), else by the noun straight
before it (产业工人党员1300余名, 技能人才264.3万人) unless that noun is itself counted (200多个职业工种74.5万人次: what
they were trained in). Where every count of people in the sentence names nouns of which the question holds no
character, nor one of a word of their synonym group, the sentence counts other people. A count after a verb or a
link (达到47.39万人, 参赛536.5万人次, 女性占了224名) or at the start of a clause names no one, and may count those
asked. The nouns are read by jieba's tags (dictionary only); a place, a person's name or a time is not who is
counted.
"""

from __future__ import annotations

import re

from qa.asked_unit import AMOUNT, PEOPLE, PEOPLE_UNITS, UNITS
from qa.terms import synonym_groups, tagged

_PEOPLE_COUNT = re.compile(rf"{AMOUNT}(?:{PEOPLE_UNITS})")
_CLAUSE_END = r"[，,。；;：:、（）()“”\"]"
_COUNTED = re.compile(rf"{AMOUNT}(?:{UNITS})[\u4e00-\u9fff]{{0,4}}$")  # a count of things before a noun (200多个职业)
_NOT_WHO = frozenset(("ns", "nr", "nrt", "nrfg", "nz", "t"))  # places, names, proper nouns, times


def counts_other_people(unit: str, question: str, text: str) -> bool:
    """Whether the question (matching form) asks a count of people (`unit`: the unit it asks in) and the text
    (matching form) counts people only as nouns the question does not name; False where it has no count of
    people, or one that names no one."""
    if unit not in PEOPLE:
        return False
    counts = list(_PEOPLE_COUNT.finditer(text))
    return bool(counts) and all(_names_others(_who(text, found), question) for found in counts)


def _who(text: str, count: re.Match) -> str:
    """The noun that names who a count of people counts ("" where none does): the noun straight after it
    (1993名产业工人), else the noun straight before it (技能人才264.3万人) unless that is itself counted
    (200多个职业工种74.5万人次: what they were trained in)."""
    after = tagged(re.split(_CLAUSE_END, text[count.end() :], maxsplit=1)[0][:8])
    if after and _is_who(*after[0]):
        return after[0][0]
    clause = re.split(_CLAUSE_END, text[: count.start()])[-1][-12:]
    words = tagged(clause)
    if not words or not _is_who(*words[-1]):
        return ""
    noun = words[-1][0]
    return "" if _COUNTED.search(clause[: len(clause) - len(noun)]) else noun


def _is_who(word: str, flag: str) -> bool:
    """A common noun of two or more characters: not a place, a name or a time."""
    return flag.startswith("n") and flag not in _NOT_WHO and len(word) > 1


def _names_others(noun: str, question: str) -> bool:
    """Whether the noun names people the question does not: it (or a word of its synonym group) shares no
    character with the question; False for no noun."""
    if not noun:
        return False
    forms = synonym_groups().get(noun, (noun,))
    return not any(char in question for form in forms for char in form)
