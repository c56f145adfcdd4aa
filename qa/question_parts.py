"""The parts of a question that asks two or more things: 黑龙江高技能人才多少，工会驿站建了多少个.

A question is cut at clause punctuation and at spaces; a piece that asks nothing itself (黑龙江, in
"黑龙江 慰问职工 花了多少钱") is context for the next piece that does, or for the last one when none follows.
A question with fewer than two asking pieces is one part: the question itself.
"""
from __future__ import annotations

import re
from itertools import pairwise

_CUT = re.compile(r"[，,？?；;。！!]+|\s+")
# 谁 asking who, not which of the things compared is more (山西跟黑龙江谁多, 谁更高), which each one's figure answers
WHO = r"谁(?!(?:更|最)?[多少高低大小强弱快慢长短早晚](?:一些|一点|些|点)?(?:[呢啊吧？?，,。；;\s]|$))"  # not 谁多次拜访
# Words that ask: a part holds one of them. 吗/呢 only mark a question, they do not ask something further, and a
# comparison (谁多) asks what the part beside it asks (各多少) of each.
_ASKING = re.compile(rf"什么|怎么|怎样|如何|哪|{WHO}|为什么|为何|多少|多大|多高|多长|几|啥|何时|是否")


def question_parts(question: str) -> list[str]:
    """The question's asking parts, each with the context pieces before it; [question] when it asks one thing."""
    parts, context = [], []
    for piece in (p.strip() for p in _CUT.split(question)):
        if not piece:
            continue
        context.append(piece)
        if _ASKING.search(piece):
            parts.append(" ".join(context))
            context = []
    if context and parts:
        parts[-1] = " ".join([parts[-1], *context])
    return parts if len(parts) > 1 else [question]


_GRAMMAR = re.compile(r"[的了呢吗啊呀吧是有为在各都又还也多]")


def has_words_of_its_own(unplaced: str) -> bool:
    """Whether a part of a question, its places blanked (`Engine.part_of(part, None)`), says what it asks beyond
    the place it asks of: 黑龙江几多 and 昆明呢 do not (they ask what the other parts ask, of another place);
    黑龙江的工会驿站有几个 does."""
    return len(_CONTENT.findall(_GRAMMAR.sub("", _ASKING.sub("", unplaced)))) >= 2


# What several places are asked together: after the last place's own words, 各/分别/各自 (each) or 哪个/哪边 (which
# of them) opens what is asked of every place alike.
_SHARED = re.compile(r"各自|各|分别|哪个|哪边")
_COORDINATOR = re.compile(r"(?:和|与|跟|同|及|以及|还有|、|，|,|\s)+$")
_CONTENT = re.compile(r"[\u3400-\u9fff]")


def own_conjunct(question: str, places: list[tuple[int, int]], asked: int) -> str | None:
    """The question as one of several coordinated places reads it when each place comes with words of its own
    (昆明办的技能竞赛和黑龙江今年办的赛事各多少场次): the words before the first place, the asked place's own
    conjunct (from its name up to the coordinator before the next place) and what every place is asked
    (from 各, 分别 or 哪个 after the last place on), so that a qualifier of another place's conjunct (今年)
    is not read as its own. `places`: the (start, end) of each place named, in order; `asked`: which of them.
    None when the places are not so coordinated (山西和昆明的高技能人才分别是多少: bare names) or nothing
    after the last place says what all are asked."""
    if len(places) < 2:
        return None
    owns = [_COORDINATOR.sub("", question[end:next_start]) for (_, end), (next_start, _) in pairwise(places)]
    last = question[places[-1][1]:]  # the last place's words run on into what all are asked
    shared = _SHARED.search(last)
    if shared is None:
        return None
    owns.append(last[: shared.start()])
    if not all(len(_CONTENT.findall(own.replace("的", ""))) >= 2 for own in owns):
        return None
    start, end = places[asked]
    return question[: places[0][0]] + question[start:end] + owns[asked] + " " + last[shared.start():]
