"""A year the question names relative to its document (今年, 去年) and whether a passage speaks of that year.

A question about 今年 is not answered by a cumulative figure (累计服务1493万人次), one 截至目前 or one for
2020年以来: the documents state a year's own figure with the year word beside it (今年以来, 今年,5人入选).
"""

from __future__ import annotations

import re

from core.textnorm import normalize
from qa.baseline_year import asked_as_baseline

# what each asked year word accepts in the text; 当年 is not read in a question, where it means "back then"
_YEARS = {"今年": "今年|本年|当年", "本年": "今年|本年|当年", "去年": "去年|上年", "上年": "去年|上年", "前年": "前年"}
_ASKED = re.compile("|".join(_YEARS))


def relative_year(question: str) -> str:
    """The year the question names relative to now or its document (今年, 去年, 前年) and asks a figure of, ""
    when none: a year named only to compare with (比去年涨了多少 asks the growth, 同比) is not asked."""
    matching = normalize(question)
    return next((year for year in dict.fromkeys(_ASKED.findall(matching))
                 if not asked_as_baseline(year, matching)), "")


def speaks_of(year: str, text: str) -> bool:
    """Whether the text names the year (本年 and 当年 count as 今年, 上年 as 去年); True when none is asked."""
    return not year or re.search(_YEARS[year], normalize(text)) is not None
