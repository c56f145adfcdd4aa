"""Whether a question asks an amount by a numeral question word, and whether a text states an amount.

多少 and 几 (as jieba tags them numerals: 多少, 几层, 几成; not 几乎, 几何 or 几内亚) ask how many or how much, which
only a numeral states (247.19万, 两层, 八成, 四分之三, 半数) or a word of quantity (全部建立, 大多数). A calendar
date (2018年, 2024-11-05, 11月5日) says when, not how many, so a sentence whose only figures are dates
(自2018年昆明市产改工作启动以来…) does not answer 那年产业工人有多少万. A question that asks a year or an order
(西元几年, 多少年, 第几), or asks something else beside the numeral (在哪个区域运作，并每隔几天…), is left to the
other checks.
"""

from __future__ import annotations

import re

from qa.question_parts import WHO
from qa.terms import tagged

# a year or an order asked, or something else asked beside the numeral (在哪个区域…每隔几天: a place)
_ASKS_OTHER = re.compile(rf"(?:几|多少)年|第几|哪|什么|{WHO}|何")
# a calendar date: a year (2018年, 二〇一八年) with its month and day, a numeric date, or a month and day
_DATE = re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?|[〇零一二三四五六七八九]{4}年"
                   r"|\d{4}\s*[-/.－]\s*\d{1,2}(?:\s*[-/.－]\s*\d{1,2})?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]")
# a numeral, or a word that states how many without one (全部建立, 所有企业, 大多数, 全覆盖)
_NUMERAL = re.compile(r"\d|[〇零一二三四五六七八九十两百千万亿半]|全部|所有|全覆盖|多数|少数|大多|无一")


def asks_amount(matching: str) -> bool:
    """Whether the question (matching form) asks an amount by 多少 or 几, and neither a year or an order nor
    anything else (哪, 什么, 谁)."""
    if _ASKS_OTHER.search(matching):
        return False
    return any(flag == "m" and word.startswith(("几", "多少")) for word, flag in tagged(matching))


def states_amount(matching: str) -> bool:
    """Whether the text (matching form) holds a numeral outside its calendar dates, or a word of quantity."""
    return _NUMERAL.search(_DATE.sub(" ", matching)) is not None
