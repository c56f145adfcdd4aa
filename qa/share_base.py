"""The whole a share is taken of, where the question names its level: 全国 of 昆明产业工人占全国比重是多少. A
sentence that gives shares of other wholes only (占全市从业人员的49.2%, 占全省比重的40%; 高技能人才占技能人才的比例)
does not answer it: a share of the province is not a share of the country. Nor does a sentence that gives the
share the asked whole takes (产业工人…占全市从业人员的49.2% for 女职工占产业工人的比例).

The whole is what follows 占 (not 占有, 占到, 占比) up to 的, 比重, 比例 … (in the question, up to the question word),
or, where none follows, a whole with a level that the part stands in (在全市就业人员里占几成). A whole that names a
level (世界, 全国, 全省, 全市, 全县 …) is compared by it: a sentence's whole answers for it where it names the same
level, or names none and shares a word's characters with the rest of the asked whole (职工总数 for 全国职工). Other
wholes in the question's own words (全市干活的人 for 全市从业人员) differ in too much else to be compared by their
characters, so one that names no level is held only against the sentence's own words: named before its first 占 and
in none of its wholes, it is what takes the shares. Sentences that give no share of a named whole (占8.2%,
覆盖率达91.95%) are left to the other checks.
"""

from __future__ import annotations

import re

_QUESTION_WORD = "多几少大百"
_SHARE_WORD = "(?:比重|比例|百分比|份额|多少|几成|百分之几|多大)"
_ASKED_WHOLE = re.compile(rf"占(?:到|了|有)?(?![的有了到比地率])([\u4e00-\u9fff]{{1,12}}?)的?{_SHARE_WORD}")
_GIVEN_WHOLE = re.compile(r"占(?:到|了)?([\u4e00-\u9fff]{1,12}?)(?=的|比重|比例|百分比|份额|\d)")
_LEVELS = (("世界", "全球", "国际"), ("全国", "国内"), ("全省", "省内"), ("全市", "市内"), ("全县", "县内"), ("全区", "区内"))
# the whole named before the part, as a place the part stands in: 在全市就业人员里占几成, 全市就业人口当中…所占的百分比
_WHOLE_BEFORE = re.compile(rf"((?:{'|'.join(w for words in _LEVELS for w in words)})[\u4e00-\u9fff]{{0,10}}?)"
                           rf"(?:里面|里头|里|当中|之中|中)[\u4e00-\u9fff]{{0,10}}?所?占(?:到|了)?的?{_SHARE_WORD}")


def asked_whole(matching: str) -> str:
    """The whole the question asks a share of ("" when it asks none), in matching form."""
    found = _ASKED_WHOLE.search(matching)
    if found and not any(char in _QUESTION_WORD for char in found.group(1)):
        return found.group(1)
    before = _WHOLE_BEFORE.search(matching)
    return before.group(1) if before else ""


def _level(whole: str) -> tuple[int, str] | None:
    """The level the whole names (its index in _LEVELS) and the rest of it, None when it names none."""
    for at, words in enumerate(_LEVELS):
        for word in words:
            if word in whole:
                return at, whole.replace(word, "")
    return None


def shares_of_other_wholes(whole: str, matching: str) -> bool:
    """Whether the text (matching form) gives shares of wholes it names, none of them the asked whole: where the
    asked whole names a level, none of that level (nor of no level and sharing characters with the rest of the
    asked whole); where it names none, the text names it only before its shares, as what takes them."""
    given = [found.group(1) for found in _GIVEN_WHOLE.finditer(matching)]
    if not whole or not given:
        return False
    asked = _level(whole)
    if asked is None:
        return _only_as_the_part(whole, matching, given)
    return not any(_answers_for(asked, other) for other in given)


def _only_as_the_part(whole: str, matching: str, given: list[str]) -> bool:
    """Whether the whole (naming no level) is named in the text before its first 占 and in none of the wholes it
    gives shares of: 产业工人…占全市从业人员的49.2% is the share 产业工人 take, not a share of them."""
    named = matching.find(whole)
    return len(whole) > 1 and 0 <= named < matching.find("占") and not any(whole in other for other in given)


def _answers_for(asked: tuple[int, str], given: str) -> bool:
    level = _level(given)
    return level[0] == asked[0] if level else bool(set(given) & set(asked[1]))
