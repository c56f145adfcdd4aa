"""Follow-up questions in a chat: "昆明呢" after "黑龙江高技能人才多少" means "昆明高技能人才多少"."""
from __future__ import annotations

import re

from core.textnorm import normalize
from qa.regions import find_regions
from qa.terms import content_words

_TAIL = re.compile(r"[呢吗啊呀的？?。!！\s]+$")
MAX_FOLLOWUP_CHARS = 12


def resolve_followup(question: str, previous: str | None) -> str:
    """The question to ask: the previous one with its place replaced, when this one only names a place."""
    if not previous or len(question) > MAX_FOLLOWUP_CHARS:
        return question
    places = find_regions(question)
    if not places or content_words(question):
        return question
    new_places = "和".join(dict.fromkeys(normalize(question)[s:e] for _, s, e in places))
    old = find_regions(previous)
    if not old:
        return new_places + _TAIL.sub("", previous) if previous else question
    matching = normalize(previous)
    start, end = old[0][1], old[-1][2]
    # Offsets are into the matching form; the previous question is short, so rebuild it from that form.
    return matching[:start] + new_places + matching[end:]
