"""The part of a group a count question asks about: 女工 of 技术状元里女工有几名, 一线 of 人大代表中一线工人占多少.

A count of the group (技术状元506名) or of another part of it (一线工人74名 for 女代表) does not answer how many
of the part there are, so a sentence answers only if it names the part: the first word of the noun phrase
after the locative (里, 中, 当中 …), the word that sets the part apart from the rest of the group (女 of
女代表, 一线 of 一线工人), or a word of its synonym group. The phrase is read by jieba's part-of-speech tags
(dictionary only): a locative after a noun, then nouns, adjectives or numerals, then 有, 占, 是 … and the
question word, so 中职学校, 系列里的第几场 and 在两新组织里新成立了几个 ask no part. A relative clause may set the
part apart instead (技能人才中来自煤矿企业的有多少, 全国劳模中在国企工作的有几位): its noun phrase is the part.
A place is never the part (技术状元里山东的有几个, 是鲁省的): a document about it speaks of it as 我省.
The part may also follow the question word as what the counted ones are (职工书屋里有几个是全国示范的, 技术状元中有
多少人是女工): the first word of the phrase after 是 or 属于, which jieba may have run into the locative (书屋里 read
书/屋里), so that one is found in the characters.
"""

from __future__ import annotations

import re

from qa.regions import is_place_name
from qa.terms import synonym_groups, tagged

LOCATIVES = frozenset(("里", "中", "当中", "之中", "里头", "里面"))
# words between the part and the question word: 有, 占了, 要占, 至少要占 …
_LINKS = frozenset(("有", "占", "是", "要", "能", "达", "达到", "为", "得", "共", "一共", "总共", "了", "至少", "大概"))
_ASKS_COUNT = re.compile(r"多少|几|百分之|多大|比例|比重|占比")  # a count, or a share (女同志的比例)
# a locative after a character, 有, the question word (and a measure word or 人), 是 or 属于 and the part to the end
_COUNTED_ARE = re.compile(r"[\u4e00-\u9fff](?:" + "|".join(sorted(LOCATIVES, key=lambda w: (-len(w), w)))
                          + r")有(?:多少|几)[\u4e00-\u9fff]?(?:是|属于)([\u4e00-\u9fff]{1,10}?)的?[?？。]?$")


def in_noun_phrase(word: str, flag: str) -> bool:
    """A noun (an abbreviation, 'j', too: 国企), adjective, distinguishing word or numeral, not an ordinal."""
    return (flag.startswith("n") or flag in ("j", "a", "an", "b", "m")) and not word.startswith("第")


def names_group(word: str, flag: str) -> bool:
    """Whether a word before a locative can name the group: a noun phrase's word or a fixed phrase ('l': 全国劳模)."""
    return in_noun_phrase(word, flag) or flag == "l"


def asked_part(matching: str) -> str:
    """The first word of the part of a group the question asks a count of ("" when it asks none); the
    question in matching form."""
    words = tagged(matching)
    for at, (word, _) in enumerate(words):
        if word not in LOCATIVES or at == 0 or not names_group(*words[at - 1]):
            continue
        rest = words[at + 1 :]
        if rest and rest[0][0] == "的":
            rest = rest[1:]
        phrase = []
        while rest and in_noun_phrase(*rest[0]) and not _ASKS_COUNT.match(rest[0][0]):
            phrase.append(rest[0])
            rest = rest[1:]
        if not phrase:
            phrase, rest = _relative_clause(rest)
        if rest and rest[0][0] == "的":
            rest = rest[1:]
        while rest and rest[0][0] in _LINKS:
            rest = rest[1:]
        following = "".join(word for word, _ in rest)
        if phrase and len(phrase) <= 3 and _ASKS_COUNT.match(following):
            return next((word for word, flag in phrase if not is_place(word, flag)), "")
    return _counted_are(matching)


def _relative_clause(rest: list) -> tuple[list, list]:
    """The noun phrase of a relative clause that sets the part apart (煤矿企业 of 来自煤矿企业的, 国企 of 在国企工作的),
    as (word, tag) pairs, and the words from its 的 on: a verb or preposition (not a link: 有, 占), then at most
    three words up to 的, of which the noun phrase's words (the first alone where a verb follows it). No phrase (and
    `rest` as it was) where the words after the locative are not so built."""
    if not rest or not rest[0][1].startswith(("v", "p")) or rest[0][0] in _LINKS:  # 占了就业人口中的 asks no part
        return [], rest
    for end in range(1, min(len(rest), 5)):
        if rest[end][0] == "的":
            clause = rest[1:end]
            first = next((at for at, (word, flag) in enumerate(clause) if in_noun_phrase(word, flag)), None)
            if first is None:
                return [], rest
            phrase = list(clause[first:])
            return phrase if all(in_noun_phrase(*w) for w in phrase) else phrase[:1], rest[end:]
    return [], rest


def _counted_are(matching: str) -> str:
    """The first noun, adjective or numeral of what the counted ones are said to be (全国 of 职工书屋里有几个是全国
    示范的); "" when the question is not so built or that word is a place (最美职工里有几个是山东的): the places
    asked route the question."""
    found = _COUNTED_ARE.search(matching)
    if not found:
        return ""
    word, flag = next(((w, f) for w, f in tagged(found.group(1)) if in_noun_phrase(w, f)), ("", ""))
    return "" if is_place(word, flag) else word


def is_place(word: str, flag: str) -> bool:
    """Whether a word of the part names a place (山东, 鲁 of 鲁省, which jieba may tag a person's name): a place
    is asked by where it is said, not by its name, since a document about 山东 speaks of it as 我省."""
    return flag == "ns" or is_place_name(word)


def names_part(part: str, matching: str) -> bool:
    """Whether the text (matching form) names the part, or a word of its synonym group; True when none asked."""
    return not part or any(word in matching for word in synonym_groups().get(part, (part,)))
