"""The parts of a question that asks two or more things: 黑龙江高技能人才多少，工会驿站建了多少个.

A question is cut at clause punctuation and at spaces; a piece that asks nothing itself (黑龙江, in
"黑龙江 慰问职工 花了多少钱") is context for the next piece that does, or for the last one when none follows.
A question with fewer than two asking pieces is one part: the question itself.
"""
from __future__ import annotations

import re

_CUT = re.compile(r"[，,？?；;。！!]+|\s+")
# Words that ask: a part holds one of them. 吗/呢 only mark a question, they do not ask something further.
_ASKING = re.compile(r"什么|怎么|怎样|如何|哪|谁|为什么|为何|多少|多大|多高|多长|几|啥|何时|是否")


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
