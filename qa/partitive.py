"""The part of a group a count question asks about: 女工 of 技术状元里女工有几名, 一线 of 人大代表中一线工人占多少.

A count of the group (技术状元506名) or of another part of it (一线工人74名 for 女代表) does not answer how many
of the part there are, so a sentence answers only if it names the part: the first word of the noun phrase
after the locative (里, 中, 当中 …), the word that sets the part apart from the rest of the group (女 of
女代表, 一线 of 一线工人), or a word of its synonym group. The phrase is read by jieba's part-of-speech tags
(dictionary only): a locative after a noun, then nouns, adjectives or numerals, then 有, 占, 是 … and the
question word, so 中职学校, 系列里的第几场 and 在两新组织里新成立了几个 ask no part.
"""

from __future__ import annotations

import re

from qa.terms import synonym_groups, tagged

_LOCATIVES = frozenset(("里", "中", "当中", "之中", "里头", "里面"))
# words between the part and the question word: 有, 占了, 要占, 至少要占 …
_LINKS = frozenset(("有", "占", "是", "要", "能", "达", "达到", "为", "得", "共", "一共", "总共", "了", "至少", "大概"))
_ASKS_COUNT = re.compile(r"多少|几|百分之|多大")


def _in_noun_phrase(word: str, flag: str) -> bool:
    """A noun (an abbreviation, 'j', too: 国企), adjective, distinguishing word or numeral, not an ordinal."""
    return (flag.startswith("n") or flag in ("j", "a", "an", "b", "m")) and not word.startswith("第")


def asked_part(matching: str) -> str:
    """The first word of the part of a group the question asks a count of ("" when it asks none); the
    question in matching form."""
    words = tagged(matching)
    for at, (word, _) in enumerate(words):
        if word not in _LOCATIVES or at == 0 or not _in_noun_phrase(*words[at - 1]):
            continue
        rest = words[at + 1 :]
        if rest and rest[0][0] == "的":
            rest = rest[1:]
        phrase = []
        while rest and _in_noun_phrase(*rest[0]) and not _ASKS_COUNT.match(rest[0][0]):
            phrase.append(rest[0][0])
            rest = rest[1:]
        if rest and rest[0][0] == "的":
            rest = rest[1:]
        while rest and rest[0][0] in _LINKS:
            rest = rest[1:]
        following = "".join(word for word, _ in rest)
        if phrase and len(phrase) <= 3 and _ASKS_COUNT.match(following):
            return phrase[0]
    return ""


def names_part(part: str, matching: str) -> bool:
    """Whether the text (matching form) names the part, or a word of its synonym group; True when none asked."""
    return not part or any(word in matching for word in synonym_groups().get(part, (part,)))
