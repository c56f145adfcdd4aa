"""Whether a question asks a figure per year (每年, 年均, 一年的投入) and whether a text gives one.

A yearly figure is answered by a text that gives a rate (每年组织开展100项, 年均组织3700余家单位, 全年), not by a
total over an unnamed span (启用314.9万元资金) that may cover several years.
"""

from __future__ import annotations

import re

_ASKS_PER_YEAR = re.compile(r"每年|年均|每一年|(?<![哪这那])一年(?:的|里|内|中)?(?:投入|花|有|能|要|多少|几)")
_GIVES_PER_YEAR = re.compile(r"每年|年均|每一年|一年|全年|当年|年度|/年|年平均")


def asks_per_year(matching: str) -> bool:
    """Whether the question (matching form) asks a figure per year."""
    return _ASKS_PER_YEAR.search(matching) is not None


def gives_per_year(matching: str) -> bool:
    """Whether the text (matching form) gives a figure per year, or names a single year's span."""
    return _GIVES_PER_YEAR.search(matching) is not None
