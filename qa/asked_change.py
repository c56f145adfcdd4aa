"""Whether a question asks by how much something changed (涨了多少, 比五年前增加了多少) and whether a text says.

A change is answered by a change: a figure after 增长, 增加, 提高 … (增长13%, 增加10.8万人), a doubling (翻一番,
3倍), a rise from one level to another (由…提高到…) or a named rate of change (增幅). A level the text reaches
(总量达546万人, 比例提高到30%) does not say how much it grew. 新增了多少 asks a count of new things, not a change.
"""

from __future__ import annotations

import re

_NUMERAL = "[一二三四五六七八九十百千万两零〇\\d]"
_VERB = "增加|增长|提高|提升|上升|减少|下降|降低|涨|增|减"
_ASKS_CHANGE = re.compile(r"(?:增加|增长|提高|提升|上升|减少|下降|降低|涨|(?<!新)增|(?<!有)多|(?<![至最])少)了?(?:多少|几|百分之)")
_GIVES_CHANGE = re.compile(
    rf"(?:{_VERB}|多|少)了?(?:约|近|超过?|达|逾)?{_NUMERAL}"
    rf"|翻了?{_NUMERAL}?番|{_NUMERAL}+倍|(?:由|从).{{1,20}}?(?:{_VERB}|降)(?:至|到)|增幅|涨幅|降幅")


def asks_change(matching: str) -> bool:
    """Whether the question (matching form) asks by how much something changed."""
    return _ASKS_CHANGE.search(matching) is not None


def gives_change(matching: str) -> bool:
    """Whether the text (matching form) states a change: its size, a multiple, or a level it rose from."""
    return _GIVES_CHANGE.search(matching) is not None
