"""Whether a question asks a rank (在全国排第几, 第几名) and whether a text gives one.

A rank is answered by an ordinal (第八位, 排行全美第五, 位列22名) or a word that places (首位, 之首, 前列), not by
a level (546万人) or a rating (优秀等次) however closely the text matches the rest of the question.
"""

from __future__ import annotations

import re

_NUMERAL = "[一二三四五六七八九十百千两零〇\\d]"
_ASKS_RANK = re.compile(r"(?:排在?|排名|排行|名列|位列|位居|居|列)第几|第几名|名次|排名多少|排多少名")
_GIVES_RANK = re.compile(rf"第{_NUMERAL}+|{_NUMERAL}+名|首位|榜首|之首|冠军|亚军|季军|殿军|前列|前{_NUMERAL}+|末位|倒数")


def asks_rank(matching: str) -> bool:
    """Whether the question (matching form) asks a rank."""
    return _ASKS_RANK.search(matching) is not None


def gives_rank(matching: str) -> bool:
    """Whether the text (matching form) gives a rank or place."""
    return _GIVES_RANK.search(matching) is not None
